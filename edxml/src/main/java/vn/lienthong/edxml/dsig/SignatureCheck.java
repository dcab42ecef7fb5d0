package vn.lienthong.edxml.dsig;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What {@link EdxmlSignatureVerifier} found in a packet.
 *
 * @param status       UNSIGNED, VALID or INVALID
 * @param failure      why it is INVALID ({@link Failure#NONE} otherwise)
 * @param signer       the certificate whose key verifies the signature; null when UNSIGNED, when there is no
 *                     certificate, or when no certificate in KeyInfo matches the signature value
 * @param certificates every certificate the signature's KeyInfo carries (the signer and any chain), in order
 * @param reason       a sentence for people: Vietnamese first, then English in parentheses
 */
public record SignatureCheck(Status status, Failure failure, X509Certificate signer,
        List<X509Certificate> certificates, String reason) {

    /** The outcome. */
    public enum Status {
        /** No XML-DSig signature (the SDK's dummy {@code Signature} without the XML-DSig namespace counts as none). */
        UNSIGNED,
        /** The signature's maths hold over the whole packet (and, when trust anchors were given, the signer chains). */
        VALID,
        /** An XML-DSig signature is there but cannot be accepted: see {@link Failure}. */
        INVALID
    }

    /** Why a signature is INVALID: stable codes for the gateway's error table. */
    public enum Failure {
        NONE,
        /** More than one XML-DSig {@code Signature} element in the packet. */
        MULTIPLE_SIGNATURES,
        /** The Signature element is broken, or Santuario's secure validation refuses it. */
        MALFORMED_SIGNATURE,
        /** Not exactly one Reference with URI="", or a transform other than enveloped-signature and c14n. */
        UNSUPPORTED_REFERENCE,
        /** A signature or digest algorithm this verifier does not accept (SHA-1 unless allowed, MD5, HMAC, ...). */
        UNSUPPORTED_ALGORITHM,
        /** KeyInfo carries no X509Certificate. */
        NO_CERTIFICATE,
        /** No certificate in KeyInfo verifies the SignatureValue. */
        SIGNATURE_MISMATCH,
        /** The SignatureValue verifies but the packet's digest does not: the packet changed after signing. */
        DIGEST_MISMATCH,
        /** Trust anchors were given and the signer does not chain to them at the validation time. */
        UNTRUSTED
    }

    public SignatureCheck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(reason, "reason");
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        if ((status == Status.INVALID) == (failure == Failure.NONE)) {
            throw new IllegalArgumentException("an INVALID result needs a failure, and only an INVALID one");
        }
    }

    static SignatureCheck unsigned(String reason) {
        return new SignatureCheck(Status.UNSIGNED, Failure.NONE, null, List.of(), reason);
    }

    static SignatureCheck valid(X509Certificate signer, List<X509Certificate> certificates, String reason) {
        return new SignatureCheck(Status.VALID, Failure.NONE, signer, certificates, reason);
    }

    static SignatureCheck invalid(Failure failure, X509Certificate signer, List<X509Certificate> certificates,
            String reason) {
        return new SignatureCheck(Status.INVALID, failure, signer, certificates, reason);
    }

    public boolean isValid() {
        return status == Status.VALID;
    }

    public boolean isSigned() {
        return status != Status.UNSIGNED;
    }

    @Override
    public String toString() {
        return status + (failure == Failure.NONE ? "" : "/" + failure)
                + (signer == null ? "" : " signer=" + signer.getSubjectX500Principal().getName()) + ": " + reason;
    }
}
