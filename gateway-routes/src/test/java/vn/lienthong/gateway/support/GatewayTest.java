package vn.lienthong.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.lienthong.vdxp.VdxpClient;

/**
 * The harness of every test that runs the gateway in this JVM: the embedded default on a random port and a fresh
 * data directory, started once per test class and closed after it. A test class extends it and adds its own
 * {@code @DynamicPropertySource} for the settings it changes (both are applied).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class GatewayTest {

    private static final AtomicInteger DOCUMENT_NUMBER = new AtomicInteger(100);

    static {
        // probe at once, then every 50 ms: the waits are on a local gateway's state
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(Duration.ofMillis(50));
    }

    /** The gateway's data directory (database, broker journal, packets), new for each test class. */
    @TempDir
    protected static Path dataDir;

    /** The test's own scratch directory (the packets it writes), new for each test. */
    @TempDir
    protected Path work;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void gatewayDataDir(DynamicPropertyRegistry registry) {
        registry.add("gateway.data-dir", () -> dataDir.toString());
    }

    /** A DocumentId this JVM has not used yet: {@code <from>,2026/11/21,<number><notation>}. */
    protected static String newDocumentId(String from, String notation) {
        return from + ",2026/11/21," + DOCUMENT_NUMBER.incrementAndGet() + notation;
    }

    /**
     * Sends {@code sample} from {@code from}, re-addressed to {@code recipients} under a new DocumentId, with the
     * system's {@code client} over VDXP; asserts it is accepted and gives its DocId.
     */
    protected String send(VdxpClient client, String sample, String from, List<String> recipients) throws Exception {
        return sendPacket(client, Packets.document(work, sample, from, recipients, newDocumentId(from, "-CV/TEST")),
                from);
    }

    /** Sends {@code packet} as {@code from} over VDXP; asserts it is accepted and gives its DocId. */
    protected static String sendPacket(VdxpClient client, Path packet, String from) throws Exception {
        VdxpClient.Answer answer = client.sendEdoc(packet, "edoc", from);
        assertThat(answer.ok()).as(answer.json().toString()).isTrue();
        return answer.docId(); // answered only once the document and its deliveries are stored
    }
}
