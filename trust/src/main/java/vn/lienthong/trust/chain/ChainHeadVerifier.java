package vn.lienthong.trust.chain;

import java.security.cert.X509Certificate;
import java.util.Collection;

import vn.lienthong.trust.evidence.CmsCheck;
import vn.lienthong.trust.evidence.CmsVerifier;

/** Checks a signed chain head: the gateway's CMS signature (pinned certificates) and the content. Thread-safe. */
public final class ChainHeadVerifier {

    private final CmsVerifier cms;

    /**
     * @param trustAnchors        CA certificates the gateway's certificate chains to; may be empty
     * @param gatewayCertificates the gateway's signing certificates, current and past; required
     */
    public ChainHeadVerifier(Collection<X509Certificate> trustAnchors,
            Collection<X509Certificate> gatewayCertificates) {
        if (gatewayCertificates == null || gatewayCertificates.isEmpty()) {
            throw new IllegalArgumentException("the gateway's certificates are required");
        }
        this.cms = new CmsVerifier(trustAnchors, gatewayCertificates);
    }

    public ChainHeadCheck verify(byte[] signedHead) {
        CmsCheck check = cms.verify(signedHead);
        if (!check.valid()) {
            return new ChainHeadCheck(false, null, check.signer(), check.reasonVi(), check.reasonEn());
        }
        try {
            ChainHead head = ChainHead.fromCanonicalJson(check.content());
            return new ChainHeadCheck(true, head, check.signer(), "Đầu chuỗi nhật ký đã ký hợp lệ",
                    "valid signed head of log " + head.log() + " at record " + head.sequence());
        } catch (IllegalArgumentException e) {
            return new ChainHeadCheck(false, null, check.signer(),
                    "Nội dung được ký không phải là đầu chuỗi nhật ký",
                    "the signed content is not a chain head: " + e.getMessage());
        }
    }
}
