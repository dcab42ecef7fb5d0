package vn.lienthong.gateway.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.certs.SamplePki;
import vn.lienthong.edxml.dsig.EdxmlSigner;
import vn.lienthong.gateway.directory.DirectoryRepository;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;
import vn.lienthong.trust.certificates.CertificateIdentity;
import vn.lienthong.gateway.support.GatewayTest;

/**
 * A signed packet's signer certificate is checked at intake, not only the signature's maths: trusted,
 * not revoked, valid, fit for signing, and the sender's (by agency code or registered fingerprint).
 */
class SignerCertificateTest extends GatewayTest {

    private static final AtomicInteger NUMBER = new AtomicInteger(900);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DirectoryRepository directory;

    /** A packet from {@code from} to VPCP, signed with the sample key {@code keyName}. */
    private Path signed(String from, String keyName) throws Exception {
        return signed(from, EdxmlSigner.fromKeyStore(SamplePki.keyStore(keyName), keyName,
                SamplePki.PASSWORD.toCharArray()));
    }

    private Path signed(String from, EdxmlSigner signer) throws Exception {
        Path packet = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", from, List.of(Packets.VPCP),
                from + ",2026/11/21," + NUMBER.incrementAndGet() + "/KY-SO");
        Path out = work.resolve("signed-" + NUMBER.get() + ".edxml");
        Files.write(out, signer.sign(Files.readAllBytes(packet)));
        return out;
    }

    private String send(VdxpClient client, Path packet, String from) throws Exception {
        VdxpClient.Answer answer = client.sendEdoc(packet, "edoc", from);
        return answer.ok() ? "0" : answer.errorCode();
    }

    @Test
    void aSignatureByTheSendersValidCertificateIsAccepted() throws Exception {
        assertThat(send(SampleSystems.tinhUy(port), signed(Packets.TINH_UY, Packets.TINH_UY), Packets.TINH_UY)).isEqualTo("0");
        assertThat(jdbc.sql("SELECT signer FROM documents WHERE signature_status = 'VALID'").query(String.class).list())
                .anySatisfy(signer -> assertThat(signer).contains("Van phong Tinh uy"));
    }

    @Test
    void eachCertificateFailureHasItsCode() throws Exception {
        assertThat(send(SampleSystems.ubnd(port), signed(Packets.UBND, "revoked-000.00.00.H41"), Packets.UBND))
                .as("revoked").isEqualTo("33");
        assertThat(send(SampleSystems.ubnd(port), signed(Packets.SO_NOI_VU, "expired-000.00.05.H41"), Packets.SO_NOI_VU))
                .as("expired").isEqualTo("34");
        assertThat(send(SampleSystems.tinhUy(port), signed(Packets.TINH_UY, Packets.VPCP), Packets.TINH_UY))
                .as("another agency's certificate").isEqualTo("35");
        assertThat(send(SampleSystems.tinhUy(port), signed(Packets.TINH_UY, selfSigned()), Packets.TINH_UY))
                .as("untrusted").isEqualTo("32");
    }

    @Test
    void aRegisteredFingerprintBindsACertificateWithoutTheAgencyCode() throws Exception {
        X509Certificate gatewayRsa = SamplePki.certificate("gateway-rsa");
        Path packet = signed(Packets.BAN_TUYEN_GIAO, "gateway-rsa");
        String before = send(SampleSystems.tinhUy(port), packet, Packets.BAN_TUYEN_GIAO);
        assertThat(before).isIn("35", "37"); // no agency code in it; its key usage decides which comes first
        directory.addFingerprint(Packets.BAN_TUYEN_GIAO, CertificateIdentity.sha256Fingerprint(gatewayRsa));
        String after = send(SampleSystems.tinhUy(port), packet, Packets.BAN_TUYEN_GIAO);
        assertThat(after).isIn("0", "37");
        if (before.equals("35")) {
            assertThat(after).isEqualTo("0");
        }
    }

    @Test
    void aRequiredSignatureMustBeThere() throws Exception {
        jdbc.sql("UPDATE agencies SET signature_policy = 'REQUIRED' WHERE code = :code").param("code", Packets.VPCP).update();
        Path unsigned = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.VPCP, List.of(Packets.UBND),
                Packets.VPCP + ",2026/11/21," + NUMBER.incrementAndGet() + "/VPCP");
        assertThat(send(SampleSystems.vpcp(port), unsigned, Packets.VPCP)).isEqualTo("31");
        assertThat(send(SampleSystems.vpcp(port), signed(Packets.VPCP, Packets.VPCP), Packets.VPCP)).isEqualTo("0");
        jdbc.sql("UPDATE agencies SET signature_policy = 'IF_PRESENT' WHERE code = :code").param("code", Packets.VPCP).update();
    }

    /** A certificate no CA of the directory issued, with the sender's code in it all the same. */
    private static EdxmlSigner selfSigned() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=Gia mao, 2.5.4.97=" + Packets.TINH_UY + ", C=VN");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(30, ChronoUnit.DAYS)), subject, keys.getPublic());
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        return EdxmlSigner.of(keys.getPrivate(), certificate);
    }
}
