package vn.lienthong.edxml.dsig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Assumptions;

import vn.lienthong.certs.SamplePki;

/** The sample packets, the sample keys, and the xmlsec1 binary, for the dsig tests. */
final class DsigFixtures {

    /** The agency whose key signs the samples. */
    static final String AGENCY = "000.00.00.D41";

    private DsigFixtures() {
    }

    static Path samplesDir() {
        String configured = System.getProperty("samples.dir");
        Path dir = configured != null && !configured.isBlank()
                ? Paths.get(configured)
                // the module's parent dir is the checkout; shared/ sits beside it
                : Paths.get("").toAbsolutePath().getParent().resolve("../shared/samples/edxml");
        dir = dir.normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("sample packets not found at " + dir.toAbsolutePath());
        }
        return dir;
    }

    /** Every sample packet except those under malformed/. */
    static List<Path> wellFormedSamples() {
        try (Stream<Path> files = Files.walk(samplesDir())) {
            List<Path> samples = files.filter(p -> p.getFileName().toString().endsWith(".edxml"))
                    .filter(p -> !samplesDir().relativize(p).startsWith("malformed"))
                    .sorted()
                    .toList();
            if (samples.isEmpty()) {
                throw new IllegalStateException("no sample packets under " + samplesDir());
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The samples whose header carries the SDK's dummy Signature block (edXML namespace). */
    static List<Path> dummySignatureSamples() {
        List<Path> samples = new ArrayList<>();
        for (Path sample : wellFormedSamples()) {
            if (read(sample).contains("<Signature>")) {
                samples.add(sample);
            }
        }
        return samples;
    }

    /** A document packet (it has a Subject) with a dummy signature and an attachment. */
    static Path documentSample() {
        return samplesDir().resolve("vpcp-sdk-example/edoc_new.edxml");
    }

    static Path malformedSample() {
        return samplesDir().resolve("malformed/edoc-unbound-prefix.edxml");
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(Path sample) {
        return samplesDir().relativize(sample).toString();
    }

    static EdxmlSigner agencySigner() {
        return EdxmlSigner.of(SamplePki.privateKey(AGENCY), SamplePki.certificate(AGENCY));
    }

    static EdxmlSignatureVerifier trustingVerifier() {
        return EdxmlSignatureVerifier.create().withTrustAnchors(SamplePki.caCertificates());
    }

    /** A key and a self-signed certificate from no sample CA: signs fine, chains to nothing. */
    record Foreign(PrivateKey key, X509Certificate certificate) {
    }

    static Foreign foreignSelfSigned() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Nobody trusted,O=Elsewhere,C=VN");
        Instant now = Instant.now();
        X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(365L * 24 * 3600)), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
        return new Foreign(keys.getPrivate(), new JcaX509CertificateConverter().getCertificate(holder));
    }

    // ---------------------------------------------------------------- xmlsec1

    /** The xmlsec1 binary; fails the test when missing, unless LIENTHONG_ALLOW_NO_XMLSEC1=1 (then it skips). */
    static String xmlsec1() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Paths.get(dir, "xmlsec1");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        if ("1".equals(System.getenv("LIENTHONG_ALLOW_NO_XMLSEC1"))) {
            Assumptions.abort("xmlsec1 is not on PATH and LIENTHONG_ALLOW_NO_XMLSEC1=1");
        }
        throw new AssertionError("xmlsec1 is not on PATH: install it (apt-get install xmlsec1) or set"
                + " LIENTHONG_ALLOW_NO_XMLSEC1=1 to skip the interop tests");
    }

    record Run(int exitCode, String output) {
    }

    static Run run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
