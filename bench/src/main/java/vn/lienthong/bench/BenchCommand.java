package vn.lienthong.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.lienthong.certs.SamplePki;
import vn.lienthong.edxml.dsig.EdxmlSigner;

/** {@code java -jar bench/target/lienthong-bench.jar --help}: see bench/README.md. */
@Command(name = "lienthong-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Đo hiệu năng một gateway đang chạy (Benchmark a running gateway): S hệ thống gửi (sendEdoc),",
                "R hệ thống nhận (getReceivedEdocList → getEdoc → updateStatus done), khởi động rồi đo (warm-up, then",
                "a measured window); chi phí tham chiếu đo cùng lúc (reference costs measured in the same run)."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--url", description = "gateway base address (default: ${DEFAULT-VALUE})")
    String url = "http://127.0.0.1:8080";

    @Option(names = "--senders", description = "concurrent sending systems, S (default: ${DEFAULT-VALUE})")
    int senders = 16;

    @Option(names = "--receivers", description = "concurrent receiving systems, R (default: ${DEFAULT-VALUE})")
    int receivers = 2;

    @Option(names = "--size", description = "packet size: 10k, 100k, 1m, 200m (decimal; default: ${DEFAULT-VALUE})")
    String size = "100k";

    @Option(names = "--signed", description = "sign each packet with XML-DSig (the sending agency's sample key)")
    boolean signed;

    @Option(names = "--warmup", description = "warm-up before the measured window (default: ${DEFAULT-VALUE})")
    String warmup = "15s";

    @Option(names = "--duration", description = "the measured window (default: ${DEFAULT-VALUE})")
    String duration = "60s";

    @Option(names = "--rate", description = "fixed offered rate, documents/s over all senders (default: as fast as answered)")
    Double rate;

    @Option(names = "--count", description = "packets to generate (default: enough for warm-up + window at --rate, or at 350/s)")
    Integer count;

    @Option(names = "--gateway-pid", description = "the gateway's process id (default: the process listening on the URL's port, else Prometheus)")
    Long gatewayPid;

    @Option(names = "--json", description = "write the results as JSON to this file")
    Path json;

    @Option(names = "--reference", description = "time spent measuring each reference stage (0 skips them; default: ${DEFAULT-VALUE})")
    String reference = "3s";

    @Option(names = "--fetch", description = "how receivers take a document: GET (getEdoc), DOWNLOAD (downloadEdoc), BOTH (default: ${DEFAULT-VALUE})")
    LoadRun.Fetch fetch = LoadRun.Fetch.GET;

    @Option(names = "--poll-pause", description = "receivers' pause after a list with nothing new (default: ${DEFAULT-VALUE}: poll at once)")
    String pollPause = "0s";

    @Option(names = "--drain", description = "after the window, how long receivers may take what is left (default: ${DEFAULT-VALUE})")
    String drain = "30s";

    @Option(names = "--progress", description = "interval of the progress line (default: ${DEFAULT-VALUE})")
    String progress = "5s";

    @Option(names = "--from", description = "sending agency (default: ${DEFAULT-VALUE})")
    String from = "000.00.00.D41";

    @Option(names = "--to", description = "receiving agency, a PULL recipient (default: ${DEFAULT-VALUE})")
    String to = "000.00.00.H41";

    @Option(names = "--sender-system", description = "default: ${DEFAULT-VALUE}")
    String senderSystem = "qlvb-tinhuy";

    @Option(names = "--sender-secret", description = "default: the sample directory's")
    String senderSecret = "tinhuy-secret-2026";

    @Option(names = "--receiver-system", description = "default: ${DEFAULT-VALUE}")
    String receiverSystem = "qlvb-ubnd";

    @Option(names = "--receiver-secret", description = "default: the sample directory's")
    String receiverSecret = "ubnd-secret-2026";

    @Option(names = "--metrics-user", description = "operator user:password for /actuator/prometheus (default: the sample viewer)")
    String metricsUser = "theodoi:theodoi-2026";

    @Option(names = "--work-dir", description = "where packets are generated and kept for the next runs of the same kind (default: a temporary directory, deleted at the end)")
    Path workDir;

    private final PrintStream out;

    BenchCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(new CommandLine(new BenchCommand(out)).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        URI base = URI.create(url.replaceAll("/+$", ""));
        Duration warmupTime = duration(warmup);
        Duration window = duration(duration);
        long targetBytes = bytes(size);
        int packetCount = count != null ? count
                : (int) Math.ceil((warmupTime.toMillis() + window.toMillis()) / 1000.0 * (rate != null ? rate * 1.05 : 350)) + senders;
        awaitReady(base);

        boolean ownDir = workDir == null;
        Path dir = ownDir ? Files.createTempDirectory("lienthong-bench-") : Files.createDirectories(workDir);
        try {
            Optional<PacketSet> kept = ownDir ? Optional.empty()
                    : PacketSet.load(dir, from, to, signed, targetBytes, packetCount);
            String runTag;
            List<PacketFactory.GeneratedPacket> packets;
            if (kept.isPresent()) {
                runTag = kept.get().runTag();
                packets = kept.get().packets(dir, packetCount);
                out.printf(Locale.ROOT, "Dùng lại %d gói tin / reusing %d packets kept in %s%n", packetCount, packetCount, dir);
            } else {
                runTag = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
                PacketFactory factory = new PacketFactory(from, to, runTag, signed, dir);
                out.printf(Locale.ROOT, "Tạo %d gói tin (generating %d packets of about %,d bytes%s) in %s ...%n",
                        packetCount, packetCount, targetBytes, signed ? ", XML-DSig signed" : "", dir);
                long generationStart = System.nanoTime();
                packets = factory.generate(packetCount, targetBytes);
                out.printf(Locale.ROOT, "  done in %.1f s%n", (System.nanoTime() - generationStart) / 1e9);
                if (!ownDir) {
                    PacketSet.of(from, to, signed, targetBytes, runTag, packets).save(dir);
                }
            }
            long packetBytes = packets.get(0).bytes();
            out.printf(Locale.ROOT, "  each packet is %,d bytes%n", packetBytes);

            List<ReferenceCosts.Stage> stages = List.of();
            Duration perStage = duration(reference);
            if (!perStage.isZero()) {
                if (packetBytes > EdxmlSigner.DEFAULT_MAX_BYTES) {
                    out.println("  (tham chiếu bỏ qua / reference skipped: the packet is too large for a DOM XML-DSig verify)");
                } else {
                    out.println("Đo chi phí tham chiếu / measuring the reference stages (the gateway is idle meanwhile) ...");
                    byte[] packet = Files.readAllBytes(packets.get(0).file());
                    byte[] signedPacket = signed ? packet
                            : EdxmlSigner.of(SamplePki.privateKey(from), SamplePki.certificate(from)).sign(packet);
                    stages = new ReferenceCosts(perStage, dir).measure(signedPacket);
                }
            }

            String[] credentials = metricsUser == null ? new String[0] : metricsUser.split(":", 2);
            GatewayMetrics metrics = new GatewayMetrics(base, credentials.length == 2 ? credentials[0] : null,
                    credentials.length == 2 ? credentials[1] : null);
            GatewayCpu cpu = GatewayCpu.find(base, gatewayPid, metrics);
            out.printf("CPU của gateway đọc từ / gateway CPU read from: %s%n", cpu.source());

            LoadRun.Settings settings = new LoadRun.Settings(URI.create(base + "/vdxp"), senders, receivers, warmupTime,
                    window, rate, duration(drain), duration(progress), duration(pollPause), fetch, from, senderSystem,
                    senderSecret, receiverSystem, receiverSecret);
            out.printf(Locale.ROOT, "Chạy / running: %d senders, %d receivers, warm-up %s, window %s%s%n", senders, receivers,
                    warmup, duration, rate == null ? "" : String.format(Locale.ROOT, ", offered %.1f documents/s", rate));
            LoadRun.Outcome outcome = new LoadRun(settings, packets, runTag, cpu, metrics, out).run();

            Report report = new Report(settingsForReport(), packetBytes, packets.size(), outcome, cpu.source(), stages);
            report.print(out);
            if (json != null) {
                report.writeJson(json);
                out.println("JSON: " + json.toAbsolutePath());
            }
            return outcome.accepted() > 0 ? 0 : 1;
        } finally {
            if (ownDir) {
                deleteTree(dir);
            }
        }
    }

    private Map<String, Object> settingsForReport() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("url", url);
        settings.put("senders", senders);
        settings.put("receivers", receivers);
        settings.put("size", size);
        settings.put("signed", signed);
        settings.put("warmup", warmup);
        settings.put("duration", duration);
        settings.put("rate", rate);
        settings.put("fetch", fetch.name());
        settings.put("pollPause", pollPause);
        settings.put("from", from);
        settings.put("to", to);
        return settings;
    }

    /** Waits (up to two minutes) for /actuator/health/readiness to say UP, so a just-started gateway can be measured. */
    private void awaitReady(URI base) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(probe, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500); // polling the readiness probe, bounded by the deadline
        }
        throw new IllegalStateException("gateway chưa sẵn sàng / not ready at " + base + ": " + last);
    }

    /** "15s", "500ms", "2m", "0". */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long value = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(value);
            case 'm' -> Duration.ofMinutes(value);
            case 'h' -> Duration.ofHours(value);
            default -> throw new CommandLine.ParameterException(new CommandLine(new BenchCommand(System.out)),
                    "not a duration (15s, 500ms, 2m): " + text);
        };
    }

    /** "10k" = 10,000 bytes, "1m" = 1,000,000, "200m"; a plain number is bytes. */
    static long bytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("b", "");
        return switch (t.charAt(t.length() - 1)) {
            case 'k' -> Long.parseLong(t.substring(0, t.length() - 1)) * 1000;
            case 'm' -> Long.parseLong(t.substring(0, t.length() - 1)) * 1000_000;
            case 'g' -> Long.parseLong(t.substring(0, t.length() - 1)) * 1000_000_000;
            default -> Long.parseLong(t);
        };
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
