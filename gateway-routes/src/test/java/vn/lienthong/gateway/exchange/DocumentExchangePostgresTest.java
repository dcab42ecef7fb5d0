package vn.lienthong.gateway.exchange;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.lienthong.gateway.support.PostgresDatabase;

/** The same tests against a real PostgreSQL: the tracking store's SQL runs unchanged on both databases. */
class DocumentExchangePostgresTest extends DocumentExchangeTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = PostgresDatabase.newDatabase("documentexchange");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}
