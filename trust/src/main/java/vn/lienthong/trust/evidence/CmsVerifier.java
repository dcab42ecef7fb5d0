package vn.lienthong.trust.evidence;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Verifies what {@link CmsSigner} produces: a DER or BER CMS SignedData with encapsulated {@code id-data} content,
 * exactly one SignerInfo with signed attributes, whose signature and message digest verify with the embedded signer
 * certificate, which must be valid at the signing time and accepted: one of the pinned signer certificates when
 * some are given (the gateway's own, current and past: any agency could otherwise sign "evidence" with its own
 * certificate from the same CA), and chaining to a trust anchor (PKIX at the signing time) when anchors are given.
 * Thread-safe.
 */
public final class CmsVerifier {

    private final Set<TrustAnchor> anchors;
    private final Set<X509Certificate> acceptedSigners;
    private final Clock clock;

    /**
     * @param trustAnchors    CA certificates the signer must chain to; may be empty when signers are pinned
     * @param acceptedSigners the only signer certificates accepted; may be empty when anchors are given
     */
    public CmsVerifier(Collection<X509Certificate> trustAnchors, Collection<X509Certificate> acceptedSigners) {
        this(trustAnchors, acceptedSigners, Clock.systemUTC());
    }

    public CmsVerifier(Collection<X509Certificate> trustAnchors, Collection<X509Certificate> acceptedSigners,
            Clock clock) {
        Set<TrustAnchor> set = new LinkedHashSet<>();
        for (X509Certificate anchor : trustAnchors == null ? List.<X509Certificate>of() : trustAnchors) {
            set.add(new TrustAnchor(anchor, null));
        }
        this.anchors = Set.copyOf(set);
        this.acceptedSigners = acceptedSigners == null ? Set.of() : Set.copyOf(acceptedSigners);
        if (anchors.isEmpty() && this.acceptedSigners.isEmpty()) {
            throw new IllegalArgumentException("give trust anchors, accepted signer certificates, or both");
        }
        this.clock = clock;
    }

    /** Verifies a signed object; never throws for bad input, the result says what is wrong. */
    public CmsCheck verify(byte[] cms) {
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(cms);
        } catch (CMSException | RuntimeException e) {
            return CmsCheck.invalid(null, null, null, "Không đọc được dữ liệu ký số CMS",
                    "not a CMS SignedData: " + e.getMessage());
        }
        if (signed.getSignedContent() == null || !(signed.getSignedContent().getContent() instanceof byte[] content)) {
            return CmsCheck.invalid(null, null, null, "Chữ ký không chứa nội dung được ký",
                    "the content is not encapsulated (detached signature)");
        }
        if (!CMSObjectIdentifiers.data.getId().equals(signed.getSignedContentTypeOID())) {
            return CmsCheck.invalid(content, null, null, "Kiểu nội dung được ký không hợp lệ",
                    "unexpected content type " + signed.getSignedContentTypeOID());
        }
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            return CmsCheck.invalid(content, null, null, "Dữ liệu phải có đúng một chữ ký",
                    signers.size() + " signers, exactly one expected");
        }
        SignerInformation signer = signers.iterator().next();
        if (signer.getSignedAttributes() == null) {
            return CmsCheck.invalid(content, null, null, "Chữ ký thiếu các thuộc tính được ký",
                    "the SignerInfo has no signed attributes");
        }
        Instant signingTime = signingTime(signer);
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
        if (matches.isEmpty()) {
            return CmsCheck.invalid(content, null, signingTime, "Không tìm thấy chứng thư số của người ký",
                    "the signer's certificate is not embedded");
        }
        X509CertificateHolder holder = matches.iterator().next();
        X509Certificate certificate;
        try {
            certificate = new JcaX509CertificateConverter().getCertificate(holder);
        } catch (GeneralSecurityException e) {
            return CmsCheck.invalid(content, null, signingTime, "Chứng thư số của người ký không đọc được",
                    "the signer's certificate is unreadable: " + e.getMessage());
        }
        try {
            if (!signer.verify(new JcaSignerInfoVerifierBuilder(CmsSigner.JDK_DIGESTS).setProvider(CmsSigner.BC)
                    .build(holder))) {
                return CmsCheck.invalid(content, certificate, signingTime,
                        "Chữ ký số không hợp lệ: nội dung đã bị thay đổi hoặc chữ ký sai",
                        "the signature does not verify: the content changed or the signature is wrong");
            }
        } catch (CMSVerifierCertificateNotValidException e) {
            return CmsCheck.invalid(content, certificate, signingTime,
                    "Chứng thư số của người ký không còn hiệu lực tại thời điểm ký",
                    "the signer's certificate was not valid at the signing time");
        } catch (CMSException | OperatorCreationException | GeneralSecurityException | RuntimeException e) {
            return CmsCheck.invalid(content, certificate, signingTime,
                    "Chữ ký số không hợp lệ: nội dung đã bị thay đổi hoặc chữ ký sai",
                    "the signature does not verify: " + e.getMessage());
        }
        if (!acceptedSigners.isEmpty() && !acceptedSigners.contains(certificate)) {
            return CmsCheck.invalid(content, certificate, signingTime,
                    "Người ký không phải là cổng liên thông",
                    "the signer is not an accepted signer: " + certificate.getSubjectX500Principal().getName());
        }
        if (!anchors.isEmpty()) {
            String problem = pathProblem(certificate, signed, signingTime == null ? clock.instant() : signingTime);
            if (problem != null) {
                return CmsCheck.invalid(content, certificate, signingTime,
                        "Chứng thư số của người ký không được tin cậy", "the signer does not chain to a trust anchor: "
                                + problem);
            }
        }
        return new CmsCheck(true, content, certificate, signingTime, "Chữ ký số hợp lệ",
                "the signature is valid, signed by " + certificate.getSubjectX500Principal().getName());
    }

    private String pathProblem(X509Certificate certificate, CMSSignedData signed, Instant at) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            List<X509Certificate> pool = new ArrayList<>();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> all = signed.getCertificates().getMatches(null);
            for (X509CertificateHolder embedded : all) {
                pool.add(converter.getCertificate(embedded));
            }
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return null;
        } catch (GeneralSecurityException e) {
            return e.getMessage();
        }
    }

    private static Instant signingTime(SignerInformation signer) {
        Attribute attribute = signer.getSignedAttributes().get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return null;
        }
        try {
            return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
