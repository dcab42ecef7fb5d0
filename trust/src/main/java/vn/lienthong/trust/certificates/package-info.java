/**
 * Whether a signer's certificate may stand for the sender: {@link vn.lienthong.trust.certificates.CertificateValidator}
 * checks the validity period, a PKIX chain to the configured trust anchors, the key usage, the binding to the agency in
 * {@code From} (organizationIdentifier 2.5.4.97 or a registered SHA-256 fingerprint) and revocation (local CRL files,
 * CRLs fetched from the certificate's distribution points and cached until their nextUpdate, OCSP when its AIA names a
 * responder), and answers with a {@link vn.lienthong.trust.certificates.CertificateCheck}: OK or one code of
 * UNTRUSTED, REVOKED, EXPIRED, NOT_YET_VALID, NOT_SENDERS, BAD_KEY_USAGE, REVOCATION_UNKNOWN, with a reason in
 * Vietnamese and English.
 *
 * <p>The signature's maths are not checked here (the XML-DSig and PDF verifiers do that); this package decides about
 * the certificate only. Plain Java with Bouncy Castle and the JDK: no container, no database.
 */
package vn.lienthong.trust.certificates;
