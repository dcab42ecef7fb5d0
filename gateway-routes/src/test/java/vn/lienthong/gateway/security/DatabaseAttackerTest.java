package vn.lienthong.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;

/**
 * Someone who can read or write the database, and nothing else (not the key file, not the data directory):
 * a dump of the systems table opens no agency's account, a sealed secret moved to another row opens nothing, and
 * a head of the tamper-evident log deleted from the database is noticed against the copy outside it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseAttackerTest {

    @TempDir
    static Path dataDir;

    @TempDir
    Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("gateway.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode operator(String method, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "vanhanh:vanhanh-2026".getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    // ---------------------------------------------------------------- secrets at rest

    @Test
    void aDumpOfTheSystemsTableDoesNotLetAnyoneActAsAnAgency() throws Exception {
        List<String> stored = jdbc.sql("SELECT secret FROM systems ORDER BY system_id").query(String.class).list();
        assertThat(stored).isNotEmpty().allSatisfy(value -> assertThat(value).startsWith("gcm1:"))
                .noneMatch(value -> value.contains("secret-2026"));
        String tinhuyStored = jdbc.sql("SELECT secret FROM systems WHERE system_id = 'qlvb-tinhuy'").query(String.class)
                .single();
        // the stored value used as the HMAC key opens nothing
        assertThat(SampleSystems.client(port, "qlvb-tinhuy", tinhuyStored).getReceivedEdocList("edoc").errorCode())
                .isEqualTo("15");
        assertThat(SampleSystems.tinhUy(port).getReceivedEdocList("edoc").ok()).isTrue();
    }

    @Test
    void aSealedSecretCopiedOntoAnotherSystemsRowDoesNotOpenIt() throws Exception {
        String vpcpStored = jdbc.sql("SELECT secret FROM systems WHERE system_id = 'vpcp'").query(String.class).single();
        String tinhuyStored = jdbc.sql("SELECT secret FROM systems WHERE system_id = 'qlvb-tinhuy'").query(String.class)
                .single();
        try {
            jdbc.sql("UPDATE systems SET secret = ? WHERE system_id = 'vpcp'").param(tinhuyStored).update();
            // someone with write access to the database and tinhuy's secret tries to act as vpcp
            assertThat(SampleSystems.client(port, "vpcp", "tinhuy-secret-2026").getReceivedEdocList("edoc").errorCode())
                    .isEqualTo("15");
        } finally {
            jdbc.sql("UPDATE systems SET secret = ? WHERE system_id = 'vpcp'").param(vpcpStored).update();
        }
    }


    @Test
    void aSignedHeadDeletedFromTheDatabaseIsNoticedAgainstTheCopyOutsideIt() throws Exception {
        Path packet = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY, List.of(Packets.UBND),
                "rollback-" + System.nanoTime());
        assertThat(SampleSystems.tinhUy(port).sendEdoc(packet, "edoc", Packets.TINH_UY).ok()).isTrue();
        operator("POST", "/api/v1/chain/heads");
        Path copy = dataDir.resolve("chain-heads.log");
        assertThat(copy).isRegularFile();
        assertThat(operator("GET", "/api/v1/chain/verify").path("intact").asBoolean()).isTrue();

        long latest = jdbc.sql("SELECT MAX(seq) FROM chain_heads").query(Long.class).single();
        assertThat(Files.readString(copy)).contains(latest + " ");
        // the attacker removes the proof of how far the log had come
        jdbc.sql("DELETE FROM chain_heads WHERE seq = ?").param(latest).update();

        JsonNode verdict = operator("GET", "/api/v1/chain/verify");
        assertThat(verdict.path("intact").asBoolean()).as(verdict.toString()).isFalse();
        assertThat(verdict.path("firstBreak").path("kind").asText()).isEqualTo("HEAD_ROLLED_BACK");
        assertThat(verdict.path("firstBreak").path("seq").asLong()).isEqualTo(latest);
    }
}
