package vn.lienthong.trust.chain;

import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Walks the log in sequence order and names the first broken record. Streaming: it keeps only the position
 * reached, so a JDBC cursor can feed millions of rows ({@link #accept} per row, then {@link #finish}), or use
 * {@link #verify(Iterable, ChainPosition, ChainHead)} on any {@code Iterable} or {@code Stream}.
 *
 * <p>For each record: its stored hash must be the hash of its contents ({@link ChainBreak.Kind#HASH_MISMATCH}), its
 * sequence the one after the previous record's ({@link ChainBreak.Kind#SEQUENCE_MISMATCH}), its previousHash the
 * previous record's hash ({@link ChainBreak.Kind#LINK_MISMATCH}). A verified signed head pins the log: the record
 * with the head's sequence must have the head's hash ({@link ChainBreak.Kind#HEAD_MISMATCH}) and the walk must reach
 * it ({@link ChainBreak.Kind#TRUNCATED}); without a head, a log rewritten from some record to its end, or cut at
 * its end, is consistent in itself and cannot be told from the real one.
 *
 * <p>Not thread-safe: one verifier per walk.
 */
public final class ChainVerifier {

    private final ChainHead head;
    private ChainPosition last;
    private long walked;
    private ChainBreak firstBreak;
    private boolean headSeen;

    /** Walks from the start of the log, without a signed head. */
    public ChainVerifier() {
        this(ChainPosition.GENESIS, null);
    }

    /**
     * @param start where the walk begins: {@link ChainPosition#GENESIS}, or a position already verified (e.g. the
     *              head of an earlier audit) to check only what came after
     * @param head  a signed head already verified with {@link ChainHeadVerifier}; null for none
     */
    public ChainVerifier(ChainPosition start, ChainHead head) {
        this.last = Objects.requireNonNull(start, "start");
        this.head = head;
        this.headSeen = head == null || head.sequence() <= start.sequence();
        if (head != null && head.sequence() == start.sequence() && !head.hash().equals(start.hash())) {
            broken(0, start.sequence(), ChainBreak.Kind.HEAD_MISMATCH,
                    "Điểm bắt đầu kiểm tra không khớp với đầu chuỗi đã ký",
                    "the start position " + start + " does not have the signed head's hash");
        }
    }

    /** The whole log from its start. */
    public static ChainVerification verify(Iterable<ChainRecord> records) {
        return verify(records, ChainPosition.GENESIS, null);
    }

    /** The whole log from its start, pinned by a signed head. */
    public static ChainVerification verify(Iterable<ChainRecord> records, ChainHead head) {
        return verify(records, ChainPosition.GENESIS, head);
    }

    public static ChainVerification verify(Iterable<ChainRecord> records, ChainPosition start, ChainHead head) {
        ChainVerifier verifier = new ChainVerifier(start, head);
        Iterator<ChainRecord> iterator = records.iterator();
        while (iterator.hasNext() && verifier.accept(iterator.next())) {
            // walk until the first break
        }
        return verifier.finish();
    }

    public static ChainVerification verify(Stream<ChainRecord> records, ChainPosition start, ChainHead head) {
        return verify(records::iterator, start, head);
    }

    /**
     * Checks the next record.
     *
     * @return true to go on; false once a break was found (further records are not looked at)
     */
    public boolean accept(ChainRecord record) {
        if (firstBreak != null) {
            return false;
        }
        long position = walked++;
        String computed;
        try {
            computed = record.computeHash();
        } catch (IllegalArgumentException e) {
            computed = null;
        }
        long expected = last.sequence() + 1;
        if (!record.hash().equals(computed)) {
            return broken(position, record.sequence(), ChainBreak.Kind.HASH_MISMATCH,
                    "Bản ghi số " + record.sequence() + " đã bị sửa: nội dung không còn khớp với giá trị băm đã lưu",
                    "record " + record.sequence() + " was altered: its contents no longer give its stored hash");
        }
        if (record.sequence() != expected) {
            String missing = record.sequence() - 1 > expected
                    ? "records " + expected + ".." + (record.sequence() - 1) : "record " + expected;
            String en = record.sequence() > expected
                    ? "record " + record.sequence() + " follows " + (last.sequence() == 0 ? "the start of the log"
                            : "record " + last.sequence()) + ": " + missing + " missing (deleted?)"
                    : "record " + record.sequence() + " where record " + expected
                            + " was expected: records reordered or repeated";
            String vi = record.sequence() > expected
                    ? "Bản ghi số " + record.sequence() + " đứng sau " + (last.sequence() == 0 ? "đầu nhật ký"
                            : "bản ghi số " + last.sequence()) + ": thiếu bản ghi số " + (record.sequence() - 1 > expected
                            ? expected + " đến " + (record.sequence() - 1) : String.valueOf(expected))
                            + " (đã bị xóa?)"
                    : "Bản ghi số " + record.sequence() + " nằm ở vị trí của bản ghi số " + expected
                            + ": thứ tự bản ghi bị đảo hoặc lặp";
            return broken(position, record.sequence(), ChainBreak.Kind.SEQUENCE_MISMATCH, vi, en);
        }
        if (!record.previousHash().equals(last.hash())) {
            return broken(position, record.sequence(), ChainBreak.Kind.LINK_MISMATCH,
                    "Bản ghi số " + record.sequence() + " không nối tiếp bản ghi trước: bản ghi trước đã bị thay"
                            + " thế, xóa hoặc chèn",
                    "record " + record.sequence() + " does not link to the record before it (previousHash differs):"
                            + " the record before was replaced, removed or inserted");
        }
        if (head != null && record.sequence() == head.sequence()) {
            headSeen = true;
            if (!record.hash().equals(head.hash())) {
                return broken(position, record.sequence(), ChainBreak.Kind.HEAD_MISMATCH,
                        "Bản ghi số " + record.sequence() + " không khớp với đầu chuỗi đã ký: nhật ký đã bị viết lại",
                        "record " + record.sequence() + " does not have the signed head's hash: the log was"
                                + " rewritten");
            }
        }
        last = ChainPosition.of(record);
        return true;
    }

    /** The result of the walk so far, with the end-of-log check against the signed head. */
    public ChainVerification finish() {
        if (firstBreak == null && !headSeen) {
            broken(walked, last.sequence() + 1, ChainBreak.Kind.TRUNCATED,
                    "Nhật ký dừng ở bản ghi số " + last.sequence() + " trong khi đầu chuỗi đã ký là bản ghi số "
                            + head.sequence() + ": các bản ghi cuối đã bị xóa",
                    "the log ends at record " + last.sequence() + " but the signed head is record "
                            + head.sequence() + ": records at the end were removed");
        }
        return new ChainVerification(firstBreak == null, walked, last, firstBreak);
    }

    private boolean broken(long position, long sequence, ChainBreak.Kind kind, String vi, String en) {
        firstBreak = new ChainBreak(position, sequence, kind, vi, en);
        return false;
    }
}
