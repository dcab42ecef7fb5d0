package vn.lienthong.gateway.database;

import java.time.Duration;

import javax.sql.DataSource;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The embedded H2 database (a {@code jdbc:h2:file:} URL, the embedded default) is used through
 * {@link GroupCommitDataSource}; PostgreSQL, durable at each commit and sharing its log writes by itself, as it is.
 * Its counters are {@code lienthong_database_commits_total}, {@code lienthong_database_checkpoints_total} and
 * {@code lienthong_database_written_bytes_total}; its file's figures (size, live share, page cache) are gauges
 * ({@link EmbeddedStoreFigures}).
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean
    static BeanPostProcessor groupCommitForEmbeddedDatabase(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                String url = environment.getProperty("spring.datasource.url", "");
                if (bean instanceof DataSource dataSource && !(bean instanceof GroupCommitDataSource)
                        && url.startsWith("jdbc:h2:file:")) {
                    Duration interval = environment.getProperty("gateway.database.group-commit-interval",
                            Duration.class, Duration.ofMillis(5));
                    return new GroupCommitDataSource(dataSource, interval);
                }
                return bean;
            }
        };
    }

    @Bean
    MeterBinder groupCommitMeters(DataSource dataSource) {
        return meters -> {
            if (dataSource instanceof GroupCommitDataSource groupCommit) {
                FunctionCounter.builder("lienthong.database.commits", groupCommit, GroupCommitDataSource::commits)
                        .description("commits to the embedded database that waited to be written").register(meters);
                FunctionCounter.builder("lienthong.database.checkpoints", groupCommit,
                                GroupCommitDataSource::checkpoints)
                        .description("writes of the embedded database's file, each for the commits of its interval")
                        .register(meters);
                // the gauges hold the only reference to the figures: strongly, or a collection empties them
                EmbeddedStoreFigures store = new EmbeddedStoreFigures(groupCommit);
                Gauge.builder("lienthong.database.file", store, EmbeddedStoreFigures::fileBytes).baseUnit("bytes")
                        .strongReference(true)
                        .description("size of the embedded database's file").register(meters);
                Gauge.builder("lienthong.database.file.live", store, EmbeddedStoreFigures::liveShare)
                        .strongReference(true)
                        .description("share of the embedded database's file that is live data (0-1); the rest is"
                                + " old chunks not yet rewritten or reused").register(meters);
                Gauge.builder("lienthong.database.cache.hits", store, EmbeddedStoreFigures::cacheHitShare)
                        .strongReference(true)
                        .description("share of the embedded database's page reads its cache answered (0-1)")
                        .register(meters);
                Gauge.builder("lienthong.database.cache", store, EmbeddedStoreFigures::cacheBytes).baseUnit("bytes")
                        .strongReference(true)
                        .description("size of the embedded database's page cache").register(meters);
                // a counter holds its source weakly: the gauges above keep the figures alive
                FunctionCounter.builder("lienthong.database.written", store, EmbeddedStoreFigures::writtenBytes)
                        .baseUnit("bytes")
                        .description("bytes written to the embedded database's file since it was opened")
                        .register(meters);
            }
        };
    }
}
