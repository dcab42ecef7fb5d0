package vn.lienthong.trust.pdf;

/**
 * Decides whether the certificate a PDF signature verifies with is acceptable: a chain to a trusted root, not
 * revoked, valid at the signing time, fit for signing. {@link PdfSignatureVerifier} has already checked the
 * signature's integrity when it asks.
 *
 * <p>{@link PkixSignerCertificateCheck} is the default (PKIX over given trust anchors and CRLs); any validator
 * that answers in these terms (chain, CRL, OCSP, binding of a certificate to an agency) can replace it.
 * Implementations must be thread-safe and must not throw for a bad certificate: they answer with the reason.
 */
@FunctionalInterface
public interface SignerCertificateCheck {

    CertificateCheckResult check(CertificateCheckRequest request);
}
