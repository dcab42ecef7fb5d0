package vn.lienthong.trust.evidence;

import java.security.cert.X509Certificate;
import java.util.Collection;

/**
 * Checks a signed evidence record: the CMS signature (see {@link CmsVerifier}), that the signer is one of the
 * gateway's certificates (current and past) and chains to the trust anchors, and that the content is an evidence
 * record in canonical form. Thread-safe.
 */
public final class EvidenceVerifier {

    private final CmsVerifier cms;

    /**
     * @param trustAnchors        CA certificates the gateway's certificate chains to; may be empty
     * @param gatewayCertificates the gateway's signing certificates, current and past; required
     */
    public EvidenceVerifier(Collection<X509Certificate> trustAnchors,
            Collection<X509Certificate> gatewayCertificates) {
        if (gatewayCertificates == null || gatewayCertificates.isEmpty()) {
            throw new IllegalArgumentException("the gateway's certificates are required: evidence signed by any"
                    + " other holder of a certificate from the same CA must not pass");
        }
        this.cms = new CmsVerifier(trustAnchors, gatewayCertificates);
    }

    public EvidenceCheck verify(byte[] signedEvidence) {
        CmsCheck check = cms.verify(signedEvidence);
        if (!check.valid()) {
            return new EvidenceCheck(false, null, check.signer(), check.signingTime(), check.reasonVi(),
                    check.reasonEn());
        }
        try {
            EvidenceRecord record = EvidenceRecord.fromCanonicalJson(check.content());
            return new EvidenceCheck(true, record, check.signer(), check.signingTime(),
                    "Bằng chứng hợp lệ, do cổng liên thông ký",
                    "valid evidence signed by " + check.signer().getSubjectX500Principal().getName());
        } catch (IllegalArgumentException e) {
            return new EvidenceCheck(false, null, check.signer(), check.signingTime(),
                    "Nội dung được ký không phải là bản ghi bằng chứng hợp lệ",
                    "the signed content is not an evidence record: " + e.getMessage());
        }
    }
}
