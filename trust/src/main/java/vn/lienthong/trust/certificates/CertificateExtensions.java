package vn.lienthong.trust.certificates;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** Reads the revocation pointers of a certificate: CRL distribution points and OCSP responders (AIA). */
final class CertificateExtensions {

    private CertificateExtensions() {
    }

    /** The URIs of the full-name CRL distribution points (every scheme; callers keep the http ones). */
    static List<URI> crlDistributionPoints(X509Certificate certificate) {
        List<URI> uris = new ArrayList<>();
        ASN1Primitive value = extension(certificate, Extension.cRLDistributionPoints.getId());
        if (value == null) {
            return uris;
        }
        try {
            for (DistributionPoint point : CRLDistPoint.getInstance(value).getDistributionPoints()) {
                // a DP with cRLIssuer names an indirect CRL, which this validator does not use
                if (point.getCRLIssuer() != null || point.getDistributionPoint() == null
                        || point.getDistributionPoint().getType() != DistributionPointName.FULL_NAME) {
                    continue;
                }
                uris.addAll(uris(GeneralNames.getInstance(point.getDistributionPoint().getName())));
            }
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return uris;
    }

    /** The URIs of the OCSP responders named in the Authority Information Access extension. */
    static List<URI> ocspResponders(X509Certificate certificate) {
        List<URI> uris = new ArrayList<>();
        ASN1Primitive value = extension(certificate, Extension.authorityInfoAccess.getId());
        if (value == null) {
            return uris;
        }
        try {
            for (AccessDescription description : AuthorityInformationAccess.getInstance(value)
                    .getAccessDescriptions()) {
                if (AccessDescription.id_ad_ocsp.equals(description.getAccessMethod())) {
                    uris.addAll(uris(new GeneralNames(description.getAccessLocation())));
                }
            }
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return uris;
    }

    static List<URI> uris(GeneralNames names) {
        List<URI> uris = new ArrayList<>();
        for (GeneralName name : names.getNames()) {
            if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
                try {
                    uris.add(new URI(ASN1IA5String.getInstance(name.getName()).getString().strip()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // an unusable URI is simply not a source
                }
            }
        }
        return uris;
    }

    private static ASN1Primitive extension(X509Certificate certificate, String oid) {
        byte[] value = certificate.getExtensionValue(oid);
        if (value == null) {
            return null;
        }
        try {
            return JcaX509ExtensionUtils.parseExtensionValue(value);
        } catch (IOException e) {
            return null;
        }
    }
}
