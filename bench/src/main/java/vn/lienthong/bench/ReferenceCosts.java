package vn.lienthong.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

import vn.lienthong.certs.SamplePki;
import vn.lienthong.edxml.dsig.EdxmlSignatureVerifier;
import vn.lienthong.edxml.dsig.SignatureCheck;
import vn.lienthong.trust.evidence.EvidenceEvent;
import vn.lienthong.trust.evidence.EvidenceRecord;
import vn.lienthong.trust.evidence.EvidenceSigner;

/**
 * What each stage of a document's trip costs on this machine, now: the CPU time of this process per operation,
 * measured alone, stage after stage, with the gateway idle. The gateway's CPU per document is reported as a
 * ratio to their sum, so that a busy or slow machine moves both sides alike.
 */
final class ReferenceCosts {

    /** One stage: its name, CPU per operation and operations done. */
    record Stage(String name, String what, double cpuMillis, long operations) {
    }

    /** A task run in a loop by several threads; returns nothing, throws on a wrong result. */
    private interface Operation {
        void run(int thread, long iteration) throws Exception;
    }

    private final Duration perStage;
    private final Path workDir;

    ReferenceCosts(Duration perStage, Path workDir) {
        this.perStage = perStage;
        this.workDir = workDir;
    }

    /** The four stages, on {@code signedPacket} (an XML-DSig-signed packet of the run's size). */
    List<Stage> measure(byte[] signedPacket) throws Exception {
        List<Stage> stages = new ArrayList<>();
        stages.add(xmlDsigVerify(signedPacket));
        stages.add(artemisSendReceive());
        stages.add(h2Commit());
        stages.add(evidenceSignature());
        return stages;
    }

    static double sum(List<Stage> stages) {
        return stages.stream().mapToDouble(Stage::cpuMillis).sum();
    }

    private Stage xmlDsigVerify(byte[] packet) throws Exception {
        EdxmlSignatureVerifier verifier = EdxmlSignatureVerifier.create().withTrustAnchors(SamplePki.caCertificates());
        Measured cpu = loop(2, (thread, i) -> {
            SignatureCheck check = verifier.verify(packet);
            if (!check.isValid()) {
                throw new IllegalStateException("the reference packet's signature does not verify: " + check);
            }
        });
        return stage("xmldsig-verify", "XML-DSig verify of the packet (DOM, exc-c14n, SHA-256, RSA-2048, PKIX)", cpu);
    }

    /**
     * A durable send and a consume with a blocking acknowledgement, on an embedded persistent broker (NIO journal
     * in a temporary directory, as the gateway embeds it); four sessions, since one session syncs about every
     * 3 ms. The body is a reference (a DocId), as the gateway queues references, not packets.
     */
    private Stage artemisSendReceive() throws Exception {
        Path dir = Files.createTempDirectory(workDir, "artemis-");
        Configuration configuration = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large").toString())
                .addAcceptorConfiguration("in-vm", "vm://7");
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration);
        broker.start();
        int threads = 4;
        try (ServerLocator locator = ActiveMQClient.createServerLocator("vm://7")
                .setBlockOnDurableSend(true).setBlockOnAcknowledge(true).setAckBatchSize(0)) {
            ClientSessionFactory factory = locator.createSessionFactory();
            List<ClientSession> sessions = new ArrayList<>();
            List<ClientProducer> producers = new ArrayList<>();
            List<ClientConsumer> consumers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                ClientSession session = factory.createSession(false, true, true);
                String queue = "bench.reference." + t;
                session.createQueue(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST).setDurable(true));
                session.start();
                sessions.add(session);
                producers.add(session.createProducer(queue));
                consumers.add(session.createConsumer(queue));
            }
            Measured cpu = loop(threads, (thread, i) -> {
                ClientSession session = sessions.get(thread);
                ClientMessage message = session.createMessage(true);
                message.getBodyBuffer().writeString("doc-" + thread + "-" + i);
                producers.get(thread).send(message);
                ClientMessage received = consumers.get(thread).receive(10_000);
                if (received == null) {
                    throw new IllegalStateException("the reference broker lost a message");
                }
                received.acknowledge();
            });
            for (ClientSession session : sessions) {
                session.close();
            }
            factory.close();
            return stage("artemis-durable", "Artemis durable send + receive + acknowledge (embedded, NIO journal)", cpu);
        } finally {
            broker.stop();
        }
    }

    /**
     * A tracking row inserted and updated in one transaction, committed, on an H2 file database opened as the
     * gateway's embedded default opens it; four threads.
     */
    private Stage h2Commit() throws Exception {
        Path dir = Files.createTempDirectory(workDir, "h2-");
        String url = "jdbc:h2:file:" + dir.resolve("reference").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        int threads = 4;
        List<Connection> connections = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                Connection connection = DriverManager.getConnection(url, "sa", "");
                connections.add(connection);
            }
            try (Statement ddl = connections.get(0).createStatement()) {
                ddl.execute("CREATE TABLE deliveries (id VARCHAR(64) PRIMARY KEY, recipient_code VARCHAR(32) NOT NULL,"
                        + " state VARCHAR(16) NOT NULL, sha256 VARCHAR(64), created_at TIMESTAMP NOT NULL,"
                        + " updated_at TIMESTAMP)");
                ddl.execute("CREATE INDEX deliveries_inbox ON deliveries (recipient_code, state, created_at)");
            }
            for (Connection connection : connections) {
                connection.setAutoCommit(false);
            }
            Measured cpu = loop(threads, (thread, i) -> {
                Connection connection = connections.get(thread);
                String id = UUID.randomUUID().toString();
                Timestamp now = Timestamp.from(Instant.now());
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO deliveries (id, recipient_code, state, sha256, created_at) VALUES (?, ?, 'PENDING', ?, ?)");
                     PreparedStatement update = connection.prepareStatement(
                        "UPDATE deliveries SET state = 'AVAILABLE', updated_at = ? WHERE id = ?")) {
                    insert.setString(1, id);
                    insert.setString(2, "000.00.00.H41");
                    insert.setString(3, "0".repeat(64));
                    insert.setTimestamp(4, now);
                    insert.executeUpdate();
                    update.setTimestamp(1, now);
                    update.setString(2, id);
                    update.executeUpdate();
                }
                connection.commit();
            });
            return stage("h2-commit", "H2 file database: a row inserted and updated, committed", cpu);
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private Stage evidenceSignature() throws Exception {
        EvidenceSigner signer = new EvidenceSigner(SamplePki.privateKey(SamplePki.GATEWAY), SamplePki.chain(SamplePki.GATEWAY));
        String sha = "ab".repeat(32);
        Measured cpu = loop(2, (thread, i) -> signer.sign(new EvidenceRecord("doc-" + thread + "-" + i, sha,
                "000.00.00.D41", "000.00.00.H41", EvidenceEvent.ACCEPTED, Instant.now())));
        return stage("evidence-ecdsa", "evidence record signed, CMS " + signer.signatureAlgorithm() + " (Bouncy Castle)", cpu);
    }

    /** CPU time of this process over a measured loop, and the operations it did. */
    private record Measured(long cpuNanos, long operations) {
    }

    private static Stage stage(String name, String what, Measured measured) {
        return new Stage(name, what, measured.cpuNanos() / 1e6 / Math.max(1, measured.operations()), measured.operations());
    }

    /**
     * Runs the operation on {@code threads} threads: a warm-up of a third of the stage's time (JIT), then the
     * measured part; returns this process's CPU time over the measured part and the operations done in it.
     */
    private Measured loop(int threads, Operation operation) throws Exception {
        runFor(threads, operation, perStage.dividedBy(3), new AtomicLong());
        AtomicLong done = new AtomicLong();
        long before = processCpuNanos();
        runFor(threads, operation, perStage, done);
        return new Measured(processCpuNanos() - before, done.get());
    }

    private static void runFor(int threads, Operation operation, Duration time, AtomicLong done) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long end = System.nanoTime() + time.toNanos();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (long i = 0; System.nanoTime() < end; i++) {
                        operation.run(thread, i);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
