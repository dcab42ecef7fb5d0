package vn.lienthong.edxml.dsig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.lienthong.certs.SamplePki;
import vn.lienthong.edxml.dsig.SignatureCheck.Failure;
import vn.lienthong.edxml.dsig.SignatureCheck.Status;

/**
 * Interop with the real xmlsec1 (libxmlsec1 + OpenSSL), both ways. Fails when xmlsec1 is missing, unless
 * LIENTHONG_ALLOW_NO_XMLSEC1=1 (then it is skipped); CI installs it.
 */
class XmlSec1InteropTest {

    /** What an agency system would put into edXMLHeader before running {@code xmlsec1 --sign}. */
    private static final String TEMPLATE = """
            <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
                    <ds:SignedInfo>
                      <ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
                      <ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>
                      <ds:Reference URI="">
                        <ds:Transforms>
                          <ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>
                          <ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
                        </ds:Transforms>
                        <ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>
                        <ds:DigestValue/>
                      </ds:Reference>
                    </ds:SignedInfo>
                    <ds:SignatureValue/>
                    <ds:KeyInfo>
                      <ds:X509Data>
                        <ds:X509Certificate/>
                      </ds:X509Data>
                    </ds:KeyInfo>
                  </ds:Signature>""";

    private static final Pattern DUMMY = Pattern.compile("(?s)<Signature>.*?</Signature>");

    static List<Path> samples() {
        return DsigFixtures.wellFormedSamples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void ourSignatureVerifiesWithXmlsec1(Path sample, @TempDir Path dir) throws Exception {
        String xmlsec1 = DsigFixtures.xmlsec1();
        Path signed = dir.resolve("signed.edxml");
        DsigFixtures.agencySigner().sign(sample, signed);

        DsigFixtures.Run run = DsigFixtures.run(verifyCommand(xmlsec1, signed));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("OK");
    }

    @Test
    void xmlsec1RejectsOurSignatureOnATamperedPacket(@TempDir Path dir) throws Exception {
        String xmlsec1 = DsigFixtures.xmlsec1();
        Path signed = dir.resolve("signed.edxml");
        DsigFixtures.agencySigner().sign(DsigFixtures.documentSample(), signed);
        String text = Files.readString(signed, StandardCharsets.UTF_8);
        Files.writeString(signed, text.replace("<edXML:Subject>V/v", "<edXML:Subject>Sửa: V/v"),
                StandardCharsets.UTF_8);

        DsigFixtures.Run run = DsigFixtures.run(verifyCommand(xmlsec1, signed));
        assertThat(run.exitCode()).as(run.output()).isNotZero();
    }

    @Test
    void ourEcdsaSignatureWithTheChainVerifiesWithXmlsec1(@TempDir Path dir) throws Exception {
        String xmlsec1 = DsigFixtures.xmlsec1();
        Path signed = dir.resolve("signed-ec.edxml");
        EdxmlSigner.of(SamplePki.privateKey(SamplePki.GATEWAY), SamplePki.chain(SamplePki.GATEWAY))
                .sign(DsigFixtures.documentSample(), signed);

        // only the root is trusted: xmlsec1 builds the path through the agency CA carried in KeyInfo
        DsigFixtures.Run run = DsigFixtures.run(List.of(xmlsec1, "--verify",
                "--trusted-pem", SamplePki.pemPath(SamplePki.ROOT_CA).toString(), signed.toString()));
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @Test
    void ourSignatureVerifiesWithXmlsec1GivenJustTheKey(@TempDir Path dir) throws Exception {
        String xmlsec1 = DsigFixtures.xmlsec1();
        Path signed = dir.resolve("signed.edxml");
        DsigFixtures.agencySigner().sign(DsigFixtures.documentSample(), signed);

        DsigFixtures.Run run = DsigFixtures.run(List.of(xmlsec1, "--verify",
                "--pubkey-cert-pem", SamplePki.pemPath(DsigFixtures.AGENCY).toString(), signed.toString()));
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void anXmlsec1SignatureVerifiesWithOurs(Path sample, @TempDir Path dir) throws Exception {
        Path signed = xmlsec1Sign(sample, dir);

        SignatureCheck check = DsigFixtures.trustingVerifier().verify(signed);
        assertThat(check.status()).as(check.toString()).isEqualTo(Status.VALID);
        assertThat(check.signer()).isEqualTo(SamplePki.certificate(DsigFixtures.AGENCY));
        assertThat(check.signer().getSubjectX500Principal().getName(X500Principal.RFC1779))
                .contains("OID.2.5.4.97=" + DsigFixtures.AGENCY + ",");
    }

    @Test
    void aTamperedXmlsec1SignatureFailsWithOurs(@TempDir Path dir) throws Exception {
        Path signed = xmlsec1Sign(DsigFixtures.documentSample(), dir);
        String text = Files.readString(signed, StandardCharsets.UTF_8);
        Files.writeString(signed, text.replace("<edXML:Subject>V/v", "<edXML:Subject>Sửa: V/v"),
                StandardCharsets.UTF_8);

        SignatureCheck check = DsigFixtures.trustingVerifier().verify(signed);
        assertThat(check.status()).isEqualTo(Status.INVALID);
        assertThat(check.failure()).isEqualTo(Failure.DIGEST_MISMATCH);
    }

    /** Puts the template where the SDK's dummy is (or at the end of edXMLHeader) and runs xmlsec1 --sign. */
    private static Path xmlsec1Sign(Path sample, Path dir) throws Exception {
        String xmlsec1 = DsigFixtures.xmlsec1();
        String packet = Files.readString(sample, StandardCharsets.UTF_8);
        Matcher dummy = DUMMY.matcher(packet);
        String template = dummy.find()
                ? packet.substring(0, dummy.start()) + TEMPLATE + packet.substring(dummy.end())
                : packet.replace("</edXML:edXMLHeader>", "  " + TEMPLATE + "\n    </edXML:edXMLHeader>");
        assertThat(template).contains("<ds:Signature ");
        Path templateFile = dir.resolve("template.edxml");
        Files.writeString(templateFile, template, StandardCharsets.UTF_8);
        Path signed = dir.resolve("signed-by-xmlsec1.edxml");

        List<String> command = new ArrayList<>(List.of(xmlsec1, "--sign",
                "--privkey-pem", SamplePki.keyPemPath(DsigFixtures.AGENCY) + "," + SamplePki.pemPath(DsigFixtures.AGENCY),
                "--output", signed.toString(), templateFile.toString()));
        DsigFixtures.Run run = DsigFixtures.run(command);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Files.readString(signed, StandardCharsets.UTF_8)).contains("<ds:SignatureValue>");
        return signed;
    }

    private static List<String> verifyCommand(String xmlsec1, Path signed) {
        return List.of(xmlsec1, "--verify",
                "--trusted-pem", SamplePki.pemPath(SamplePki.ROOT_CA).toString(),
                "--trusted-pem", SamplePki.pemPath(SamplePki.AGENCY_CA).toString(),
                signed.toString());
    }
}
