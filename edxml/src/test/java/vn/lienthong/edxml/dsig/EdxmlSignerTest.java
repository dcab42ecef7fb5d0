package vn.lienthong.edxml.dsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.security.auth.x500.X500Principal;

import org.apache.xml.security.utils.Constants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;

import vn.lienthong.certs.SamplePki;
import vn.lienthong.edxml.Edxml;
import vn.lienthong.edxml.EdxmlError;
import vn.lienthong.edxml.EdxmlException;

class EdxmlSignerTest {

    private static final String DS = Constants.SignatureSpecNS;

    static List<Path> samples() {
        return DsigFixtures.wellFormedSamples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void signsEverySampleSoThatItVerifiesWithTheAgencyAsSigner(Path sample) throws Exception {
        byte[] original = Files.readAllBytes(sample);
        byte[] signed = DsigFixtures.agencySigner().sign(original);

        SignatureCheck check = DsigFixtures.trustingVerifier().verify(signed);
        assertThat(check.status()).as(check.toString()).isEqualTo(SignatureCheck.Status.VALID);
        assertThat(check.signer()).isEqualTo(SamplePki.certificate(DsigFixtures.AGENCY));
        assertThat(check.signer().getSubjectX500Principal().getName(X500Principal.RFC1779))
                .contains("OID.2.5.4.97=" + DsigFixtures.AGENCY + ",");

        Document document = DomPackets.parse(new ByteArrayInputStream(signed), Long.MAX_VALUE);
        Element header = (Element) document.getElementsByTagNameNS(Edxml.NAMESPACE, "edXMLHeader").item(0);
        Element last = lastElementChild(header);
        assertThat(last.getNamespaceURI()).isEqualTo(DS);
        assertThat(last.getLocalName()).isEqualTo("Signature");
        assertThat(document.getElementsByTagNameNS(DS, "Signature").getLength()).isOne();
        assertThat(document.getElementsByTagNameNS(Edxml.NAMESPACE, "Signature").getLength())
                .as("the SDK's dummy Signature is gone").isZero();

        // everything but the signatures and whitespace-only text is identical (prefixes, text, attachments)
        Diff diff = DiffBuilder.compare(Input.fromByteArray(original))
                .withTest(Input.fromByteArray(signed))
                .withNodeFilter(node -> !isSignature(node) && !isWhitespace(node))
                .checkForIdentical()
                .build();
        assertThat(diff.hasDifferences()).as(diff.toString()).isFalse();

        String text = new String(signed, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<edXML xmlns=\"" + Edxml.NAMESPACE
                + "\">");
        assertThat(text).contains("<edXML:edXMLEnvelope xmlns:edXML=\"" + Edxml.NAMESPACE + "\">");
    }

    @Test
    void theSignatureHasTheAgreedShape() throws Exception {
        byte[] signed = DsigFixtures.agencySigner().sign(Files.readAllBytes(DsigFixtures.documentSample()));
        String text = new String(signed, StandardCharsets.UTF_8);
        assertThat(text)
                .contains("<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">")
                .contains("<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>")
                .contains("<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>")
                .contains("<ds:Reference URI=\"\">")
                .contains("<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>")
                .contains("<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>")
                .contains("<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>")
                .contains("<ds:X509Certificate>")
                .doesNotContain("<Signature>");
        // the new block sits where the dummy was: still followed by the end of the header
        assertThat(text).containsPattern("</ds:Signature>\\s*</edXML:edXMLHeader>");
        assertThat(text.indexOf("<ds:X509Certificate>")).isEqualTo(text.lastIndexOf("<ds:X509Certificate>"));
    }

    @Test
    void aPacketWithoutDummyGetsTheSignatureAppendedAndIndented() throws Exception {
        Path status = DsigFixtures.samplesDir().resolve("vpcp-sdk-example/status.edxml");
        String text = new String(DsigFixtures.agencySigner().sign(Files.readAllBytes(status)), StandardCharsets.UTF_8);
        assertThat(text).contains("</edXML:MessageHeader>\n      <ds:Signature ");
        assertThat(text).containsPattern("</ds:Signature>\n    </edXML:edXMLHeader>");
    }

    @Test
    void anEcKeySignsWithEcdsaAndTheChainGoesIntoKeyInfo() throws Exception {
        EdxmlSigner signer = EdxmlSigner.of(SamplePki.privateKey(SamplePki.GATEWAY), SamplePki.chain(SamplePki.GATEWAY));
        assertThat(signer.signatureMethod()).isEqualTo("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256");
        byte[] signed = signer.sign(Files.readAllBytes(DsigFixtures.documentSample()));

        SignatureCheck check = DsigFixtures.trustingVerifier().verify(signed);
        assertThat(check.status()).as(check.toString()).isEqualTo(SignatureCheck.Status.VALID);
        assertThat(check.signer()).isEqualTo(SamplePki.certificate(SamplePki.GATEWAY));
        assertThat(check.certificates()).containsExactlyElementsOf(SamplePki.chain(SamplePki.GATEWAY));
        assertThat(new String(signed, StandardCharsets.UTF_8)).contains("xmldsig-more#ecdsa-sha256");
    }

    @Test
    void aKeyStoreEntrySigns() throws Exception {
        EdxmlSigner signer = EdxmlSigner.fromKeyStore(SamplePki.keyStore(SamplePki.GATEWAY_RSA),
                SamplePki.GATEWAY_RSA, SamplePki.PASSWORD.toCharArray());
        SignatureCheck check = DsigFixtures.trustingVerifier()
                .verify(signer.sign(Files.readAllBytes(DsigFixtures.documentSample())));
        assertThat(check.isValid()).as(check.toString()).isTrue();
        assertThat(check.signer()).isEqualTo(SamplePki.certificate(SamplePki.GATEWAY_RSA));
    }

    @Test
    void signsFileToFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("signed.edxml");
        DsigFixtures.agencySigner().sign(DsigFixtures.documentSample(), out);
        assertThat(DsigFixtures.trustingVerifier().verify(out).isValid()).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void refusesAnAlreadySignedPacketUnlessToldToReplace() throws Exception {
        byte[] signed = DsigFixtures.agencySigner().sign(Files.readAllBytes(DsigFixtures.documentSample()));
        assertThatThrownBy(() -> DsigFixtures.agencySigner().sign(signed))
                .isInstanceOf(EdxmlException.class)
                .satisfies(e -> assertThat(((EdxmlException) e).error()).isEqualTo(EdxmlError.BAD_SIGNATURE))
                .hasMessageContaining("already carries an XML-DSig signature");

        EdxmlSigner other = EdxmlSigner.of(SamplePki.privateKey("000.00.00.G22"), SamplePki.certificate("000.00.00.G22"))
                .withReplaceExistingSignature(true);
        byte[] resigned = other.sign(signed);
        SignatureCheck check = DsigFixtures.trustingVerifier().verify(resigned);
        assertThat(check.isValid()).as(check.toString()).isTrue();
        assertThat(check.signer()).isEqualTo(SamplePki.certificate("000.00.00.G22"));
        assertThat(new String(resigned, StandardCharsets.UTF_8)).containsOnlyOnce("<ds:Signature ");
    }

    @Test
    void refusesPacketsLargerThanMaxBytes(@TempDir Path dir) throws Exception {
        EdxmlSigner signer = DsigFixtures.agencySigner().withMaxBytes(10_000);
        byte[] packet = Files.readAllBytes(DsigFixtures.documentSample());
        assertThat(packet.length).isGreaterThan(10_000);
        assertThatThrownBy(() -> signer.sign(packet))
                .isInstanceOf(EdxmlException.class)
                .satisfies(e -> assertThat(((EdxmlException) e).error()).isEqualTo(EdxmlError.LIMIT_EXCEEDED))
                .hasMessageContaining("maxBytes 10000");
        assertThatThrownBy(() -> signer.sign(DsigFixtures.documentSample(), dir.resolve("out.edxml")))
                .isInstanceOf(EdxmlException.class)
                .satisfies(e -> assertThat(((EdxmlException) e).error()).isEqualTo(EdxmlError.LIMIT_EXCEEDED));
        assertThat(dir.resolve("out.edxml")).doesNotExist();
        assertThat(DsigFixtures.agencySigner().maxBytes()).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void refusesWhatIsNotAnEdxmlPacket() {
        byte[] notEdxml = "<?xml version=\"1.0\"?><a xmlns=\"urn:x\"><b/></a>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DsigFixtures.agencySigner().sign(notEdxml))
                .isInstanceOf(EdxmlException.class)
                .satisfies(e -> assertThat(((EdxmlException) e).error()).isEqualTo(EdxmlError.NOT_EDXML));
        assertThatThrownBy(() -> DsigFixtures.agencySigner().sign(Files.readAllBytes(DsigFixtures.malformedSample())))
                .isInstanceOf(EdxmlException.class)
                .satisfies(e -> assertThat(((EdxmlException) e).error()).isEqualTo(EdxmlError.MALFORMED_XML));
    }

    @Test
    void theKeyMustBelongToTheCertificate() {
        assertThatThrownBy(() -> EdxmlSigner.of(SamplePki.privateKey(DsigFixtures.AGENCY),
                SamplePki.certificate("000.00.00.G22")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void signsConcurrently() throws Exception {
        EdxmlSigner signer = DsigFixtures.agencySigner();
        EdxmlSignatureVerifier verifier = DsigFixtures.trustingVerifier();
        List<Path> samples = DsigFixtures.wellFormedSamples();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SignatureCheck>> results = new ArrayList<>();
            for (Path sample : samples) {
                results.add(pool.submit(() -> verifier.verify(signer.sign(Files.readAllBytes(sample)))));
            }
            for (Future<SignatureCheck> result : results) {
                assertThat(result.get().isValid()).as(result.get().toString()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean isSignature(Node node) {
        return node.getNodeType() == Node.ELEMENT_NODE && "Signature".equals(node.getLocalName())
                && (DS.equals(node.getNamespaceURI()) || Edxml.NAMESPACE.equals(node.getNamespaceURI()));
    }

    private static boolean isWhitespace(Node node) {
        return node.getNodeType() == Node.TEXT_NODE && node.getNodeValue().isBlank();
    }

    private static Element lastElementChild(Element parent) {
        for (Node node = parent.getLastChild(); node != null; node = node.getPreviousSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        throw new AssertionError("no element child");
    }
}
