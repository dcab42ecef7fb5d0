package vn.lienthong.trust.evidence;

import java.util.Objects;

/**
 * An evidence record with its signature.
 *
 * @param record        what was attested
 * @param cms           the DER CMS SignedData encapsulating {@link EvidenceRecord#canonicalJson()}: the proof, on
 *                      its own verifiable with {@code openssl cms -verify -binary -inform DER}
 * @param recordSha256  SHA-256 (JDK) of the record's canonical JSON, 64 lower-case hex: a key to store it under,
 *                      or a field of the tamper-evident log
 */
public record SignedEvidence(EvidenceRecord record, byte[] cms, String recordSha256) {

    public SignedEvidence {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(cms, "cms");
        Objects.requireNonNull(recordSha256, "recordSha256");
    }
}
