package vn.lienthong.trust.chain;

import java.util.Objects;

/**
 * The first place where the log is not what it claims to be.
 *
 * @param position  0-based index of the offending record in the walked sequence (for {@link Kind#TRUNCATED}: the
 *                  number of records walked)
 * @param sequence  the sequence number the offending record carries (for {@link Kind#TRUNCATED}: the first missing
 *                  one)
 * @param kind      what is wrong
 * @param reasonVi  a sentence for operators, in Vietnamese
 * @param reasonEn  the same in English
 */
public record ChainBreak(long position, long sequence, Kind kind, String reasonVi, String reasonEn) {

    /** What is wrong with the record named. */
    public enum Kind {
        /** The record's contents no longer give its stored hash: a field, its sequence or previousHash changed. */
        HASH_MISMATCH,
        /** Its sequence is not the one after the record before: records removed, inserted or reordered. */
        SEQUENCE_MISMATCH,
        /** Its previousHash is not the hash of the record before: the record before was replaced or removed. */
        LINK_MISMATCH,
        /** It carries the signed head's sequence number but not the signed head's hash: the log was rewritten. */
        HEAD_MISMATCH,
        /** The log ends before the signed head's sequence number: records at the end were removed. */
        TRUNCATED
    }

    public ChainBreak {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reasonVi, "reasonVi");
        Objects.requireNonNull(reasonEn, "reasonEn");
    }

    /** Vietnamese first, then the English in parentheses. */
    public String reason() {
        return reasonVi + " (" + reasonEn + ")";
    }
}
