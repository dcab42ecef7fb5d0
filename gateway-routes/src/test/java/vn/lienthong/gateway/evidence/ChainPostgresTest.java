package vn.lienthong.gateway.evidence;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.lienthong.gateway.support.PostgresDatabase;

/** The same chain tests against a real PostgreSQL: the locking and the SQL run unchanged on both databases. */
class ChainPostgresTest extends ChainTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = PostgresDatabase.newDatabase("chain");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}
