package vn.lienthong.trust.pdf;

import java.util.Objects;

import vn.lienthong.trust.certificates.CertificateCheck;
import vn.lienthong.trust.certificates.CertificateValidator;

/**
 * The {@link SignerCertificateCheck} of the gateway: a PDF's signer is judged by the same
 * {@link CertificateValidator} as a packet's signer (chain, validity, key usage, revocation), at the
 * request's {@link CertificateCheckRequest#certificateTime()}, without a sender binding (any agency may sign
 * an attachment). A certificate the validator accepts without a revocation answer (policy ALLOW) is
 * {@code REVOCATION_UNKNOWN} here, never valid. Thread-safe, as the validator is.
 */
public final class CertificateValidatorSignerCheck implements SignerCertificateCheck {

    private final CertificateValidator validator;

    public CertificateValidatorSignerCheck(CertificateValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    @Override
    public CertificateCheckResult check(CertificateCheckRequest request) {
        CertificateCheck check = validator.validate(request.signer(), request.certificates(), null,
                request.certificateTime());
        if (check.isOk() && check.revocation() == CertificateCheck.Revocation.UNKNOWN) {
            // accepted by a policy ALLOW without a CRL or OCSP answer: never shown as valid
            return CertificateCheckResult.failed(CertificateCheckResult.Outcome.REVOCATION_UNKNOWN,
                    "Không có câu trả lời về tình trạng thu hồi của chứng thư số (CRL, OCSP): " + check.reasonVi(),
                    "No revocation answer (CRL, OCSP) for the certificate: " + check.reasonEn());
        }
        if (check.isOk()) {
            return CertificateCheckResult.ok(check.path(), check.reasonVi(), check.reasonEn());
        }
        CertificateCheckResult.Outcome outcome = switch (check.code()) {
            case REVOKED -> CertificateCheckResult.Outcome.REVOKED;
            case EXPIRED -> CertificateCheckResult.Outcome.EXPIRED;
            case NOT_YET_VALID -> CertificateCheckResult.Outcome.NOT_YET_VALID;
            case REVOCATION_UNKNOWN -> CertificateCheckResult.Outcome.REVOCATION_UNKNOWN;
            default -> CertificateCheckResult.Outcome.UNTRUSTED;
        };
        return CertificateCheckResult.failed(outcome, check.reasonVi(), check.reasonEn());
    }
}
