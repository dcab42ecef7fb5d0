/**
 * Signed evidence: for every accepted submission, delivery, acknowledgement and status the gateway issues a small
 * {@link vn.lienthong.trust.evidence.EvidenceRecord} (canonical JSON, sorted keys, UTF-8) signed by its key as a CMS
 * SignedData with the content encapsulated ({@link vn.lienthong.trust.evidence.EvidenceSigner}; ECDSA P-256 or RSA,
 * through Bouncy Castle; SHA-256 from the JDK). Each proof verifies on its own with
 * {@code openssl cms -verify -binary -inform DER -in ev.p7s -CAfile ca.pem -out record.json}, or with
 * {@link vn.lienthong.trust.evidence.EvidenceVerifier}. {@link vn.lienthong.trust.evidence.EvidenceQueue} signs off
 * the submitter's path and hands signed batches to an {@link vn.lienthong.trust.evidence.EvidenceSink}.
 *
 * <p>{@link vn.lienthong.trust.evidence.CmsSigner}, {@link vn.lienthong.trust.evidence.CmsVerifier} and
 * {@link vn.lienthong.trust.evidence.CanonicalJson} are shared with the tamper-evident log
 * ({@code vn.lienthong.trust.chain}).
 */
package vn.lienthong.trust.evidence;
