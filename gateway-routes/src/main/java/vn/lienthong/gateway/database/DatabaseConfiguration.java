package vn.lienthong.gateway.database;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The embedded H2 database (a {@code jdbc:h2:file:} URL, the embedded default) is used through
 * {@link GroupCommitDataSource}; PostgreSQL, durable at each commit and sharing its log writes by itself, as it is.
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
                    return new GroupCommitDataSource(dataSource);
                }
                return bean;
            }
        };
    }
}
