package vn.lienthong.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.bench.PacketFactory.GeneratedPacket;

/**
 * The timed part: S sending systems submit the prepared packets with {@code sendEdoc} (as fast as answered, or at
 * a fixed offered rate), R receiving systems list their inbox, get each new document and acknowledge it
 * ({@code updateStatus done}); a warm-up, then the measured window, then the receivers drain what was accepted.
 * Only operations that end inside the window are counted.
 */
final class LoadRun {

    /** What a run is asked to do. */
    record Settings(URI vdxp, int senders, int receivers, Duration warmup, Duration duration, Double rate,
                    Duration drain, Duration progress, Duration pollPause, Fetch fetch,
                    String from, String senderSystem, String senderSecret,
                    String receiverSystem, String receiverSecret) {
    }

    /** How receivers take a document: getEdoc (base64 in JSON, as the SDK does), downloadEdoc, or both. */
    enum Fetch { GET, DOWNLOAD, BOTH }

    /** What a run measured. */
    record Outcome(double windowSeconds, long accepted, long acknowledged, long acceptedTotal, long acknowledgedTotal,
                   Latency submit, Latency inbox, Latency list, Latency get, Latency download, Latency acknowledge,
                   Map<String, Long> errors, OptionalLong gatewayCpuNanos, boolean ranOutOfPackets,
                   long emptyLists, long lists, long backlogAtEnd, long benchCpuNanos,
                   long[] acceptedByThird, long[] acknowledgedByThird, OptionalDouble databaseWrittenBytes) {

        /** What one third of the window lasted, in seconds. */
        double thirdSeconds() {
            return windowSeconds / THIRDS;
        }
    }

    /** The window is also counted by thirds, so that a rate still climbing (a gateway not warmed up) shows. */
    static final int THIRDS = 3;

    private static final Pattern MARKER_PREFIX = Pattern.compile("BENCH-([A-Za-z0-9]+)-(\\d+)");

    private final Settings settings;
    private final List<GeneratedPacket> packets;
    private final String runTag;
    private final GatewayCpu cpu;
    private final GatewayMetrics metrics;
    private final PrintStream out;

    private final AtomicInteger nextPacket = new AtomicInteger();
    private final AtomicLongArray answeredAt;
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Latency submit = new Latency();
    private final Latency inbox = new Latency();
    private final Latency list = new Latency();
    private final Latency get = new Latency();
    private final Latency download = new Latency();
    private final Latency acknowledge = new Latency();
    private final LongAdder acceptedInWindow = new LongAdder();
    private final LongAdder acknowledgedInWindow = new LongAdder();
    private final AtomicLongArray acceptedByThird = new AtomicLongArray(THIRDS);
    private final AtomicLongArray acknowledgedByThird = new AtomicLongArray(THIRDS);
    private final LongAdder acceptedTotal = new LongAdder();
    private final LongAdder acknowledgedTotal = new LongAdder();
    private final LongAdder lists = new LongAdder();
    private final LongAdder emptyLists = new LongAdder();
    private final AtomicInteger sendersRunning = new AtomicInteger();

    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile boolean stopSenders;
    private volatile boolean stopReceivers;
    private volatile boolean ranOut;

    LoadRun(Settings settings, List<GeneratedPacket> packets, String runTag, GatewayCpu cpu, GatewayMetrics metrics,
            PrintStream out) {
        this.settings = settings;
        this.packets = packets;
        this.runTag = runTag;
        this.cpu = cpu;
        this.metrics = metrics;
        this.out = out;
        this.answeredAt = new AtomicLongArray(packets.size());
    }

    Outcome run() throws InterruptedException {
        long start = System.nanoTime();
        List<Thread> senders = new ArrayList<>();
        List<Thread> receivers = new ArrayList<>();
        sendersRunning.set(settings.senders());
        for (int i = 0; i < settings.senders(); i++) {
            int index = i;
            senders.add(started(new Thread(() -> send(index, start), "sender-" + i)));
        }
        for (int i = 0; i < settings.receivers(); i++) {
            receivers.add(started(new Thread(this::receive, "receiver-" + i)));
        }

        long warmupEnd = start + settings.warmup().toNanos();
        waitWithProgress(start, warmupEnd, "khởi động/warm-up");
        OptionalDouble writtenBefore = metrics.read(GatewayMetrics.DATABASE_WRITTEN);
        OptionalLong cpuBefore = cpu.nanos();
        long benchCpuBefore = ReferenceCosts.processCpuNanos();
        windowStart = System.nanoTime();
        windowEnd = windowStart + settings.duration().toNanos();
        waitWithProgress(start, windowEnd, "đo/measure");
        long end = Math.min(System.nanoTime(), windowEnd);
        windowEnd = end;
        OptionalLong cpuAfter = cpu.nanos();
        long benchCpu = ReferenceCosts.processCpuNanos() - benchCpuBefore;
        OptionalDouble writtenAfter = metrics.read(GatewayMetrics.DATABASE_WRITTEN);
        stopSenders = true;
        for (Thread sender : senders) {
            sender.join();
        }

        long drainEnd = System.nanoTime() + settings.drain().toNanos();
        while (acknowledgedTotal.sum() < acceptedTotal.sum() && System.nanoTime() < drainEnd) {
            Thread.sleep(50); // the receivers work on; this only waits for them, bounded by --drain
        }
        stopReceivers = true;
        for (Thread receiver : receivers) {
            receiver.join();
        }
        OptionalLong cpuUsed = cpuBefore.isPresent() && cpuAfter.isPresent()
                ? OptionalLong.of(cpuAfter.getAsLong() - cpuBefore.getAsLong()) : OptionalLong.empty();
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((key, count) -> errorCounts.put(key, count.sum()));
        return new Outcome((end - windowStart) / 1e9, acceptedInWindow.sum(), acknowledgedInWindow.sum(),
                acceptedTotal.sum(), acknowledgedTotal.sum(), submit, inbox, list, get, download, acknowledge,
                errorCounts, cpuUsed, ranOut, emptyLists.sum(), lists.sum(), acceptedTotal.sum() - acknowledgedTotal.sum(),
                benchCpu, counts(acceptedByThird), counts(acknowledgedByThird),
                writtenBefore.isPresent() && writtenAfter.isPresent()
                        ? OptionalDouble.of(writtenAfter.getAsDouble() - writtenBefore.getAsDouble()) : OptionalDouble.empty());
    }

    private static long[] counts(AtomicLongArray array) {
        long[] counts = new long[array.length()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = array.get(i);
        }
        return counts;
    }

    /** Which third of the window {@code time} (inside it) falls in. */
    private int thirdOf(long time) {
        long span = Math.max(1, windowEnd - windowStart);
        return (int) Math.min(THIRDS - 1, (time - windowStart) * THIRDS / span);
    }

    /**
     * Once every sender is out of packets, the run is over when what they sent is acknowledged (a --count run,
     * e.g. one large packet, then measures its whole trip inside the window).
     */
    private boolean finished() {
        return sendersRunning.get() == 0 && acknowledgedTotal.sum() >= acceptedTotal.sum();
    }

    /** Sleeps until {@code until}, printing a progress line at each interval; ends early when the run is {@link #finished}. */
    private void waitWithProgress(long start, long until, String phase) throws InterruptedException {
        long step = settings.progress().toNanos();
        long lastAccepted = acceptedTotal.sum();
        long lastAcknowledged = acknowledgedTotal.sum();
        long lastTime = System.nanoTime();
        OptionalLong lastCpu = cpu.nanos();
        while (System.nanoTime() < until && !finished()) {
            long next = Math.min(until, lastTime + step);
            while (System.nanoTime() < next && !finished()) {
                Thread.sleep(Math.max(1, Math.min(100, (next - System.nanoTime()) / 1_000_000)));
            }
            long now = System.nanoTime();
            if (now - lastTime < step / 2 && now < until) {
                continue;
            }
            double seconds = (now - lastTime) / 1e9;
            long accepted = acceptedTotal.sum();
            long acknowledged = acknowledgedTotal.sum();
            OptionalLong cpuNow = cpu.nanos();
            String cores = cpuNow.isPresent() && lastCpu.isPresent()
                    ? String.format(java.util.Locale.ROOT, " · CPU gateway %.2f lõi/cores", (cpuNow.getAsLong() - lastCpu.getAsLong()) / 1e9 / seconds)
                    : "";
            out.printf(java.util.Locale.ROOT, "[%4.0fs %s] nhận/accepted %d (%.1f/s) · xác nhận/acknowledged %d (%.1f/s) · tồn/backlog %d · lỗi/errors %d%s%n",
                    (now - start) / 1e9, phase, accepted, (accepted - lastAccepted) / seconds, acknowledged,
                    (acknowledged - lastAcknowledged) / seconds, accepted - acknowledged, errorTotal(), cores);
            lastAccepted = accepted;
            lastAcknowledged = acknowledged;
            lastTime = now;
            lastCpu = cpuNow;
        }
    }

    private long errorTotal() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private boolean inWindow(long time) {
        return time >= windowStart && time < windowEnd;
    }

    private void error(String operation, String code) {
        errors.computeIfAbsent(operation + " " + code, k -> new LongAdder()).increment();
    }

    // ---------------------------------------------------------------- senders

    private void send(int index, long start) {
        VdxpClient client = new VdxpClient(settings.vdxp(), settings.senderSystem(), settings.senderSecret());
        // a fixed offered rate is shared out: each sender keeps its own schedule, staggered from the others
        long interval = settings.rate() == null ? 0 : (long) (settings.senders() * 1e9 / settings.rate());
        long due = start + (interval * index) / Math.max(1, settings.senders());
        try {
            while (!stopSenders) {
                if (interval > 0) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    due += interval;
                    if (stopSenders) {
                        break;
                    }
                }
                int next = nextPacket.getAndIncrement();
                if (next >= packets.size()) {
                    ranOut = true;
                    return;
                }
                sendOne(client, packets.get(next));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sendersRunning.decrementAndGet();
        }
    }

    private void sendOne(VdxpClient client, GeneratedPacket packet) throws InterruptedException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("from", settings.from());
        params.put("servicetype", "eDoc");
        params.put("messagetype", "edoc");
        params.put("hash-file", packet.hashFile());
        long begin = System.nanoTime();
        try {
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofFile(packet.file()),
                    HttpRequest.BodyPublishers.ofByteArray(new byte[] {'\r', '\n'}));
            VdxpClient.Answer answer = client.call("sendEdoc", params, "application/octet-stream", body);
            long done = System.nanoTime();
            if (answer.ok()) {
                answeredAt.set((int) packet.sequence(), done);
                acceptedTotal.increment();
                if (inWindow(done)) {
                    acceptedInWindow.increment();
                    acceptedByThird.incrementAndGet(thirdOf(done));
                    submit.record(done - begin);
                }
            } else {
                error("sendEdoc", answer.errorCode());
            }
        } catch (IOException e) {
            error("sendEdoc", e.getClass().getSimpleName());
        }
    }

    // ---------------------------------------------------------------- receivers

    private void receive() {
        VdxpClient client = new VdxpClient(settings.vdxp(), settings.receiverSystem(), settings.receiverSecret());
        try {
            while (!stopReceivers) {
                boolean worked = false;
                long begin = System.nanoTime();
                VdxpClient.Answer answer;
                try {
                    answer = client.getReceivedEdocList("edoc");
                } catch (IOException e) {
                    error("getReceivedEdocList", e.getClass().getSimpleName());
                    continue;
                }
                long listed = System.nanoTime();
                lists.increment();
                if (inWindow(listed)) {
                    list.record(listed - begin);
                }
                if (!answer.ok()) {
                    error("getReceivedEdocList", answer.errorCode());
                    continue;
                }
                if (answer.data().isEmpty()) {
                    emptyLists.increment();
                }
                for (JsonNode entry : answer.data()) {
                    String docId = entry.path("docId").asText();
                    firstSeen.putIfAbsent(docId, listed);
                }
                for (JsonNode entry : answer.data()) {
                    String docId = entry.path("docId").asText();
                    if (!stopReceivers && claimed.add(docId)) {
                        worked = true;
                        take(client, docId);
                    }
                }
                if (!worked && !settings.pollPause().isZero()) {
                    Thread.sleep(settings.pollPause().toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** getEdoc (and/or downloadEdoc), then acknowledge: what a receiving system does with each new document. */
    private void take(VdxpClient client, String docId) throws InterruptedException {
        try {
            long sequence = -1;
            if (settings.fetch() != Fetch.DOWNLOAD) {
                long begin = System.nanoTime();
                VdxpClient.Answer answer = client.getEdoc(docId);
                long done = System.nanoTime();
                if (!answer.ok()) {
                    error("getEdoc", answer.errorCode());
                    return;
                }
                if (inWindow(done)) {
                    get.record(done - begin);
                }
                sequence = sequenceIn(answer.data().asText());
            }
            if (settings.fetch() != Fetch.GET) {
                long begin = System.nanoTime();
                HttpResponse<InputStream> response = client.downloadEdoc(docId);
                long bytes;
                byte[] head = new byte[48 * 1024];
                int headLength;
                try (InputStream body = response.body()) {
                    headLength = body.readNBytes(head, 0, head.length);
                    bytes = headLength + body.transferTo(java.io.OutputStream.nullOutputStream());
                }
                long done = System.nanoTime();
                if (response.statusCode() != 200 || bytes == 0) {
                    error("downloadEdoc", "HTTP " + response.statusCode());
                    return;
                }
                if (inWindow(done)) {
                    download.record(done - begin);
                }
                if (sequence < 0) {
                    sequence = sequenceInText(new String(head, 0, headLength, StandardCharsets.UTF_8));
                }
            }
            recordInboxLatency(docId, sequence);

            long begin = System.nanoTime();
            VdxpClient.Answer ack = client.updateStatus(docId, "done");
            long done = System.nanoTime();
            if (!ack.ok()) {
                error("updateStatus", ack.errorCode());
                return;
            }
            acknowledgedTotal.increment();
            if (inWindow(done)) {
                acknowledgedInWindow.increment();
                acknowledgedByThird.incrementAndGet(thirdOf(done));
                acknowledge.record(done - begin);
            }
        } catch (IOException e) {
            error("receive", e.getClass().getSimpleName());
        }
    }

    /** From the sender's answer to the first list that showed the document (0 when the list was first). */
    private void recordInboxLatency(String docId, long sequence) {
        Long seen = firstSeen.get(docId);
        if (sequence < 0 || sequence >= answeredAt.length() || seen == null) {
            error("receive", "not-a-bench-packet");
            return;
        }
        long answered = answeredAt.get((int) sequence);
        if (inWindow(seen)) {
            inbox.record(answered == 0 ? 0 : Math.max(0, seen - answered));
        }
    }

    /** The packet's sequence, from the DocumentId in its header: the first kilobytes of the base64 are enough. */
    private long sequenceIn(String base64) {
        int length = Math.min(base64.length(), 64 * 1024) & ~3;
        byte[] head = Base64.getDecoder().decode(base64.substring(0, length));
        return sequenceInText(new String(head, StandardCharsets.UTF_8));
    }

    private long sequenceInText(String text) {
        Matcher matcher = MARKER_PREFIX.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).equals(runTag)) {
                return Long.parseLong(matcher.group(2));
            }
        }
        return -1;
    }

    private static Thread started(Thread thread) {
        thread.start();
        return thread;
    }
}
