package vn.lienthong.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The summary a person reads, and the same figures as JSON for machines. */
final class Report {

    private final Map<String, Object> settings;
    private final long packetBytes;
    private final int packets;
    private final LoadRun.Outcome outcome;
    private final String cpuSource;
    private final List<ReferenceCosts.Stage> reference;

    Report(Map<String, Object> settings, long packetBytes, int packets, LoadRun.Outcome outcome, String cpuSource,
           List<ReferenceCosts.Stage> reference) {
        this.settings = settings;
        this.packetBytes = packetBytes;
        this.packets = packets;
        this.outcome = outcome;
        this.cpuSource = cpuSource;
        this.reference = reference;
    }

    double acceptedPerSecond() {
        return outcome.accepted() / Math.max(1e-9, outcome.windowSeconds());
    }

    double acknowledgedPerSecond() {
        return outcome.acknowledged() / Math.max(1e-9, outcome.windowSeconds());
    }

    /** Gateway CPU milliseconds per document accepted in the window; negative when unknown. */
    double gatewayCpuMillisPerDocument() {
        if (outcome.gatewayCpuNanos().isEmpty() || outcome.accepted() == 0) {
            return -1;
        }
        return outcome.gatewayCpuNanos().getAsLong() / 1e6 / outcome.accepted();
    }

    /**
     * Kilobytes (1,000 bytes) the gateway's embedded database wrote to its file per document accepted in the window;
     * negative when unknown (a gateway on PostgreSQL has no such figure). Unlike CPU time it does not depend on how
     * fast the machine is at the moment, so it compares runs taken hours apart, at the same offered rate: commits
     * that arrive together share a checkpoint, so the figure falls as the rate rises.
     */
    double databaseKilobytesPerDocument() {
        if (outcome.databaseWrittenBytes().isEmpty() || outcome.accepted() == 0) {
            return -1;
        }
        return outcome.databaseWrittenBytes().getAsDouble() / 1000 / outcome.accepted();
    }

    /** How far from the window's mean its first and last thirds may be for the run to count as steady. */
    static final double STEADY_SPREAD = 0.10;

    /** Per second in each third of the window. */
    double[] perSecondByThird(long[] counts) {
        double[] rates = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            rates[i] = Latency.round(counts[i] / Math.max(1e-9, outcome.thirdSeconds()));
        }
        return rates;
    }

    /**
     * Whether the rates held through the window: in its first and last thirds, acceptances and acknowledgements
     * each within {@link #STEADY_SPREAD} of the window's mean. A gateway still compiling its hot code climbs
     * through a short warm-up, and its window then says little about either its start or its steady state.
     */
    boolean steady() {
        return !outcome.ranOutOfPackets() && heldWithin(outcome.acceptedByThird())
                && heldWithin(outcome.acknowledgedByThird());
    }

    private static boolean heldWithin(long[] byThird) {
        double mean = java.util.Arrays.stream(byThird).average().orElse(0);
        long first = byThird[0];
        long last = byThird[byThird.length - 1];
        return mean > 0 && Math.abs(first - mean) <= STEADY_SPREAD * mean && Math.abs(last - mean) <= STEADY_SPREAD * mean;
    }

    double gatewayCores() {
        return outcome.gatewayCpuNanos().isEmpty() ? -1 : outcome.gatewayCpuNanos().getAsLong() / 1e9 / outcome.windowSeconds();
    }

    double benchCores() {
        return outcome.benchCpuNanos() / 1e9 / Math.max(1e-9, outcome.windowSeconds());
    }

    double referenceSum() {
        return ReferenceCosts.sum(reference);
    }

    void print(PrintStream out) {
        out.println();
        out.println("=== Kết quả / Results ===");
        out.printf(Locale.ROOT, "máy / machine: %s%n", Machine.describe());
        out.printf(Locale.ROOT, "gói tin / packets: %d of %,d bytes, %s%n", packets, packetBytes,
                Boolean.TRUE.equals(settings.get("signed")) ? "XML-DSig signed" : "unsigned");
        out.printf(Locale.ROOT, "cửa sổ đo / measured window: %.1f s%s%n", outcome.windowSeconds(),
                outcome.ranOutOfPackets() ? " (hết gói tin / the packets ran out: raise --count)" : "");
        out.printf(Locale.ROOT, "văn bản nhận / accepted:          %8.1f /s  (%d in the window)%n", acceptedPerSecond(), outcome.accepted());
        out.printf(Locale.ROOT, "văn bản xác nhận / acknowledged:  %8.1f /s  (%d in the window)%n", acknowledgedPerSecond(), outcome.acknowledged());
        out.printf(Locale.ROOT, "theo phần ba cửa sổ / by third of the window: accepted %s /s, acknowledged %s /s: %s%n",
                thirds(perSecondByThird(outcome.acceptedByThird())), thirds(perSecondByThird(outcome.acknowledgedByThird())),
                steady() ? "ổn định / steady"
                        : "CHƯA ổn định / NOT steady (more than " + Math.round(STEADY_SPREAD * 100)
                                + "% apart: lengthen --warmup, or read the figures as a gateway still warming up)");
        out.printf("gửi / submit latency:             %s%n", outcome.submit().line());
        out.printf("gửi đến hộp thư / submit-to-inbox: %s%n", outcome.inbox().line());
        out.printf("  getReceivedEdocList:            %s (%d lists, %d empty)%n", outcome.list().line(), outcome.lists(), outcome.emptyLists());
        if (outcome.get().count() > 0) {
            out.printf("  getEdoc:                        %s%n", outcome.get().line());
        }
        if (outcome.download().count() > 0) {
            out.printf("  downloadEdoc:                   %s%n", outcome.download().line());
        }
        out.printf("  updateStatus done:              %s%n", outcome.acknowledge().line());
        if (outcome.errors().isEmpty()) {
            out.println("lỗi / errors: 0");
        } else {
            out.println("lỗi theo mã / errors by code:");
            outcome.errors().forEach((code, count) -> out.printf("  %-40s %d%n", code, count));
        }
        out.printf("tồn cuối / left unacknowledged at the end: %d%n", outcome.backlogAtEnd());
        if (gatewayCpuMillisPerDocument() >= 0) {
            out.printf(Locale.ROOT, "CPU gateway / per document: %.2f ms (%.2f cores busy; from %s)%n",
                    gatewayCpuMillisPerDocument(), gatewayCores(), cpuSource);
        } else {
            out.printf("CPU gateway: không đọc được / unavailable (%s)%n", cpuSource);
        }
        if (databaseKilobytesPerDocument() >= 0) {
            out.printf(Locale.ROOT, "ghi CSDL / database file writes: %.1f KB per document (embedded H2)%n",
                    databaseKilobytesPerDocument());
        }
        out.printf(Locale.ROOT, "CPU của bench / the benchmark itself: %.2f cores%n", benchCores());
        if (!reference.isEmpty()) {
            out.println("tham chiếu đo cùng lúc / reference, measured in this run (CPU per operation, alone):");
            for (ReferenceCosts.Stage stage : reference) {
                out.printf(Locale.ROOT, "  %-16s %7.3f ms  %s%n", stage.name(), stage.cpuMillis(), stage.what());
            }
            out.printf(Locale.ROOT, "  %-16s %7.3f ms  (about %.0f documents/s on %d cores)%n", "sum", referenceSum(),
                    Runtime.getRuntime().availableProcessors() * 1000 / referenceSum(), Runtime.getRuntime().availableProcessors());
            if (gatewayCpuMillisPerDocument() >= 0) {
                out.printf(Locale.ROOT, "tỉ lệ / ratio: the gateway spends %.1f times the sum of its stages%n",
                        gatewayCpuMillisPerDocument() / referenceSum());
            }
        }
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", Instant.now().toString());
        json.put("machine", Machine.facts());
        json.put("settings", settings);
        json.put("packetBytes", packetBytes);
        json.put("packetsGenerated", packets);
        json.put("windowSeconds", Latency.round(outcome.windowSeconds()));
        json.put("ranOutOfPackets", outcome.ranOutOfPackets());
        json.put("accepted", outcome.accepted());
        json.put("acknowledged", outcome.acknowledged());
        json.put("acceptedPerSecond", Latency.round(acceptedPerSecond()));
        json.put("acknowledgedPerSecond", Latency.round(acknowledgedPerSecond()));
        json.put("acceptedPerSecondByThird", perSecondByThird(outcome.acceptedByThird()));
        json.put("acknowledgedPerSecondByThird", perSecondByThird(outcome.acknowledgedByThird()));
        json.put("steady", steady());
        json.put("submit", outcome.submit().summary());
        json.put("submitToInbox", outcome.inbox().summary());
        json.put("list", outcome.list().summary());
        json.put("listsTotal", outcome.lists());
        json.put("listsEmpty", outcome.emptyLists());
        json.put("getEdoc", outcome.get().summary());
        json.put("downloadEdoc", outcome.download().summary());
        json.put("updateStatus", outcome.acknowledge().summary());
        json.put("errors", outcome.errors());
        json.put("unacknowledgedAtEnd", outcome.backlogAtEnd());
        json.put("gatewayCpuSource", cpuSource);
        json.put("gatewayCpuMsPerDocument", gatewayCpuMillisPerDocument() < 0 ? null : Latency.round(gatewayCpuMillisPerDocument()));
        json.put("gatewayCores", gatewayCores() < 0 ? null : Latency.round(gatewayCores()));
        json.put("benchCores", Latency.round(benchCores()));
        json.put("databaseKbPerDocument", databaseKilobytesPerDocument() < 0 ? null
                : Latency.round(databaseKilobytesPerDocument()));
        Map<String, Object> stages = new LinkedHashMap<>();
        for (ReferenceCosts.Stage stage : reference) {
            stages.put(stage.name(), Map.of("cpuMs", Math.round(stage.cpuMillis() * 1000) / 1000.0,
                    "operations", stage.operations(), "what", stage.what()));
        }
        json.put("reference", stages);
        json.put("referenceSumMs", reference.isEmpty() ? null : Math.round(referenceSum() * 1000) / 1000.0);
        json.put("ratioToReference", reference.isEmpty() || gatewayCpuMillisPerDocument() < 0 ? null
                : Latency.round(gatewayCpuMillisPerDocument() / referenceSum()));
        return json;
    }

    private static String thirds(double[] rates) {
        StringBuilder text = new StringBuilder();
        for (double rate : rates) {
            text.append(text.length() == 0 ? "" : " → ").append(String.format(Locale.ROOT, "%.1f", rate));
        }
        return text.toString();
    }

    void writeJson(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json());
    }
}
