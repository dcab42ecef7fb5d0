package vn.lienthong.trust.evidence;

import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/**
 * Signs evidence records with the gateway's key: CMS SignedData, content (the record's canonical JSON) encapsulated,
 * ECDSA P-256/SHA-256 by default (the gateway's {@code gateway} key), SHA256withRSA when given an RSA key; the
 * signer certificate and its CA certificates embedded. See {@link CmsSigner}. Thread-safe.
 *
 * <p>Each record is signed on its own, so that each proof stands alone before {@code openssl cms -verify}. To keep
 * signing off a submitter's path, hand records to an {@link EvidenceQueue}.
 */
public final class EvidenceSigner {

    private static final HexFormat HEX = HexFormat.of();

    private final CmsSigner cms;

    public EvidenceSigner(PrivateKey key, List<X509Certificate> chain) {
        this(new CmsSigner(key, chain));
    }

    public EvidenceSigner(CmsSigner cms) {
        this.cms = cms;
    }

    /** A signer from the key entry {@code alias} of a key store (e.g. the gateway's PKCS#12). */
    public static EvidenceSigner fromKeyStore(KeyStore keyStore, String alias, char[] password) {
        return new EvidenceSigner(CmsSigner.fromKeyStore(keyStore, alias, password));
    }

    /** The DER CMS SignedData of the record. */
    public byte[] sign(EvidenceRecord record) {
        return cms.sign(record.canonicalJson());
    }

    /** The record, its signature, and the SHA-256 of its canonical JSON. */
    public SignedEvidence signEvidence(EvidenceRecord record) {
        byte[] json = record.canonicalJson();
        return new SignedEvidence(record, cms.sign(json), sha256Hex(json));
    }

    /** The certificate evidence is signed with. */
    public X509Certificate certificate() {
        return cms.certificate();
    }

    /** {@code SHA256withECDSA} or {@code SHA256withRSA}. */
    public String signatureAlgorithm() {
        return cms.signatureAlgorithm();
    }

    /** SHA-256 with the JDK provider, 64 lower-case hex. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
