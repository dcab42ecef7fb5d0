package vn.lienthong.gateway.evidence;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.lienthong.gateway.support.PostgresDatabase;

/** The same evidence tests against a real PostgreSQL (BYTEA, ON CONFLICT, the chain's row lock). */
class EvidenceExchangePostgresTest extends EvidenceExchangeTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = PostgresDatabase.newDatabase("evidence");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}
