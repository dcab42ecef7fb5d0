package vn.lienthong.edxml.dsig;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.xml.security.algorithms.JCEMapper;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.algorithms.SignatureAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.keys.content.X509Data;
import org.apache.xml.security.keys.content.x509.XMLX509Certificate;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.VerifiedReference;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transform;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.Constants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import vn.lienthong.edxml.Edxml;
import vn.lienthong.edxml.EdxmlError;
import vn.lienthong.edxml.EdxmlException;
import vn.lienthong.edxml.dsig.SignatureCheck.Failure;

/**
 * Verifies the XML-DSig signature of an edXML packet.
 *
 * <ul>
 * <li>No {@code Signature} element in the XML-DSig namespace: {@link SignatureCheck.Status#UNSIGNED}. The SDK's
 * dummy {@code Signature} block (edXML namespace) is not a signature.</li>
 * <li>More than one XML-DSig signature, a Reference other than exactly one {@code URI=""}, a transform other than
 * enveloped-signature and canonicalization, a SHA-1 algorithm (unless allowed), no X509Certificate in KeyInfo, a
 * SignatureValue that no certificate of KeyInfo verifies, or a digest that does not match the packet:
 * {@link SignatureCheck.Status#INVALID} with the {@link Failure} and a reason.</li>
 * <li>Trust anchors given: the signer certificate must also chain to one of them (PKIX, no revocation, at the
 * validation time, "now" by default), otherwise INVALID {@link Failure#UNTRUSTED}. Without trust anchors only the
 * maths are checked. Revocation and binding a certificate to an agency are policy, not done here.</li>
 * </ul>
 *
 * <p>Santuario's secure validation is on. The packet is loaded into a DOM: inputs larger than {@link #maxBytes()}
 * (default 64 MiB) are refused with an {@link EdxmlException} of {@link EdxmlError#LIMIT_EXCEEDED}, and input that
 * is not well-formed XML with one of {@link EdxmlError#MALFORMED_XML}. Instances are immutable and thread-safe.
 */
public final class EdxmlSignatureVerifier {

    /** Default bound on a packet to verify: 64 MiB. */
    public static final long DEFAULT_MAX_BYTES = DomPackets.DEFAULT_MAX_BYTES;

    /** KeyInfo may carry a chain; more certificates than this is not a chain. */
    static final int MAX_CERTIFICATES = 16;

    private static final Set<String> CANONICALIZATIONS = Set.of(
            Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS,
            Canonicalizer.ALGO_ID_C14N_EXCL_WITH_COMMENTS,
            Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS,
            Canonicalizer.ALGO_ID_C14N_WITH_COMMENTS,
            Canonicalizer.ALGO_ID_C14N11_OMIT_COMMENTS,
            Canonicalizer.ALGO_ID_C14N11_WITH_COMMENTS);

    private static final Set<String> SIGNATURE_METHODS = Set.of(
            XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
            XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA384,
            XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA512,
            XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256_MGF1,
            XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA384_MGF1,
            XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA512_MGF1,
            XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256,
            XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA384,
            XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA512);

    private static final Set<String> SHA1_SIGNATURE_METHODS = Set.of(
            XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1,
            XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA1);

    private static final Set<String> DIGEST_METHODS = Set.of(
            MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256,
            MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA384,
            MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA512);

    private static final String CHANGED_AFTER_SIGNING = "Nội dung gói tin đã bị thay đổi sau khi ký (digest"
            + " mismatch: the packet changed after it was signed)";

    private final Set<X509Certificate> trustAnchors;
    private final long maxBytes;
    private final boolean sha1Allowed;
    private final Instant validationTime;

    private EdxmlSignatureVerifier(Set<X509Certificate> trustAnchors, long maxBytes, boolean sha1Allowed,
            Instant validationTime) {
        this.trustAnchors = trustAnchors;
        this.maxBytes = maxBytes;
        this.sha1Allowed = sha1Allowed;
        this.validationTime = validationTime;
    }

    /** A verifier that checks the maths only (no trust anchors), 64 MiB bound, SHA-1 refused. */
    public static EdxmlSignatureVerifier create() {
        DomPackets.initSantuario();
        return new EdxmlSignatureVerifier(Set.of(), DEFAULT_MAX_BYTES, false, null);
    }

    /** The same verifier that also requires the signer to chain (PKIX, no revocation) to one of these. */
    public EdxmlSignatureVerifier withTrustAnchors(Collection<X509Certificate> anchors) {
        return new EdxmlSignatureVerifier(Set.copyOf(anchors), maxBytes, sha1Allowed, validationTime);
    }

    /** {@link #withTrustAnchors(Collection)} with every certificate of a PEM (or DER) file. */
    public EdxmlSignatureVerifier withTrustAnchors(Path pemFile) throws IOException {
        return withTrustAnchors(readCertificates(pemFile));
    }

    /** The same verifier with another bound on the input size, in bytes. */
    public EdxmlSignatureVerifier withMaxBytes(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        return new EdxmlSignatureVerifier(trustAnchors, maxBytes, sha1Allowed, validationTime);
    }

    /** The same verifier accepting (or not) rsa-sha1, ecdsa-sha1 and the sha1 digest, which the SDK defaults to. */
    public EdxmlSignatureVerifier withSha1Allowed(boolean allowed) {
        return new EdxmlSignatureVerifier(trustAnchors, maxBytes, allowed, validationTime);
    }

    /** The same verifier checking the chain at this time instead of now (null: now). */
    public EdxmlSignatureVerifier withValidationTime(Instant time) {
        return new EdxmlSignatureVerifier(trustAnchors, maxBytes, sha1Allowed, time);
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Set<X509Certificate> trustAnchors() {
        return trustAnchors;
    }

    public SignatureCheck verify(InputStream in) throws IOException {
        return verify(DomPackets.parse(in, maxBytes));
    }

    public SignatureCheck verify(Path packet) throws IOException {
        return verify(DomPackets.parse(packet, maxBytes));
    }

    public SignatureCheck verify(byte[] packet) throws IOException {
        return verify(new ByteArrayInputStream(packet));
    }

    /** Verifies a DOM from a namespace-aware parser. Santuario may register ID attributes on it. */
    public SignatureCheck verify(Document document) {
        NodeList signatures = document.getElementsByTagNameNS(Constants.SignatureSpecNS, Constants._TAG_SIGNATURE);
        if (signatures.getLength() == 0) {
            boolean dummy = document.getElementsByTagNameNS(Edxml.NAMESPACE, Constants._TAG_SIGNATURE).getLength() > 0;
            return SignatureCheck.unsigned(dummy
                    ? "Gói tin chưa ký: khối Signature không thuộc namespace XML-DSig (khối mẫu của SDK) không phải"
                            + " chữ ký (unsigned: a Signature block outside the XML-DSig namespace, like the SDK's"
                            + " dummy one, is not a signature)"
                    : "Gói tin chưa ký: không có chữ ký XML-DSig (unsigned: no XML-DSig signature)");
        }
        if (signatures.getLength() > 1) {
            return SignatureCheck.invalid(Failure.MULTIPLE_SIGNATURES, null, List.of(),
                    "Gói tin có " + signatures.getLength() + " chữ ký XML-DSig, chỉ chấp nhận một (the packet carries "
                            + signatures.getLength() + " XML-DSig signatures; exactly one is accepted)");
        }
        return verify((Element) signatures.item(0));
    }

    private SignatureCheck verify(Element signatureElement) {
        XMLSignature signature;
        try {
            signature = new XMLSignature(signatureElement, "", true);
        } catch (XMLSecurityException | RuntimeException e) {
            return SignatureCheck.invalid(Failure.MALFORMED_SIGNATURE, null, List.of(),
                    "Khối chữ ký XML-DSig không hợp lệ (malformed or refused XML-DSig signature): " + e.getMessage());
        }

        SignatureCheck shape = checkShape(signature);
        if (shape != null) {
            return shape;
        }

        List<X509Certificate> certificates;
        try {
            certificates = certificates(signature.getKeyInfo());
        } catch (XMLSecurityException | RuntimeException e) {
            return SignatureCheck.invalid(Failure.MALFORMED_SIGNATURE, null, List.of(),
                    "Không đọc được chứng thư số trong KeyInfo (unreadable certificate in KeyInfo): " + e.getMessage());
        }
        if (certificates.isEmpty()) {
            return SignatureCheck.invalid(Failure.NO_CERTIFICATE, null, List.of(),
                    "Chữ ký không kèm chứng thư số (X509Certificate) trong KeyInfo (no X509Certificate in KeyInfo)");
        }
        if (certificates.size() > MAX_CERTIFICATES) {
            return SignatureCheck.invalid(Failure.MALFORMED_SIGNATURE, null, List.of(),
                    "KeyInfo có quá nhiều chứng thư số (more than " + MAX_CERTIFICATES + " certificates in KeyInfo)");
        }

        // two paths: with packetDigest, Santuario checks SignedInfo and the Reference is compared here; without it
        // (any other shape), Santuario's checkSignatureValue checks both and leaves its verification results
        byte[] packetDigest = packetDigest(signatureElement, signature);
        X509Certificate signer = null;
        for (X509Certificate candidate : certificates) {
            boolean valid;
            try {
                valid = packetDigest == null ? signature.checkSignatureValue(candidate.getPublicKey())
                        : signedInfoVerifies(signature, candidate.getPublicKey());
            } catch (XMLSecurityException | IOException | RuntimeException e) {
                // a key of another type, or a reference that cannot be processed
                if (packetDigest == null && referencesWereChecked(signature)) {
                    return SignatureCheck.invalid(Failure.DIGEST_MISMATCH, candidate, certificates,
                            "Không tính lại được giá trị băm của gói tin (the packet's digest cannot be computed): "
                                    + e.getMessage());
                }
                continue;
            }
            if (valid && packetDigest != null && !digestMatches(signature, packetDigest)) {
                return SignatureCheck.invalid(Failure.DIGEST_MISMATCH, candidate, certificates, CHANGED_AFTER_SIGNING);
            }
            if (valid) {
                signer = candidate;
                break;
            }
            if (referencesWereChecked(signature)) {
                // the SignatureValue matched this key, the content did not
                return SignatureCheck.invalid(Failure.DIGEST_MISMATCH, candidate, certificates, CHANGED_AFTER_SIGNING);
            }
        }
        if (signer == null) {
            return SignatureCheck.invalid(Failure.SIGNATURE_MISMATCH, null, certificates,
                    "Giá trị chữ ký không khớp với chứng thư số trong KeyInfo (the SignatureValue does not verify with"
                            + " any certificate in KeyInfo)");
        }

        if (!trustAnchors.isEmpty()) {
            String untrusted = untrustedReason(signer, certificates);
            if (untrusted != null) {
                return SignatureCheck.invalid(Failure.UNTRUSTED, signer, certificates, untrusted);
            }
            return SignatureCheck.valid(signer, certificates,
                    "Chữ ký hợp lệ, chứng thư số được tin cậy (valid signature by a trusted certificate)");
        }
        return SignatureCheck.valid(signer, certificates,
                "Chữ ký hợp lệ về mặt toán học; chưa kiểm tra độ tin cậy của chứng thư số (valid signature;"
                        + " the certificate's trust was not checked)");
    }

    /** Exactly one Reference, URI="", enveloped-signature and c14n transforms only, accepted algorithms. */
    private SignatureCheck checkShape(XMLSignature signature) {
        try {
            SignedInfo signedInfo = signature.getSignedInfo();
            String canonicalization = signedInfo.getCanonicalizationMethodURI();
            if (!CANONICALIZATIONS.contains(canonicalization)) {
                return unsupported(Failure.UNSUPPORTED_ALGORITHM,
                        "CanonicalizationMethod không được chấp nhận (CanonicalizationMethod not accepted): "
                                + canonicalization);
            }
            String method = signedInfo.getSignatureMethodURI();
            if (!SIGNATURE_METHODS.contains(method) && !(sha1Allowed && SHA1_SIGNATURE_METHODS.contains(method))) {
                return unsupported(Failure.UNSUPPORTED_ALGORITHM,
                        "Thuật toán ký không được chấp nhận (SignatureMethod not accepted): " + method);
            }
            if (signedInfo.getLength() != 1) {
                return unsupported(Failure.UNSUPPORTED_REFERENCE,
                        "Chữ ký phải có đúng một Reference URI=\"\" (exactly one Reference with URI=\"\" is accepted,"
                                + " found " + signedInfo.getLength() + ")");
            }
            Reference reference = signedInfo.item(0);
            if (!"".equals(reference.getURI())) {
                return unsupported(Failure.UNSUPPORTED_REFERENCE,
                        "Chữ ký phải phủ toàn bộ gói tin (Reference URI=\"\"), không phải URI=\"" + reference.getURI()
                                + "\" (the signature must cover the whole packet: Reference URI=\"\")");
            }
            if (reference.getType() != null && !reference.getType().isEmpty()) {
                return unsupported(Failure.UNSUPPORTED_REFERENCE,
                        "Reference không được có Type (a typed Reference is not accepted): " + reference.getType());
            }
            String digest = reference.getMessageDigestAlgorithm().getAlgorithmURI();
            if (!DIGEST_METHODS.contains(digest)
                    && !(sha1Allowed && MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA1.equals(digest))) {
                return unsupported(Failure.UNSUPPORTED_ALGORITHM,
                        "Thuật toán băm không được chấp nhận (DigestMethod not accepted): " + digest);
            }
            Transforms transforms = reference.getTransforms();
            boolean enveloped = false;
            int count = transforms == null ? 0 : transforms.getLength();
            for (int i = 0; i < count; i++) {
                Transform transform = transforms.item(i);
                String uri = transform.getURI();
                if (Transforms.TRANSFORM_ENVELOPED_SIGNATURE.equals(uri)) {
                    enveloped = true;
                } else if (!CANONICALIZATIONS.contains(uri)) {
                    return unsupported(Failure.UNSUPPORTED_REFERENCE,
                            "Phép biến đổi không được chấp nhận; chỉ enveloped-signature và chuẩn hóa c14n"
                                    + " (transform not accepted; only enveloped-signature and c14n): " + uri);
                }
            }
            if (!enveloped) {
                return unsupported(Failure.UNSUPPORTED_REFERENCE,
                        "Thiếu phép biến đổi enveloped-signature (the enveloped-signature transform is missing)");
            }
            return null;
        } catch (XMLSecurityException | RuntimeException e) {
            return SignatureCheck.invalid(Failure.MALFORMED_SIGNATURE, null, List.of(),
                    "Khối SignedInfo không hợp lệ (malformed SignedInfo): " + e.getMessage());
        }
    }

    /**
     * The packet's digest for the shape signers use (enveloped-signature, then exclusive c14n without comments and
     * without an InclusiveNamespaces list), canonicalised in blocks by {@link ExclusiveCanonicalizer}; null for any
     * other shape or content, which Santuario's {@code checkSignatureValue} then checks whole.
     */
    private static byte[] packetDigest(Element signatureElement, XMLSignature signature) {
        try {
            Reference reference = signature.getSignedInfo().item(0);
            Transforms transforms = reference.getTransforms();
            if (transforms == null || transforms.getLength() != 2
                    || !Transforms.TRANSFORM_ENVELOPED_SIGNATURE.equals(transforms.item(0).getURI())
                    || !Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS.equals(transforms.item(1).getURI())
                    || hasChildElement(transforms.item(1).getElement())) {
                return null;
            }
            MessageDigest digest = MessageDigest.getInstance(
                    JCEMapper.translateURItoJCEID(reference.getMessageDigestAlgorithm().getAlgorithmURI()));
            DigestOutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest);
            return ExclusiveCanonicalizer.canonicalize(signatureElement.getOwnerDocument(), signatureElement, sink)
                    ? digest.digest() : null;
        } catch (XMLSecurityException | GeneralSecurityException | IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean hasChildElement(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    /** What {@code checkSignatureValue} checks before the references: the SignatureValue over SignedInfo. */
    private static boolean signedInfoVerifies(XMLSignature signature, Key key) throws XMLSecurityException,
            IOException {
        SignedInfo signedInfo = signature.getSignedInfo();
        SignatureAlgorithm algorithm = signedInfo.getSignatureAlgorithm();
        algorithm.initVerify(key);
        algorithm.update(signedInfo.getCanonicalizedOctetStream());
        return algorithm.verify(signature.getSignatureValue());
    }

    private static boolean digestMatches(XMLSignature signature, byte[] packetDigest) {
        try {
            return MessageDigest.isEqual(packetDigest, signature.getSignedInfo().item(0).getDigestValue());
        } catch (XMLSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static SignatureCheck unsupported(Failure failure, String reason) {
        return SignatureCheck.invalid(failure, null, List.of(), reason);
    }

    private static boolean referencesWereChecked(XMLSignature signature) {
        List<VerifiedReference> results = signature.getSignedInfo().getVerificationResults();
        return results != null && !results.isEmpty();
    }

    private static List<X509Certificate> certificates(KeyInfo keyInfo) throws XMLSecurityException {
        List<X509Certificate> certificates = new ArrayList<>();
        if (keyInfo == null) {
            return certificates;
        }
        for (int i = 0; i < keyInfo.lengthX509Data(); i++) {
            X509Data data = keyInfo.itemX509Data(i);
            for (int j = 0; j < data.lengthCertificate(); j++) {
                XMLX509Certificate certificate = data.itemCertificate(j);
                certificates.add(certificate.getX509Certificate());
                if (certificates.size() > MAX_CERTIFICATES) {
                    return certificates;
                }
            }
        }
        return certificates;
    }

    /** Null when the signer chains to a trust anchor at the validation time; otherwise why not. */
    private String untrustedReason(X509Certificate signer, List<X509Certificate> certificates) {
        Date at = validationTime == null ? new Date() : Date.from(validationTime);
        try {
            signer.checkValidity(at);
        } catch (CertificateExpiredException e) {
            return "Chứng thư số của người ký đã hết hạn (untrusted: the signer certificate expired on "
                    + signer.getNotAfter().toInstant() + ")";
        } catch (CertificateNotYetValidException e) {
            return "Chứng thư số của người ký chưa có hiệu lực (untrusted: the signer certificate is not valid before "
                    + signer.getNotBefore().toInstant() + ")";
        }
        if (trustAnchors.contains(signer)) {
            return null;
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate anchor : trustAnchors) {
                anchors.add(new TrustAnchor(anchor, null));
            }
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            parameters.addCertStore(CertStore.getInstance("Collection",
                    new CollectionCertStoreParameters(certificates)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return null;
        } catch (CertPathBuilderException e) {
            return "Chứng thư số của người ký không được tin cậy: không xây dựng được chuỗi tới chứng thư gốc tin cậy"
                    + " (untrusted: no certification path to a trust anchor): " + e.getMessage();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PKIX is not available", e);
        }
    }

    /** Every certificate of a PEM (several concatenated are fine) or DER file. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IOException("no certificate in " + file);
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IOException("cannot read certificates from " + file + ": " + e.getMessage(), e);
        }
    }
}
