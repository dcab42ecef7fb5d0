package vn.lienthong.trust.pdf;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CRLReason;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;

/**
 * The default {@link SignerCertificateCheck}: PKIX over fixed trust anchors and CRLs, nothing fetched.
 *
 * <ol>
 * <li>Chain: from the signer's certificate, issuers are looked up by name and signature among the anchors first,
 * then among the certificates the signature carries; no chain to an anchor: {@code UNTRUSTED}.</li>
 * <li>The chain is validated with the JDK's PKIX at {@link CertificateCheckRequest#certificateTime()} (validity
 * of every certificate at the signing time, signatures, basic constraints, critical extensions): an expired
 * certificate gives {@code EXPIRED}, a future one {@code NOT_YET_VALID}, anything else {@code UNTRUSTED}. The
 * signer's key usage, when present, must allow digitalSignature or nonRepudiation.</li>
 * <li>Revocation, for each certificate below the anchor: the newest CRL of its issuer (signature verified, not a
 * delta CRL, scope compatible). The signing time is only claimed by the signer (anyone holding a compromised key
 * can backdate it), so a certificate listed as revoked at or before the validation time is {@code REVOKED},
 * whatever signing time the signature claims. No CRL for an issuer, or one past its nextUpdate, gives
 * {@code REVOCATION_UNKNOWN} unless revocation checking was made optional.</li>
 * </ol>
 *
 * <p>Immutable and thread-safe.
 */
public final class PkixSignerCertificateCheck implements SignerCertificateCheck {

    private static final int MAX_CHAIN = 8;

    private final List<X509Certificate> anchors;
    private final List<X509CRL> crls;
    private final boolean revocationRequired;

    /** Revocation required: every certificate below an anchor must have its issuer's CRL among {@code crls}. */
    public PkixSignerCertificateCheck(Collection<X509Certificate> trustAnchors, Collection<X509CRL> crls) {
        this(trustAnchors, crls, true);
    }

    public PkixSignerCertificateCheck(Collection<X509Certificate> trustAnchors, Collection<X509CRL> crls,
            boolean revocationRequired) {
        if (trustAnchors.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor is needed");
        }
        this.anchors = List.copyOf(trustAnchors);
        this.crls = List.copyOf(crls);
        this.revocationRequired = revocationRequired;
    }

    @Override
    public CertificateCheckResult check(CertificateCheckRequest request) {
        X509Certificate signer = request.signer();
        Instant at = request.certificateTime();

        // 1. the chain, signer first, anchor excluded
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate anchor = anchors.contains(signer) ? signer : null;
        if (anchor == null) {
            path.add(signer);
            X509Certificate current = signer;
            while (anchor == null && path.size() <= MAX_CHAIN) {
                anchor = issuerAmong(current, anchors);
                if (anchor == null) {
                    X509Certificate next = issuerAmong(current, request.certificates());
                    if (next == null || path.contains(next)) {
                        break;
                    }
                    path.add(next);
                    current = next;
                }
            }
        }
        if (anchor == null) {
            X509Certificate last = path.get(path.size() - 1);
            String issuer = last.getIssuerX500Principal().getName();
            return CertificateCheckResult.failed(CertificateCheckResult.Outcome.UNTRUSTED,
                    "Không xây dựng được chuỗi chứng thực từ chứng thư số của người ký đến một tổ chức cung cấp "
                            + "dịch vụ chứng thực được tin cậy (bên cấp không được tin cậy: " + issuer + ")",
                    "No certification path from the signer's certificate to a trusted certification authority "
                            + "(untrusted issuer: " + issuer + ")");
        }

        // 2. PKIX at the signing time (revocation is checked below, against the validation time)
        if (!path.isEmpty()) {
            try {
                CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
                PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
                parameters.setRevocationEnabled(false);
                parameters.setDate(Date.from(at));
                CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            } catch (CertPathValidatorException e) {
                return pkixFailure(e, path, at);
            } catch (GeneralSecurityException e) {
                return CertificateCheckResult.failed(CertificateCheckResult.Outcome.UNTRUSTED,
                        "Không kiểm tra được chuỗi chứng thực: " + e.getMessage(),
                        "The certification path could not be validated: " + e.getMessage());
            }
        } else if (signer.getNotAfter().toInstant().isBefore(at) || signer.getNotBefore().toInstant().isAfter(at)) {
            boolean expired = signer.getNotAfter().toInstant().isBefore(at);
            return validityFailure(expired, signer, true, at);
        }
        boolean[] keyUsage = signer.getKeyUsage();
        if (keyUsage != null && !(keyUsage[0] || (keyUsage.length > 1 && keyUsage[1]))) {
            return CertificateCheckResult.failed(CertificateCheckResult.Outcome.UNTRUSTED,
                    "Chứng thư số của người ký không dùng để ký (keyUsage không có digitalSignature, nonRepudiation)",
                    "The signer's certificate is not for signing (keyUsage lacks digitalSignature and "
                            + "nonRepudiation)");
        }

        // 3. revocation of every certificate below the anchor
        for (int i = 0; i < path.size(); i++) {
            X509Certificate certificate = path.get(i);
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : anchor;
            String who = i == 0 ? "của người ký" : "của tổ chức chứng thực \"" + SignerIdentity.shortName(certificate)
                    + "\"";
            String whoEn = i == 0 ? "the signer's certificate"
                    : "the certificate of the CA \"" + SignerIdentity.shortName(certificate) + "\"";
            X509CRL crl = newestCrl(certificate, issuer);
            if (crl == null) {
                if (revocationRequired) {
                    return CertificateCheckResult.failed(CertificateCheckResult.Outcome.REVOCATION_UNKNOWN,
                            "Không có danh sách chứng thư số bị thu hồi (CRL) của \"" + SignerIdentity.shortName(issuer)
                                    + "\" để kiểm tra chứng thư số " + who,
                            "No CRL of \"" + SignerIdentity.shortName(issuer) + "\" to check " + whoEn);
                }
                continue;
            }
            if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(request.validationTime())
                    && revocationRequired) {
                return CertificateCheckResult.failed(CertificateCheckResult.Outcome.REVOCATION_UNKNOWN,
                        "Danh sách thu hồi (CRL) của \"" + SignerIdentity.shortName(issuer) + "\" đã quá hạn cập nhật ("
                                + Texts.vi(crl.getNextUpdate().toInstant()) + ")",
                        "The CRL of \"" + SignerIdentity.shortName(issuer) + "\" is out of date (nextUpdate "
                                + Texts.en(crl.getNextUpdate().toInstant()) + ")");
            }
            X509CRLEntry entry = crl.getRevokedCertificate(certificate);
            if (entry != null && entry.getRevocationReason() != CRLReason.REMOVE_FROM_CRL
                    && !entry.getRevocationDate().toInstant().isAfter(request.validationTime())) {
                Instant revoked = entry.getRevocationDate().toInstant();
                CRLReason reason = entry.getRevocationReason();
                return CertificateCheckResult.failed(CertificateCheckResult.Outcome.REVOKED,
                        "Chứng thư số " + who + " đã bị thu hồi lúc " + Texts.vi(revoked)
                                + (reason != null ? " (lý do: " + reasonVi(reason) + ")" : "")
                                + "; số hiệu " + certificate.getSerialNumber().toString(16),
                        Character.toUpperCase(whoEn.charAt(0)) + whoEn.substring(1) + " was revoked on "
                                + Texts.en(revoked) + (reason != null ? " (reason: " + reason + ")" : "")
                                + "; serial " + certificate.getSerialNumber().toString(16));
            }
        }

        List<X509Certificate> chain = new ArrayList<>(path);
        if (chain.isEmpty() || !chain.get(chain.size() - 1).equals(anchor)) {
            chain.add(anchor);
        }
        String anchorName = SignerIdentity.shortName(anchor);
        return CertificateCheckResult.ok(chain,
                "Chứng thư số hợp lệ tại thời điểm ký, chưa bị thu hồi, được chứng thực bởi \"" + anchorName + "\"",
                "The certificate was valid at the signing time, is not revoked, and chains to \"" + anchorName
                        + "\"");
    }

    private static X509Certificate issuerAmong(X509Certificate certificate, Collection<X509Certificate> candidates) {
        for (X509Certificate candidate : candidates) {
            if (candidate.equals(certificate)
                    || !candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                continue;
            }
            try {
                certificate.verify(candidate.getPublicKey());
                return candidate;
            } catch (GeneralSecurityException e) {
                // same name, another key: keep looking
            }
        }
        return null;
    }

    private static CertificateCheckResult pkixFailure(CertPathValidatorException e, List<X509Certificate> path,
            Instant at) {
        int index = e.getIndex();
        X509Certificate which = index >= 0 && index < path.size() ? path.get(index) : path.get(0);
        boolean signer = which.equals(path.get(0));
        if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
            return validityFailure(true, which, signer, at);
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return validityFailure(false, which, signer, at);
        }
        String detail = e.getReason() instanceof PKIXReason reason ? reason + ": " + e.getMessage() : e.getMessage();
        return CertificateCheckResult.failed(CertificateCheckResult.Outcome.UNTRUSTED,
                "Chuỗi chứng thực không hợp lệ (" + detail + ")",
                "The certification path is not valid (" + detail + ")");
    }

    private static CertificateCheckResult validityFailure(boolean expired, X509Certificate which, boolean signer,
            Instant at) {
        String who = signer ? "Chứng thư số của người ký" : "Chứng thư số của tổ chức chứng thực \""
                + SignerIdentity.shortName(which) + "\"";
        String whoEn = signer ? "The signer's certificate" : "The certificate of the CA \""
                + SignerIdentity.shortName(which) + "\"";
        if (expired) {
            return CertificateCheckResult.failed(CertificateCheckResult.Outcome.EXPIRED,
                    who + " hết hiệu lực lúc " + Texts.vi(which.getNotAfter().toInstant())
                            + ", trước thời điểm ký " + Texts.vi(at),
                    whoEn + " expired on " + Texts.en(which.getNotAfter().toInstant())
                            + ", before the signing time " + Texts.en(at));
        }
        return CertificateCheckResult.failed(CertificateCheckResult.Outcome.NOT_YET_VALID,
                who + " chỉ có hiệu lực từ " + Texts.vi(which.getNotBefore().toInstant())
                        + ", sau thời điểm ký " + Texts.vi(at),
                whoEn + " is valid only from " + Texts.en(which.getNotBefore().toInstant())
                        + ", after the signing time " + Texts.en(at));
    }

    /** The newest CRL issued (and signed) by {@code issuer} whose scope includes {@code certificate}. */
    private X509CRL newestCrl(X509Certificate certificate, X509Certificate issuer) {
        X509CRL newest = null;
        for (X509CRL crl : crls) {
            if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
                    || crl.getExtensionValue(Extension.deltaCRLIndicator.getId()) != null
                    || !inScope(crl, certificate)) {
                continue;
            }
            try {
                crl.verify(issuer.getPublicKey());
            } catch (GeneralSecurityException e) {
                continue;
            }
            if (newest == null || crl.getThisUpdate().after(newest.getThisUpdate())) {
                newest = crl;
            }
        }
        return newest;
    }

    private static boolean inScope(X509CRL crl, X509Certificate certificate) {
        byte[] idpValue = crl.getExtensionValue(Extension.issuingDistributionPoint.getId());
        if (idpValue == null) {
            return true;
        }
        try {
            IssuingDistributionPoint idp = IssuingDistributionPoint.getInstance(
                    ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(idpValue).getOctets()));
            boolean ca = certificate.getBasicConstraints() >= 0;
            if (idp.isIndirectCRL() || idp.getOnlySomeReasons() != null || idp.onlyContainsAttributeCerts()
                    || (idp.onlyContainsUserCerts() && ca) || (idp.onlyContainsCACerts() && !ca)) {
                return false;
            }
            DistributionPointName name = idp.getDistributionPoint();
            if (name == null) {
                return true;
            }
            byte[] cdpValue = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
            if (cdpValue == null) {
                return false;
            }
            CRLDistPoint cdp = CRLDistPoint.getInstance(
                    ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(cdpValue).getOctets()));
            for (DistributionPoint point : cdp.getDistributionPoints()) {
                if (name.equals(point.getDistributionPoint())) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String reasonVi(CRLReason reason) {
        return switch (reason) {
            case KEY_COMPROMISE -> "lộ khóa bí mật";
            case CA_COMPROMISE -> "lộ khóa của tổ chức chứng thực";
            case AFFILIATION_CHANGED -> "thay đổi thông tin";
            case SUPERSEDED -> "được thay thế";
            case CESSATION_OF_OPERATION -> "ngừng sử dụng";
            case CERTIFICATE_HOLD -> "tạm dừng";
            case PRIVILEGE_WITHDRAWN -> "bị rút quyền";
            case AA_COMPROMISE -> "lộ khóa của tổ chức cấp thuộc tính";
            default -> "không nêu";
        };
    }
}
