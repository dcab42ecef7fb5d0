package vn.lienthong.edxml.dsig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.utils.Constants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import vn.lienthong.edxml.dsig.SignatureCheck.Status;

/** The block-writing canonicaliser against Santuario's, byte for byte, and the verifier on both paths. */
class ExclusiveCanonicalizerTest {

    /** Namespaces declared, redeclared, unused and undone; attributes to sort; every character c14n escapes. */
    private static final String AWKWARD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- before the root -->
            <r:root xmlns:r="urn:r" xmlns:unused="urn:unused" xmlns="urn:default" z="1" a="2" r:b="3"
                    xmlns:q="http://q.example/" q:a="4" xml:lang="vi">
              <child b="x&#9;y&#10;z&#13;w" a="&lt;&amp;&quot;'&gt;">text &amp; &lt; &gt; &#13; "quotes" 'single'
                <inner xmlns="">no namespace<deeper xmlns="urn:again">back</deeper></inner></child>
              <r:same xmlns:r="urn:r">the same binding again</r:same>
              <r:other xmlns:r="urn:other">a prefix bound anew</r:other>
              <q:x><![CDATA[cdata <kept> & escaped]]></q:x>
              <!-- a comment inside -->
              <vi>Văn phòng Tỉnh ủy — số 12/CV-VPTU 😀 𝄞</vi>
              <empty/>
              <a:ns xmlns:a="urn:a" xmlns:b="urn:b" b:attr="only b is used by an attribute"/>
            </r:root>
            <!-- after the root -->
            """;

    static List<Path> samples() {
        return DsigFixtures.wellFormedSamples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySamplePacketCanonicalisesAsSantuarioDoes(Path sample) throws Exception {
        Document document = DomPackets.parse(sample, DomPackets.DEFAULT_MAX_BYTES);
        assertThat(blocks(document, null)).isEqualTo(santuario(document));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySignedSamplePacketLeavesItsSignatureOutAsTheEnvelopedTransformDoes(Path sample) throws Exception {
        byte[] signed = DsigFixtures.agencySigner().sign(Files.readAllBytes(sample));
        Document document = DomPackets.parse(new ByteArrayInputStream(signed), DomPackets.DEFAULT_MAX_BYTES);
        Element signature = (Element) document.getElementsByTagNameNS(Constants.SignatureSpecNS, "Signature").item(0);
        byte[] withoutSignature = blocks(document, signature);
        signature.getParentNode().removeChild(signature);
        assertThat(withoutSignature).isEqualTo(santuario(document));
        assertThat(DsigFixtures.trustingVerifier().verify(signed).status()).isEqualTo(Status.VALID);
    }

    @Test
    void anAwkwardDocumentCanonicalisesAsSantuarioDoes() throws Exception {
        Document document = parse(AWKWARD);
        byte[] ours = blocks(document, null);
        assertThat(new String(ours, StandardCharsets.UTF_8))
                .contains("<inner xmlns=\"\">", "&#xD;", "b=\"x&#x9;y&#xA;z&#xD;w\"", "😀")
                .doesNotContain("urn:unused", "comment");
        assertThat(ours).isEqualTo(santuario(document));
    }

    @Test
    void aProcessingInstructionIsLeftToSantuarioAndTheSignatureStillChecks() throws Exception {
        String packet = new String(Files.readAllBytes(DsigFixtures.documentSample()), StandardCharsets.UTF_8);
        int afterRootStart = packet.indexOf('>', packet.indexOf("<", packet.indexOf("?>") + 2)) + 1;
        String withPi = packet.substring(0, afterRootStart) + "<?lienthong note?>" + packet.substring(afterRootStart);
        Document document = parse(withPi);
        assertThat(ExclusiveCanonicalizer.canonicalize(document, null, new ByteArrayOutputStream())).isFalse();

        byte[] signed = DsigFixtures.agencySigner().sign(withPi.getBytes(StandardCharsets.UTF_8));
        assertThat(DsigFixtures.trustingVerifier().verify(signed).status()).isEqualTo(Status.VALID);
        String tampered = new String(signed, StandardCharsets.UTF_8).replace("<?lienthong note?>", "<?lienthong n?>");
        assertThat(DsigFixtures.trustingVerifier().verify(tampered.getBytes(StandardCharsets.UTF_8)).failure())
                .isEqualTo(SignatureCheck.Failure.DIGEST_MISMATCH);
    }

    @Test
    void aCharacterChangedInTheAttachmentIsADigestMismatchOnTheBlockPath() throws Exception {
        byte[] signed = DsigFixtures.agencySigner().sign(Files.readAllBytes(DsigFixtures.documentSample()));
        String text = new String(signed, StandardCharsets.UTF_8);
        int base64 = text.indexOf("ContentTransferEncoded") + 1000; // inside the attachment's base64
        char c = text.charAt(base64);
        String tampered = text.substring(0, base64) + (c == 'A' ? 'B' : 'A') + text.substring(base64 + 1);
        SignatureCheck check = DsigFixtures.trustingVerifier().verify(tampered.getBytes(StandardCharsets.UTF_8));
        assertThat(check.status()).isEqualTo(Status.INVALID);
        assertThat(check.failure()).isEqualTo(SignatureCheck.Failure.DIGEST_MISMATCH);
    }

    private static Document parse(String xml) throws Exception {
        return DomPackets.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                DomPackets.DEFAULT_MAX_BYTES);
    }

    private static byte[] blocks(Document document, Node excluded) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ExclusiveCanonicalizer.canonicalize(document, excluded, out)).isTrue();
        return out.toByteArray();
    }

    private static byte[] santuario(Document document) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(document, out);
        return out.toByteArray();
    }
}
