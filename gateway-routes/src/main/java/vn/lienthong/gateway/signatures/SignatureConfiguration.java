package vn.lienthong.gateway.signatures;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.gateway.payload.PayloadStore;
import vn.lienthong.trust.certificates.CertificateCheck;
import vn.lienthong.trust.certificates.CertificateValidator;
import vn.lienthong.trust.pdf.AttachmentSignatureInspector;
import vn.lienthong.trust.pdf.CertificateCheckResult;
import vn.lienthong.trust.pdf.PdfSignatureVerifier;
import vn.lienthong.trust.pdf.SignerCertificateCheck;
import vn.lienthong.trust.zip.SafeUnzip;

/** PDF signatures are checked with the same certificate rules as packet signatures. */
@Configuration
public class SignatureConfiguration {

    @Bean
    PdfSignatureInspection pdfSignatureInspection(CertificateValidator certificates, PayloadStore payloads)
            throws IOException {
        PdfSignatureVerifier verifier = new PdfSignatureVerifier(signerCheck(certificates), java.time.Clock.systemUTC(),
                payloads.scratchDir());
        return new PdfSignatureInspection(new AttachmentSignatureInspector(verifier, new SafeUnzip(), payloads.scratchDir()));
    }

    /** The gateway's certificate validator behind the PDF verifier's check (no sender binding: any signer). */
    static SignerCertificateCheck signerCheck(CertificateValidator certificates) {
        return request -> {
            CertificateCheck check = certificates.validate(request.signer(), request.certificates(), null,
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
        };
    }
}
