package vn.lienthong.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.activation.DataHandler;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.lienthong.adapters.push.LienthongReceiver;
import vn.lienthong.adapters.push.ReceiverEndpoints;
import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.gateway.support.ArtemisBroker;
import vn.lienthong.gateway.support.Await;
import vn.lienthong.testsupport.GatewayProcess;
import vn.lienthong.gateway.support.Http;
import vn.lienthong.gateway.support.OwnPki;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;

/**
 * The production axis as an operator runs it, every part a real process: PostgreSQL (zonky, fsync and
 * synchronous_commit on), the standalone Artemis primary and backup (shared store, config/broker/), two gateway
 * nodes with the production profile and one shared payload directory, a push recipient over REST. Documents go
 * through both nodes, half to a pull recipient (UBND, which lists, reads through the other node, and
 * acknowledges) and half to a push recipient (Sở Nội vụ), while node A is killed with SIGKILL and restarted,
 * the primary broker is killed (the backup takes over) and restarted (it takes back), and PostgreSQL is
 * restarted. Then every answered DocId is delivered exactly once, nothing is left PENDING or QUEUED, the
 * chain verifies; the figures are printed (lines {@code [ClusterIT]}). Then a route suspended through one node
 * is suspended on the other, and the cluster-wide gauges are exported by one node only.
 */
class ClusterIT {

    /** Documents sent in each stretch of the scenario (before, during and after each outage). */
    private static final int PER_STRETCH = 30;
    private static final String BROKER_USER = "lienthong";
    private static final String BROKER_PASSWORD = "broker-test-password";
    private static final String OPERATOR = "kiemtra";
    private static final String OPERATOR_PASSWORD = "kiem-tra-cum-2026";

    @TempDir
    static Path work;

    private static EmbeddedPostgres postgres;
    private static int postgresPort;
    private static ArtemisBroker primary;
    private static ArtemisBroker backup;
    private static volatile GatewayProcess nodeA;
    private static GatewayProcess nodeB;
    private static final List<GatewayProcess> launched = new CopyOnWriteArrayList<>();
    private static ReceiverEndpoints.Handle receiver;
    private static final Map<String, AtomicInteger> pushes = new ConcurrentHashMap<>();
    private static String[] gatewayArgs;

    @BeforeAll
    static void startTheAxis() throws Exception {
        Path jar = GatewayProcess.jar();
        Path artemis = ArtemisBroker.home();
        assumeTrue(jar != null && artemis != null, "runs in the integration-test phase (failsafe)");
        long started = System.nanoTime();
        Files.createDirectories(work.resolve("packets"));

        postgresPort = Http.freePort();
        postgres = startPostgres();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE lienthong");
        }

        int primaryPort = Http.freePort();
        int backupPort = Http.freePort();
        Path store = work.resolve("broker-store"); // the pair's shared store
        Path config = Path.of(System.getProperty("user.dir")).resolveSibling("config").resolve("broker");
        primary = ArtemisBroker.create(artemis, work.resolve("broker-primary"), config.resolve("broker-primary.xml"),
                BROKER_USER, BROKER_PASSWORD, brokerProperties(store, primaryPort, backupPort));
        backup = ArtemisBroker.create(artemis, work.resolve("broker-backup"), config.resolve("broker-backup.xml"),
                BROKER_USER, BROKER_PASSWORD, brokerProperties(store, backupPort, primaryPort));
        primary.start();
        primary.awaitLog("AMQ221007"); // Server is now active
        backup.start();
        backup.awaitLog("AMQ221109"); // backup started, waiting for the primary to fail

        receiver = ReceiverEndpoints.publishRest(new InetSocketAddress("127.0.0.1", 0), "/qlvb/nhan",
                work.resolve("receiver-spool"), new CountingReceiver());

        String brokerUrl = "(tcp://127.0.0.1:" + primaryPort + ",tcp://127.0.0.1:" + backupPort + ")"
                + "?ha=true&reconnectAttempts=-1&retryInterval=200&retryIntervalMultiplier=1.5&maxRetryInterval=2000"
                + "&callTimeout=10000&callFailoverTimeout=5000";
        // the first operator, made as the README tells: the jar's own command, a bcrypt hash in a file of its own
        Path operators = work.resolve("operators.yml");
        Process create = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                jar.toString(), "operator", "create", "--username", OPERATOR, "--role", "OPERATOR",
                "--name", "Kiểm tra cụm", "--file", operators.toString(), "--password-stdin")
                .redirectErrorStream(true).redirectOutput(work.resolve("operator-create.log").toFile()).start();
        try (var stdin = create.getOutputStream()) {
            stdin.write((OPERATOR_PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(create.waitFor()).as(Files.readString(work.resolve("operator-create.log"))).isZero();
        List<String> args = new ArrayList<>(List.of(OwnPki.create(work.resolve("pki")).productionArguments()));
        args.addAll(List.of(
                "--spring.profiles.active=production",
                // the test talks plain HTTP on loopback; production refuses it on the systems' APIs otherwise (52)
                "--gateway.security.allow-plain-http=true",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgresPort + "/lienthong",
                "--spring.datasource.username=postgres", "--spring.datasource.password=unused",
                "--spring.artemis.broker-url=" + brokerUrl,
                "--spring.artemis.user=" + BROKER_USER, "--spring.artemis.password=" + BROKER_PASSWORD,
                "--gateway.payloads.dir=" + work.resolve("shared-payloads"),
                "--gateway.directory.seed=classpath:directory/sample-directory.yml",
                "--spring.config.additional-location=file:" + operators,
                "--gateway.intake.sweep-interval=1s", "--gateway.intake.sweep-age=3s",
                "--gateway.intake.queued-age=30s",
                // a push claim left by the killed node lasts push-timeout + 30 s; its delivery waits for the claim's end
                "--gateway.intake.push-timeout=5s",
                "--logging.level.org.apache.activemq=WARN"));
        gatewayArgs = args.toArray(String[]::new);

        nodeA = launch("a", 1);
        nodeA.awaitReady();
        // Sở Nội vụ takes its documents by REST push (the directory is in PostgreSQL, shared by both nodes)
        sql("UPDATE agencies SET delivery_mode = 'PUSH_REST', push_endpoint = '" + receiver.url() + "' WHERE code = '"
                + Packets.SO_NOI_VU + "'");
        nodeB = launch("b", 1);
        nodeB.awaitReady();
        System.out.printf("[ClusterIT] PostgreSQL, broker pair and two nodes up in %d s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    @AfterAll
    static void stopTheAxis() throws Exception {
        for (GatewayProcess process : launched) {
            process.cleanUp();
        }
        if (backup != null) {
            backup.stop();
        }
        if (primary != null) {
            primary.stop();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void nothingAnsweredIsLostOrDoubledWhenANodeTheBrokerOrTheDatabaseDies() throws Exception {
        Traffic traffic = new Traffic();
        traffic.start();
        Puller puller = new Puller();
        puller.start();
        try {
            traffic.awaitAnswered(PER_STRETCH);

            Outage nodeKill = traffic.outage("node A killed (SIGKILL), restarted");
            nodeA.kill();
            traffic.awaitAnswered(traffic.answered() + PER_STRETCH); // all through B meanwhile
            nodeA = launch("a", 2);
            nodeA.awaitReady();
            nodeKill.end();
            traffic.awaitAnswered(traffic.answered() + PER_STRETCH);

            Outage brokerKill = traffic.outage("primary broker killed, backup active, primary back");
            primary.kill();
            backup.awaitLog("AMQ221010"); // Backup Server is now active
            traffic.awaitAnswered(traffic.answered() + PER_STRETCH);
            primary.start();
            primary.awaitLog("AMQ221007"); // the primary is active again (the backup stepped back)
            brokerKill.end();
            traffic.awaitAnswered(traffic.answered() + PER_STRETCH);

            Outage databaseRestart = traffic.outage("PostgreSQL restarted");
            postgres.close();
            postgres = startPostgres();
            traffic.awaitAnswered(traffic.answered() + PER_STRETCH);
            databaseRestart.end();
        } finally {
            traffic.stop();
        }

        // every delivery reaches its end: pull ones acknowledged by UBND, push ones answered by the receiver
        Map<String, Sent> answered = traffic.sent();
        Await.until(Duration.ofSeconds(180), () -> count("SELECT COUNT(*) FROM deliveries WHERE state <> 'DELIVERED'"),
                n -> n == 0L);
        puller.stop();

        long pending = count("SELECT COUNT(*) FROM deliveries WHERE state IN ('PENDING', 'QUEUED')");
        long documents = count("SELECT COUNT(*) FROM documents");
        long documentsTwice = count("SELECT COUNT(*) FROM (SELECT edxml_document_id FROM documents"
                + " GROUP BY edxml_document_id HAVING COUNT(*) > 1) twice");
        Map<String, String> deliveryOf = deliveries();
        int pullSent = 0;
        int pushSent = 0;
        int lost = 0;
        int pulledTwice = 0;
        int pushedAgain = 0;
        for (Sent sent : answered.values()) {
            String delivery = deliveryOf.get(sent.docId());
            if (sent.push()) {
                pushSent++;
                int times = delivery == null || !pushes.containsKey(delivery) ? 0 : pushes.get(delivery).get();
                lost += times == 0 ? 1 : 0;
                pushedAgain += Math.max(0, times - 1);
            } else {
                pullSent++;
                int times = delivery == null ? 0 : puller.acknowledged.getOrDefault(delivery, 0);
                lost += times == 0 ? 1 : 0;
                pulledTwice += Math.max(0, times - 1);
            }
        }
        JsonNode chain = chainVerify();

        System.out.printf("[ClusterIT] answered %d (pull %d, push %d); documents stored %d; delivered pull %d,"
                        + " push %d distinct delivery ids (%d pushes in all); lost %d; doubled: documents %d,"
                        + " inbox %d, push re-sent for the same delivery id %d; left PENDING/QUEUED %d%n",
                answered.size(), pullSent, pushSent, documents, puller.acknowledged.size(), pushes.size(),
                pushes.values().stream().mapToInt(AtomicInteger::get).sum(), lost, documentsTwice, pulledTwice,
                pushedAgain, pending);
        for (Outage outage : traffic.outages) {
            System.out.printf("[ClusterIT] %s: %d s; submissions in it %d, the longest blocked %d ms, refused"
                            + " attempts %d%n", outage.name, outage.seconds(), outage.submissions, outage.longestMillis,
                    outage.failedAttempts);
        }
        System.out.printf("[ClusterIT] chain intact=%s, records %s%n", chain.path("intact").asText(),
                chain.path("recordsChecked").asText());

        assertThat(lost).as("answered documents not delivered").isZero();
        assertThat(documentsTwice).as("documents accepted twice").isZero();
        assertThat(pulledTwice).as("inbox deliveries acknowledged twice").isZero();
        assertThat(pending).as("left PENDING or QUEUED").isZero();
        assertThat(documents).as("every stored document was answered (a cut-off one was sent again)")
                .isEqualTo(answered.size());
        assertThat(chain.path("intact").asBoolean()).as(chain.toString()).isTrue();

        // a route suspended through one node is suspended on the other, and resumed through it on both
        assertThat(operator(nodeB, "POST", "/api/v1/routes/dead-letter/suspend").statusCode()).isEqualTo(200);
        Await.until(Duration.ofSeconds(15), () -> routeState(nodeA, "dead-letter"), "Suspended"::equals);
        assertThat(operator(nodeA, "POST", "/api/v1/routes/dead-letter/resume").statusCode()).isEqualTo(200);
        Await.until(Duration.ofSeconds(15), () -> routeState(nodeB, "dead-letter"), "Started"::equals);
        // the cluster-wide gauges are exported by one node, whichever holds their lease
        Await.until(Duration.ofSeconds(40), () -> exportsClusterGauges(nodeA) + exportsClusterGauges(nodeB), n -> n == 1);
    }

    // ---------------------------------------------------------------- the parts

    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(postgresPort)
                .setDataDirectory(work.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
    }

    private static Map<String, String> brokerProperties(Path store, int port, int peerPort) {
        Map<String, String> properties = new HashMap<>();
        properties.put("lienthong.broker.store", store.toString());
        properties.put("lienthong.broker.port", String.valueOf(port));
        properties.put("lienthong.broker.peer", "tcp://127.0.0.1:" + peerPort);
        properties.put("lienthong.broker.cluster-password", "cluster-test-password");
        // the test's own gateway.delivery.*: quick retries
        properties.put("lienthong.delivery.initial-delay-ms", "500");
        properties.put("lienthong.delivery.multiplier", "1.5");
        properties.put("lienthong.delivery.max-delay-ms", "2000");
        properties.put("lienthong.delivery.max-attempts", "100");
        return properties;
    }

    private static GatewayProcess launch(String node, int run) throws IOException {
        Path dataDir = work.resolve("node-" + node);
        List<String> args = new ArrayList<>(List.of(gatewayArgs));
        args.add("--gateway.cluster.node-id=node-" + node + "-run-" + run);
        GatewayProcess process = GatewayProcess.launch(GatewayProcess.jar(), work, dataDir,
                work.resolve("node-" + node + "-" + run + ".log"), args.toArray(String[]::new));
        launched.add(process);
        return process;
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/lienthong", "postgres", "");
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = database(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private static long count(String query) throws Exception {
        try (Connection c = database(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The gateway's DocId (document id) to its one delivery's id. */
    private static Map<String, String> deliveries() throws Exception {
        Map<String, String> map = new HashMap<>();
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT document_id, id FROM deliveries")) {
            while (rs.next()) {
                map.put(rs.getString(1), rs.getString(2));
            }
        }
        return map;
    }

    private static JsonNode chainVerify() throws Exception {
        HttpResponse<String> response = operator(nodeB, "GET", "/api/v1/chain/verify");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    /** A call of the operator API (or the metrics) of {@code node}, as the cluster's operator. */
    private static HttpResponse<String> operator(GatewayProcess node, String method, String path) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((OPERATOR + ":" + OPERATOR_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.port() + path))
                .header("Authorization", "Basic " + credentials)
                .header("Accept", path.startsWith("/actuator/") ? "text/plain" : "application/json")
                .header("X-Requested-With", "XMLHttpRequest")
                .timeout(Duration.ofSeconds(60)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String routeState(GatewayProcess node, String routeId) throws Exception {
        for (JsonNode route : new ObjectMapper().readTree(operator(node, "GET", "/api/v1/routes").body())) {
            if (route.path("id").asText().equals(routeId)) {
                return route.path("state").asText();
            }
        }
        return null;
    }

    private static int exportsClusterGauges(GatewayProcess node) throws Exception {
        HttpResponse<String> metrics = operator(node, "GET", "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        return metrics.body().contains("lienthong_deliveries{") ? 1 : 0;
    }

    /** The push recipient's system: counts what it is given, by delivery id. */
    static final class CountingReceiver implements LienthongReceiver {
        @Override
        public String receiveDocument(String deliveryId, String docId, String messageType, String from, String to,
                                      DataHandler packet) {
            try (InputStream in = packet.getInputStream()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            pushes.computeIfAbsent(deliveryId, id -> new AtomicInteger()).incrementAndGet();
            return "SNV-" + deliveryId;
        }
    }

    record Sent(String docId, boolean push) {
    }

    /** One outage: its window and what the submissions started in it went through. */
    static final class Outage {
        final String name;
        final long startedAt = System.nanoTime();
        volatile long endedAt;
        volatile int submissions;
        volatile long longestMillis;
        volatile int failedAttempts;

        Outage(String name) {
            this.name = name;
        }

        void end() {
            endedAt = System.nanoTime();
        }

        boolean covers(long at) {
            return at >= startedAt && (endedAt == 0 || at <= endedAt);
        }

        long seconds() {
            return Duration.ofNanos((endedAt == 0 ? System.nanoTime() : endedAt) - startedAt).toSeconds();
        }
    }

    /**
     * Tỉnh ủy's system sends through both nodes (one sender each, as a load balancer would spread them),
     * alternately to UBND (pull) and Sở Nội vụ (push). A call that fails (the node is dead, the database away:
     * code 20) is sent again, to the other node, until it is answered: a sender's retry.
     */
    static final class Traffic {
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicInteger number = new AtomicInteger();
        private final Map<String, Sent> sent = new ConcurrentHashMap<>();
        private final List<Outage> outages = new CopyOnWriteArrayList<>();
        private final List<Thread> senders = new ArrayList<>();
        private final List<Throwable> failures = new CopyOnWriteArrayList<>();

        void start() {
            for (int i = 0; i < 2; i++) {
                boolean viaA = i == 0;
                Thread sender = new Thread(() -> run(viaA), "sender-" + (viaA ? "a" : "b"));
                senders.add(sender);
                sender.start();
            }
        }

        Outage outage(String name) {
            Outage outage = new Outage(name);
            outages.add(outage);
            return outage;
        }

        int answered() {
            return sent.size();
        }

        Map<String, Sent> sent() {
            return Map.copyOf(sent);
        }

        void awaitAnswered(int n) throws Exception {
            Await.until(Duration.ofSeconds(120), () -> {
                assertThat(failures).isEmpty();
                return sent.size();
            }, count -> count >= n);
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            for (Thread sender : senders) {
                sender.join(Duration.ofSeconds(60).toMillis());
            }
            assertThat(failures).isEmpty();
        }

        private void run(boolean viaA) {
            try {
                while (!stopped.get()) {
                    int n = number.incrementAndGet();
                    boolean push = n % 2 == 0;
                    String documentId = Packets.TINH_UY + ",2026/12/07," + n + "-CV/CUM";
                    Path packet = Packets.document(work.resolve("packets"), "test-uploads/b6e1f29d-cdc9-4fa7-8391-442e8566f14e.edxml",
                            Packets.TINH_UY, List.of(push ? Packets.SO_NOI_VU : Packets.UBND), documentId);
                    send(packet, push, viaA);
                    Files.deleteIfExists(packet);
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        }

        private void send(Path packet, boolean push, boolean viaA) throws Exception {
            long first = System.nanoTime();
            int failed = 0;
            for (int attempt = 0; ; attempt++) {
                GatewayProcess node = (attempt % 2 == 0) == viaA ? nodeA : nodeB;
                try {
                    VdxpClient.Answer answer = SampleSystems.tinhUy(node.port()).sendEdoc(packet, "edoc", Packets.TINH_UY);
                    if (answer.ok()) {
                        sent.put(answer.docId(), new Sent(answer.docId(), push));
                        record(first, failed);
                        return;
                    }
                    if (!"20".equals(answer.errorCode())) { // only "try again later" may answer an outage
                        throw new AssertionError(answer.json() + " from node " + node.port() + "; its errors:\n"
                                + node.errors());
                    }
                } catch (IOException e) {
                    // the node is dead or restarting: send again elsewhere
                }
                failed++;
                assertThat(Duration.ofNanos(System.nanoTime() - first)).as("a submission answered within 2 minutes")
                        .isLessThan(Duration.ofMinutes(2));
                Thread.sleep(100); // a sender's pause before it sends again
            }
        }

        private void record(long first, int failed) {
            long millis = Duration.ofNanos(System.nanoTime() - first).toMillis();
            for (Outage outage : outages) {
                if (outage.covers(first)) {
                    synchronized (outage) {
                        outage.submissions++;
                        outage.longestMillis = Math.max(outage.longestMillis, millis);
                        outage.failedAttempts += failed;
                    }
                }
            }
        }
    }

    /**
     * UBND's system: lists its inbox through one node, reads each packet through the other (the shared payload
     * store) and acknowledges it; any call that fails is tried again on the next round.
     */
    static final class Puller {
        final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private Thread thread;

        void start() {
            thread = new Thread(this::run, "puller");
            thread.start();
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            thread.join(Duration.ofSeconds(30).toMillis());
        }

        private void run() {
            int round = 0;
            while (!stopped.get()) {
                round++;
                GatewayProcess lister = round % 2 == 0 ? nodeA : nodeB;
                GatewayProcess reader = round % 2 == 0 ? nodeB : nodeA;
                try {
                    JsonNode items = SampleSystems.ubnd(lister.port()).getReceivedEdocList("edoc").data();
                    for (JsonNode item : items) {
                        String delivery = item.path("docId").asText();
                        VdxpClient.Answer packet = SampleSystems.ubnd(reader.port()).getEdoc(delivery);
                        if (!packet.ok()) {
                            continue;
                        }
                        if (SampleSystems.ubnd(lister.port()).updateStatus(delivery, "done").ok()) {
                            acknowledged.merge(delivery, 1, Integer::sum);
                        }
                    }
                    if (items.isEmpty()) {
                        Thread.sleep(200); // an idle inbox: the next look a moment later
                    }
                } catch (IOException | RuntimeException e) {
                    // a node or the database away: the next round tries again
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
