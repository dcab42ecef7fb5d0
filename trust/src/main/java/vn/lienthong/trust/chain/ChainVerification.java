package vn.lienthong.trust.chain;

/**
 * The result of walking the log.
 *
 * @param intact          true when every record walked is in place (and the signed head, when given, matches)
 * @param recordsChecked  how many records were walked up to and including the first broken one
 * @param last            the last good position reached (the start position when the first record is broken)
 * @param firstBreak      the first broken record; null when intact
 */
public record ChainVerification(boolean intact, long recordsChecked, ChainPosition last, ChainBreak firstBreak) {

    public ChainVerification {
        if (intact != (firstBreak == null)) {
            throw new IllegalArgumentException("a break exactly when not intact");
        }
    }

    @Override
    public String toString() {
        return intact ? "intact: " + recordsChecked + " records, last " + last
                : "broken at position " + firstBreak.position() + " (sequence " + firstBreak.sequence() + ", "
                        + firstBreak.kind() + "): " + firstBreak.reasonEn();
    }
}
