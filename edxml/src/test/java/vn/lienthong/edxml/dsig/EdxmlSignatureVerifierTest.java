package vn.lienthong.edxml.dsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.transforms.params.XPath2FilterContainer;
import org.apache.xml.security.utils.Constants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import vn.lienthong.certs.SamplePki;
import vn.lienthong.edxml.Edxml;
import vn.lienthong.edxml.EdxmlError;
import vn.lienthong.edxml.EdxmlException;
import vn.lienthong.edxml.dsig.SignatureCheck.Failure;
import vn.lienthong.edxml.dsig.SignatureCheck.Status;

class EdxmlSignatureVerifierTest {

    private static final String DS = Constants.SignatureSpecNS;

    static List<Path> dummySignatureSamples() {
        return DsigFixtures.dummySignatureSamples();
    }

    static List<Path> samples() {
        return DsigFixtures.wellFormedSamples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dummySignatureSamples")
    void theSdkDummySignatureMeansUnsigned(Path sample) throws Exception {
        SignatureCheck check = DsigFixtures.trustingVerifier().verify(sample);
        assertThat(check.status()).isEqualTo(Status.UNSIGNED);
        assertThat(check.failure()).isEqualTo(Failure.NONE);
        assertThat(check.signer()).isNull();
        assertThat(check.reason()).contains("SDK");
    }

    @Test
    void thereAreDummySamplesToCheck() {
        assertThat(DsigFixtures.dummySignatureSamples()).hasSizeGreaterThanOrEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyUnsignedSampleIsUnsigned(Path sample) throws Exception {
        assertThat(EdxmlSignatureVerifier.create().verify(sample).status()).isEqualTo(Status.UNSIGNED);
    }

    @Test
    void aChangedSubjectIsCaught() throws Exception {
        String signed = signedDocumentSample();
        String subject = "<edXML:Subject>V/v kết nối, liên thông phần mềm quản lý văn bản</edXML:Subject>";
        assertThat(signed).contains(subject);
        String tampered = signed.replace(subject,
                "<edXML:Subject>V/v kết nối, liên thông phần mềm quản lý văn bản (đã sửa)</edXML:Subject>");

        SignatureCheck check = DsigFixtures.trustingVerifier().verify(utf8(tampered));
        assertThat(check.status()).isEqualTo(Status.INVALID);
        assertThat(check.failure()).isEqualTo(Failure.DIGEST_MISMATCH);
        assertThat(check.signer()).isEqualTo(SamplePki.certificate(DsigFixtures.AGENCY));
        assertThat(check.reason()).contains("đã bị thay đổi").contains("digest mismatch");
    }

    @Test
    void aChangedAttachmentIsCaught() throws Exception {
        String signed = signedDocumentSample();
        int content = signed.indexOf("<edXML:ContentTransferEncoded");
        int start = signed.indexOf('>', content) + 100;
        char replaced = signed.charAt(start) == 'A' ? 'B' : 'A';
        String tampered = signed.substring(0, start) + replaced + signed.substring(start + 1);

        SignatureCheck check = EdxmlSignatureVerifier.create().verify(utf8(tampered));
        assertThat(check.failure()).isEqualTo(Failure.DIGEST_MISMATCH);
    }

    @Test
    void aChangedSignatureValueIsCaught() throws Exception {
        Document document = parse(utf8(signedDocumentSample()));
        Element value = (Element) document.getElementsByTagNameNS(DS, "SignatureValue").item(0);
        String text = value.getTextContent().strip();
        value.setTextContent((text.charAt(0) == 'A' ? "B" : "A") + text.substring(1));

        SignatureCheck check = EdxmlSignatureVerifier.create().verify(document);
        assertThat(check.status()).isEqualTo(Status.INVALID);
        assertThat(check.failure()).isEqualTo(Failure.SIGNATURE_MISMATCH);
        assertThat(check.signer()).isNull();
        assertThat(check.certificates()).containsExactly(SamplePki.certificate(DsigFixtures.AGENCY));
    }

    @Test
    void anotherCertificateInKeyInfoIsCaught() throws Exception {
        // an ECDSA signature presented with an RSA agency certificate: no key in KeyInfo verifies it
        EdxmlSigner gateway = EdxmlSigner.of(SamplePki.privateKey(SamplePki.GATEWAY),
                SamplePki.certificate(SamplePki.GATEWAY));
        Document document = parse(gateway.sign(Files.readAllBytes(DsigFixtures.documentSample())));
        Element certificate = (Element) document.getElementsByTagNameNS(DS, "X509Certificate").item(0);
        certificate.setTextContent(java.util.Base64.getEncoder()
                .encodeToString(SamplePki.certificate(DsigFixtures.AGENCY).getEncoded()));

        SignatureCheck check = EdxmlSignatureVerifier.create().verify(document);
        assertThat(check.failure()).isEqualTo(Failure.SIGNATURE_MISMATCH);
    }

    @Test
    void noCertificateIsInvalid() throws Exception {
        Document document = parse(utf8(signedDocumentSample()));
        Element keyInfo = (Element) document.getElementsByTagNameNS(DS, "KeyInfo").item(0);
        keyInfo.getParentNode().removeChild(keyInfo);

        SignatureCheck check = EdxmlSignatureVerifier.create().verify(document);
        assertThat(check.status()).isEqualTo(Status.INVALID);
        assertThat(check.failure()).isEqualTo(Failure.NO_CERTIFICATE);
        assertThat(check.reason()).contains("X509Certificate");
    }

    @Test
    void twoSignaturesAreInvalid() throws Exception {
        Document document = parse(utf8(signedDocumentSample()));
        Element signature = (Element) document.getElementsByTagNameNS(DS, "Signature").item(0);
        Element body = (Element) document.getElementsByTagNameNS(Edxml.NAMESPACE, "edXMLBody").item(0);
        body.appendChild(signature.cloneNode(true));

        SignatureCheck check = EdxmlSignatureVerifier.create().verify(document);
        assertThat(check.status()).isEqualTo(Status.INVALID);
        assertThat(check.failure()).isEqualTo(Failure.MULTIPLE_SIGNATURES);
    }

    @Test
    void aReferenceOtherThanTheWholeDocumentIsInvalid() throws Exception {
        Document document = parse(utf8(signedDocumentSample()));
        Element reference = (Element) document.getElementsByTagNameNS(DS, "Reference").item(0);
        reference.setAttribute("URI", "#header");

        SignatureCheck check = EdxmlSignatureVerifier.create().verify(document);
        assertThat(check.status()).isEqualTo(Status.INVALID);
        assertThat(check.failure()).isEqualTo(Failure.UNSUPPORTED_REFERENCE);
        assertThat(check.reason()).contains("URI=\"\"");
    }

    @Test
    void aFilteringTransformIsRefusedEvenWhenTheMathsHold() throws Exception {
        // URI="" with an XPath filter that leaves the attachments out: the maths still hold after the attachment
        // is replaced, which is exactly why only enveloped-signature and c14n transforms are accepted
        Document document = parse(Files.readAllBytes(DsigFixtures.documentSample()));
        removeDummy(document);
        signWith(document, SamplePki.privateKey(DsigFixtures.AGENCY), SamplePki.certificate(DsigFixtures.AGENCY),
                XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256,
                transforms -> {
                    try {
                        transforms.addTransform(Transforms.TRANSFORM_XPATH2FILTER,
                                XPath2FilterContainer.newInstanceSubtract(document,
                                        "//*[local-name()='AttachmentEncoded']").getElementPlusReturns());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        Element content = (Element) document.getElementsByTagNameNS(Edxml.NAMESPACE, "ContentTransferEncoded")
                .item(0);
        content.setTextContent("UEsDBBQAAAAIAGZha2U=");

        Element signatureElement = (Element) document.getElementsByTagNameNS(DS, "Signature").item(0);
        assertThat(new XMLSignature(signatureElement, "", false)
                .checkSignatureValue(SamplePki.certificate(DsigFixtures.AGENCY)))
                .as("plain Santuario accepts it").isTrue();

        SignatureCheck check = EdxmlSignatureVerifier.create().verify(document);
        assertThat(check.status()).isEqualTo(Status.INVALID);
        assertThat(check.failure()).isEqualTo(Failure.UNSUPPORTED_REFERENCE);
        assertThat(check.reason()).contains("xmldsig-filter2");
    }

    @Test
    void sha1IsRefusedUnlessAllowed() throws Exception {
        Document document = parse(Files.readAllBytes(DsigFixtures.documentSample()));
        removeDummy(document);
        signWith(document, SamplePki.privateKey(DsigFixtures.AGENCY), SamplePki.certificate(DsigFixtures.AGENCY),
                XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA1, t -> { });

        SignatureCheck refused = EdxmlSignatureVerifier.create().verify(document);
        assertThat(refused.failure()).isEqualTo(Failure.UNSUPPORTED_ALGORITHM);
        assertThat(refused.reason()).contains("rsa-sha1");

        SignatureCheck allowed = EdxmlSignatureVerifier.create().withSha1Allowed(true)
                .withTrustAnchors(SamplePki.caCertificates()).verify(document);
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(Status.VALID);
    }

    // ------------------------------------------------------------------ trust

    @Test
    void withTrustAnchorsAGoodAgencyIsTrusted() throws Exception {
        SignatureCheck check = EdxmlSignatureVerifier.create()
                .withTrustAnchors(SamplePki.caBundlePath())
                .verify(utf8(signedDocumentSample()));
        assertThat(check.status()).as(check.toString()).isEqualTo(Status.VALID);
        assertThat(check.reason()).contains("trusted");
    }

    @Test
    void theRootAloneIsEnoughWhenKeyInfoCarriesTheChain() throws Exception {
        EdxmlSigner withChain = EdxmlSigner.of(SamplePki.privateKey(DsigFixtures.AGENCY),
                SamplePki.chain(DsigFixtures.AGENCY));
        EdxmlSignatureVerifier rootOnly = EdxmlSignatureVerifier.create().withTrustAnchors(List.of(SamplePki.rootCa()));

        byte[] packet = Files.readAllBytes(DsigFixtures.documentSample());
        assertThat(rootOnly.verify(withChain.sign(packet)).status()).isEqualTo(Status.VALID);

        SignatureCheck leafOnly = rootOnly.verify(DsigFixtures.agencySigner().sign(packet));
        assertThat(leafOnly.status()).isEqualTo(Status.INVALID);
        assertThat(leafOnly.failure()).isEqualTo(Failure.UNTRUSTED);
    }

    @Test
    void aCertificateFromElsewhereIsUntrustedOnlyWhenAnchorsAreGiven() throws Exception {
        DsigFixtures.Foreign foreign = DsigFixtures.foreignSelfSigned();
        byte[] signed = EdxmlSigner.of(foreign.key(), foreign.certificate())
                .sign(Files.readAllBytes(DsigFixtures.documentSample()));

        SignatureCheck maths = EdxmlSignatureVerifier.create().verify(signed);
        assertThat(maths.status()).isEqualTo(Status.VALID);
        assertThat(maths.signer()).isEqualTo(foreign.certificate());

        SignatureCheck trusted = DsigFixtures.trustingVerifier().verify(signed);
        assertThat(trusted.status()).isEqualTo(Status.INVALID);
        assertThat(trusted.failure()).isEqualTo(Failure.UNTRUSTED);
        assertThat(trusted.signer()).isEqualTo(foreign.certificate());
        assertThat(trusted.reason()).contains("untrusted");

        // pinning the certificate itself as an anchor trusts it
        assertThat(EdxmlSignatureVerifier.create().withTrustAnchors(List.of(foreign.certificate()))
                .verify(signed).status()).isEqualTo(Status.VALID);
    }

    @Test
    void anExpiredCertificateIsUntrustedWithAnchorsButItsMathsHold() throws Exception {
        EdxmlSigner expired = EdxmlSigner.of(SamplePki.privateKey(SamplePki.EXPIRED),
                SamplePki.certificate(SamplePki.EXPIRED));
        byte[] signed = expired.sign(Files.readAllBytes(DsigFixtures.documentSample()));

        assertThat(EdxmlSignatureVerifier.create().verify(signed).status()).isEqualTo(Status.VALID);

        SignatureCheck now = DsigFixtures.trustingVerifier().verify(signed);
        assertThat(now.status()).isEqualTo(Status.INVALID);
        assertThat(now.failure()).isEqualTo(Failure.UNTRUSTED);
        assertThat(now.reason()).contains("hết hạn").contains("expired");

        // at a time inside its validity it chains
        Instant inside = SamplePki.certificate(SamplePki.EXPIRED).getNotAfter().toInstant().minusSeconds(86_400);
        assertThat(DsigFixtures.trustingVerifier().withValidationTime(inside).verify(signed).status())
                .isEqualTo(Status.VALID);
    }

    @Test
    void revocationIsNotCheckedHere() throws Exception {
        EdxmlSigner revoked = EdxmlSigner.of(SamplePki.privateKey(SamplePki.REVOKED),
                SamplePki.certificate(SamplePki.REVOKED));
        SignatureCheck check = DsigFixtures.trustingVerifier()
                .verify(revoked.sign(Files.readAllBytes(DsigFixtures.documentSample())));
        assertThat(check.status()).as("revocation is policy, checked later").isEqualTo(Status.VALID);
    }

    // ------------------------------------------------------------------ input

    @Test
    void refusesPacketsLargerThanMaxBytes(@TempDir Path dir) throws Exception {
        byte[] signed = utf8(signedDocumentSample());
        EdxmlSignatureVerifier small = EdxmlSignatureVerifier.create().withMaxBytes(50_000);
        assertThatThrownBy(() -> small.verify(new ByteArrayInputStream(signed)))
                .isInstanceOf(EdxmlException.class)
                .satisfies(e -> assertThat(((EdxmlException) e).error()).isEqualTo(EdxmlError.LIMIT_EXCEEDED))
                .hasMessageContaining("maxBytes 50000");
        Path file = dir.resolve("signed.edxml");
        Files.write(file, signed);
        assertThatThrownBy(() -> small.verify(file))
                .isInstanceOf(EdxmlException.class)
                .hasMessageContaining(signed.length + " byte");
        assertThat(EdxmlSignatureVerifier.create().withMaxBytes(signed.length).verify(file).isValid()).isTrue();
    }

    @Test
    void malformedXmlIsAnError() {
        assertThatThrownBy(() -> EdxmlSignatureVerifier.create().verify(DsigFixtures.malformedSample()))
                .isInstanceOf(EdxmlException.class)
                .satisfies(e -> assertThat(((EdxmlException) e).error()).isEqualTo(EdxmlError.MALFORMED_XML));
    }

    @Test
    void aDoctypeIsRefused() {
        byte[] packet = ("<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY x \"y\">]>"
                + "<edXML xmlns=\"" + Edxml.NAMESPACE + "\">&x;</edXML>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EdxmlSignatureVerifier.create().verify(packet))
                .isInstanceOf(EdxmlException.class)
                .satisfies(e -> assertThat(((EdxmlException) e).error()).isEqualTo(EdxmlError.DTD_FORBIDDEN));
    }

    // ------------------------------------------------------------------ helpers

    static String signedDocumentSample() throws Exception {
        return new String(DsigFixtures.agencySigner().sign(Files.readAllBytes(DsigFixtures.documentSample())),
                StandardCharsets.UTF_8);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Document parse(byte[] packet) throws Exception {
        return DomPackets.parse(new ByteArrayInputStream(packet), Long.MAX_VALUE);
    }

    static byte[] serialize(Document document) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DomPackets.write(document, out);
        return out.toByteArray();
    }

    private static void removeDummy(Document document) {
        Node dummy = document.getElementsByTagNameNS(Edxml.NAMESPACE, "Signature").item(0);
        dummy.getParentNode().removeChild(dummy);
    }

    /** Signs with Santuario directly, with the algorithms and extra transforms a test needs. */
    static void signWith(Document document, PrivateKey key, X509Certificate certificate, String signatureMethod,
            String digestMethod, Consumer<Transforms> extraTransforms) throws Exception {
        Element header = (Element) document.getElementsByTagNameNS(Edxml.NAMESPACE, "edXMLHeader").item(0);
        XMLSignature signature = new XMLSignature(document, "", signatureMethod,
                Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        header.appendChild(signature.getElement());
        Transforms transforms = new Transforms(document);
        transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        extraTransforms.accept(transforms);
        transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        signature.addDocument("", transforms, digestMethod);
        signature.addKeyInfo(certificate);
        signature.sign(key);
    }
}
