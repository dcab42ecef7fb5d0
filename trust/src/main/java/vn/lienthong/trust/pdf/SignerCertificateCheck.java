package vn.lienthong.trust.pdf;

/**
 * Decides whether the certificate a PDF signature verifies with is acceptable: a chain to a trusted root, not
 * revoked, valid at the signing time, fit for signing. {@link PdfSignatureVerifier} has already checked the
 * signature's integrity when it asks.
 *
 * <p>{@link CertificateValidatorSignerCheck} is the one the gateway uses (the packet signer's rules: chain, CRL,
 * OCSP); any validator that answers in these terms can replace it.
 * Implementations must be thread-safe and must not throw for a bad certificate: they answer with the reason.
 */
@FunctionalInterface
public interface SignerCertificateCheck {

    CertificateCheckResult check(CertificateCheckRequest request);
}
