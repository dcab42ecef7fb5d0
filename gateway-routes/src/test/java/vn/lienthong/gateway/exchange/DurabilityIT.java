package vn.lienthong.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.testsupport.GatewayProcess;
import vn.lienthong.gateway.support.Packets;

/**
 * The durability contract, with the gateway as a separate process: it is killed with SIGKILL in the middle
 * of a stream of submissions and started again on the same data directory. Every document it answered a
 * DocId for is then delivered to the recipient's inbox exactly once; the submission cut off by the kill is
 * sent again, as a sender would, and is not duplicated either.
 */
class DurabilityIT {

    private static final int DOCUMENTS = 60;

    @TempDir
    Path work;

    private final List<GatewayProcess> started = new ArrayList<>();

    @AfterEach
    void cleanUp() throws InterruptedException {
        for (GatewayProcess process : started) {
            process.cleanUp();
        }
    }

    @Test
    void aKilledGatewayLosesNoAcknowledgedDocumentAndDeliversNothingTwice() throws Exception {
        Path jar = GatewayProcess.jar();
        assumeTrue(jar != null, "gateway.jar not set: runs in the integration-test phase (failsafe)");
        Path dataDir = work.resolve("data");

        List<Path> packets = new ArrayList<>();
        Map<String, Integer> numberOf = new HashMap<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            String documentId = Packets.TINH_UY + ",2026/11/21," + (1000 + i) + "-CV/VPTU";
            numberOf.put(documentId, i);
            packets.add(Packets.document(work, "test-uploads/1f881896-6e3a-4a5f-87f1-c380878e148e.edxml",
                    Packets.TINH_UY, List.of(Packets.UBND), documentId));
        }

        GatewayProcess first = launch(jar, dataDir, "first.log");
        first.awaitReady();

        // the sender streams submissions; the test kills the gateway while they are in flight
        Map<Integer, String> acknowledged = new LinkedHashMap<>();
        CountDownLatch halfway = new CountDownLatch(DOCUMENTS / 3);
        AtomicBoolean cutOff = new AtomicBoolean();
        int[] next = {0};
        Thread sender = new Thread(() -> {
            VdxpClient tinhUy = client(first.port(), "qlvb-tinhuy", "tinhuy-secret-2026");
            for (int i = 0; i < DOCUMENTS; i++) {
                next[0] = i;
                try {
                    VdxpClient.Answer answer = tinhUy.sendEdoc(packets.get(i), "edoc", Packets.TINH_UY);
                    if (answer.ok()) {
                        synchronized (acknowledged) {
                            acknowledged.put(i, answer.docId());
                        }
                    }
                    halfway.countDown();
                } catch (IOException | InterruptedException e) {
                    cutOff.set(true);
                    return; // the gateway is gone: this submission has no answer
                }
            }
        });
        sender.start();
        halfway.await();
        first.kill();
        sender.join(Duration.ofSeconds(60).toMillis());
        int resumeFrom;
        synchronized (acknowledged) {
            resumeFrom = cutOff.get() ? next[0] : DOCUMENTS;
            System.out.printf("[DurabilityIT] killed after %d acknowledged submissions; cut off at #%d%n",
                    acknowledged.size(), resumeFrom);
        }
        assertThat(acknowledged).isNotEmpty();

        GatewayProcess second = launch(jar, dataDir, "second.log");
        second.awaitReady();
        VdxpClient tinhUy = client(second.port(), "qlvb-tinhuy", "tinhuy-secret-2026");
        for (int i = resumeFrom; i < DOCUMENTS; i++) {
            VdxpClient.Answer answer = tinhUy.sendEdoc(packets.get(i), "edoc", Packets.TINH_UY);
            assertThat(answer.ok()).as(answer.json().toString()).isTrue();
            String before = acknowledged.put(i, answer.docId());
            if (before != null) {
                assertThat(answer.docId()).as("a resubmission answers the DocId already given").isEqualTo(before);
            }
        }

        // the recipient pulls everything: each document exactly once
        VdxpClient ubnd = client(second.port(), "qlvb-ubnd", "ubnd-secret-2026");
        Map<Integer, Integer> received = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (received.size() < DOCUMENTS && System.nanoTime() < deadline) {
            JsonNode list = ubnd.getReceivedEdocList("edoc").data();
            for (JsonNode item : list) {
                String deliveryId = item.path("docId").asText();
                EdocHeader header = (EdocHeader) Packets.header(VdxpClient.decodeEdoc(ubnd.getEdoc(deliveryId)));
                received.merge(numberOf.get(header.messageHeader().documentId()), 1, Integer::sum);
                assertThat(ubnd.updateStatus(deliveryId, "done").ok()).isTrue();
            }
            if (list.isEmpty()) {
                Thread.sleep(100); // polling the inbox, bounded by the deadline
            }
        }
        assertThat(received.keySet()).as("every acknowledged document arrived").containsAll(acknowledged.keySet());
        assertThat(received.values()).as("and none twice").allMatch(count -> count == 1);
        assertThat(received).hasSize(DOCUMENTS);
        assertThat(second.stop()).isIn(0, 143);
    }

    private GatewayProcess launch(Path jar, Path dataDir, String log) throws IOException {
        GatewayProcess process = GatewayProcess.launch(jar, work, dataDir, work.resolve(log),
                "--gateway.intake.sweep-interval=1s", "--gateway.intake.sweep-age=2s");
        started.add(process);
        return process;
    }

    private static VdxpClient client(int port, String systemId, String secret) {
        return new VdxpClient(URI.create("http://127.0.0.1:" + port + "/vdxp"), systemId, secret);
    }
}
