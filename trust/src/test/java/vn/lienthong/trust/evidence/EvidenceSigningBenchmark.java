package vn.lienthong.trust.evidence;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import vn.lienthong.certs.SamplePki;

/**
 * Signed evidence: signatures per second and CPU microseconds per document, ECDSA P-256 vs RSA-2048 (both Bouncy
 * Castle), record hashed with the JDK's SHA-256. Not part of the normal test run (surefire only picks up
 * {@code *Test}); run it with
 * <pre>mvn -q -pl certs-sample,trust test -Dtest=EvidenceSigningBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * ({@code -Dbenchmark.seconds=N} per measurement, default 3). It prints a table; it asserts nothing.
 */
@Tag("benchmark")
class EvidenceSigningBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String SHA = EvidenceSigner.sha256Hex(new byte[100 * 1024]);

    private record Measure(String what, int threads, long documents, long wallNanos, long cpuNanos) {
        double perSecond() {
            return documents * 1e9 / wallNanos;
        }

        double cpuMicrosPerDocument() {
            return cpuNanos / 1e3 / documents;
        }
    }

    @Test
    void signaturesPerSecondAndCpuPerDocument() throws Exception {
        double seconds = Double.parseDouble(System.getProperty("benchmark.seconds", "3"));
        EvidenceSigner ecdsa = new EvidenceSigner(SamplePki.privateKey(SamplePki.GATEWAY),
                SamplePki.chain(SamplePki.GATEWAY));
        EvidenceSigner rsa = new EvidenceSigner(SamplePki.privateKey(SamplePki.GATEWAY_RSA),
                SamplePki.chain(SamplePki.GATEWAY_RSA));
        EvidenceVerifier verifier = new EvidenceVerifier(List.of(SamplePki.rootCa()),
                List.of(ecdsa.certificate(), rsa.certificate()));
        System.out.printf(Locale.ROOT, "%nEvidence signing benchmark: %d cores, %.1f s per line, JDK %s%n",
                Runtime.getRuntime().availableProcessors(), seconds, System.getProperty("java.version"));

        List<Measure> results = new ArrayList<>();
        for (EvidenceSigner signer : List.of(ecdsa, rsa)) {
            String name = signer.signatureAlgorithm().equals("SHA256withECDSA") ? "ECDSA P-256" : "RSA-2048";
            measure(name + " raw signature (BC)", 1, seconds, rawSigner(signer));
            results.add(measure(name + " raw signature (BC)", 1, seconds, rawSigner(signer)));
            measure(name + " CMS evidence", 1, seconds, () -> signer.signEvidence(record()));
            results.add(measure(name + " CMS evidence", 1, seconds, () -> signer.signEvidence(record())));
            results.add(measure(name + " CMS evidence", 2, seconds, () -> signer.signEvidence(record())));
            results.add(queue(name + " EvidenceQueue 1 worker", signer, seconds));
            byte[] signed = signer.sign(record());
            results.add(measure(name + " verify (EvidenceVerifier)", 1, seconds, () -> {
                if (!verifier.verify(signed).valid()) {
                    throw new IllegalStateException("does not verify");
                }
            }));
        }
        results.add(measure("ECDSA P-256 raw signature (JDK SunEC)", 1, seconds, jdkEcdsa()));

        System.out.printf(Locale.ROOT, "%-42s %7s %12s %14s%n", "what", "threads", "docs/s", "CPU µs/doc");
        for (Measure m : results) {
            System.out.printf(Locale.ROOT, "%-42s %7d %12.0f %14.1f%n", m.what(), m.threads(), m.perSecond(),
                    m.cpuMicrosPerDocument());
        }
        System.out.println();
    }

    private static EvidenceRecord record() {
        return new EvidenceRecord("DOC-" + System.nanoTime(), SHA, "000.00.00.D41", "000.00.00.H41",
                EvidenceEvent.DELIVERED, Instant.now());
    }

    private static Work rawSigner(EvidenceSigner signer) throws Exception {
        String name = signer.signatureAlgorithm();
        PrivateKey key = name.endsWith("ECDSA") ? SamplePki.privateKey(SamplePki.GATEWAY)
                : SamplePki.privateKey(SamplePki.GATEWAY_RSA);
        ThreadLocal<Signature> signatures = ThreadLocal.withInitial(() -> {
            try {
                Signature signature = Signature.getInstance(name, CmsSigner.BC);
                signature.initSign(key);
                return signature;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        byte[] data = new byte[200];
        return () -> {
            Signature signature = signatures.get();
            signature.update(data);
            signature.sign();
        };
    }

    private static Work jdkEcdsa() throws Exception {
        PrivateKey key = SamplePki.privateKey(SamplePki.GATEWAY);
        Signature signature = Signature.getInstance("SHA256withECDSA", "SunEC");
        signature.initSign(key);
        byte[] data = new byte[200];
        return () -> {
            signature.update(data);
            signature.sign();
        };
    }

    private interface Work {
        void run() throws Exception;
    }

    private static Measure measure(String what, int threads, double seconds, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    long cpu0 = THREADS.getCurrentThreadCpuTime();
                    long count = 0;
                    while (System.nanoTime() < end) {
                        work.run();
                        count++;
                    }
                    return new long[] {count, THREADS.getCurrentThreadCpuTime() - cpu0};
                }));
            }
            long documents = 0;
            long cpu = 0;
            for (Future<long[]> future : futures) {
                long[] result = future.get();
                documents += result[0];
                cpu += result[1];
            }
            return new Measure(what, threads, documents, System.nanoTime() - start, cpu);
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** Through the queue: wall time until every future completed; CPU of the whole process (submitter included). */
    private static Measure queue(String what, EvidenceSigner signer, double seconds) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int documents = 0;
        try (EvidenceQueue queue = EvidenceQueue.builder(signer).workers(1).capacity(1_000_000).build()) {
            long start = System.nanoTime();
            long cpu0 = os.getProcessCpuTime();
            long end = start + (long) (seconds * 1e9);
            List<CompletableFuture<SignedEvidence>> futures = new ArrayList<>();
            while (System.nanoTime() < end) {
                // submit in bursts, keep a few thousand in flight
                for (int i = 0; i < 500; i++) {
                    futures.add(queue.submit(record()));
                }
                documents += 500;
                if (queue.pending() > 5_000) {
                    futures.get(futures.size() - 2_000).get(1, TimeUnit.MINUTES);
                }
            }
            queue.flush().get(5, TimeUnit.MINUTES);
            return new Measure(what, 1, documents, System.nanoTime() - start, os.getProcessCpuTime() - cpu0);
        }
    }
}
