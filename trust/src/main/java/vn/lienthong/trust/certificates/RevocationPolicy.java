package vn.lienthong.trust.certificates;

/** What to do when no revocation answer (CRL or OCSP) can be had for a certificate. */
public enum RevocationPolicy {
    /** Refuse the certificate with {@link CertificateCheck.Code#REVOCATION_UNKNOWN}. The default. */
    REFUSE,
    /** Accept it and record {@link CertificateCheck.Revocation#UNKNOWN} in the result. */
    ALLOW
}
