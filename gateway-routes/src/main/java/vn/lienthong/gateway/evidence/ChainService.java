package vn.lienthong.gateway.evidence;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.lienthong.gateway.tracking.SqlTimes;
import vn.lienthong.gateway.tracking.EventChain;
import vn.lienthong.gateway.tracking.TrackingStore;
import vn.lienthong.trust.chain.ChainBreak;
import vn.lienthong.trust.chain.ChainHead;
import vn.lienthong.trust.chain.ChainHeadCheck;
import vn.lienthong.trust.chain.ChainHeadSigner;
import vn.lienthong.trust.chain.ChainHeadVerifier;
import vn.lienthong.trust.chain.ChainPosition;
import vn.lienthong.trust.chain.ChainRecord;
import vn.lienthong.trust.chain.ChainVerification;
import vn.lienthong.trust.chain.ChainVerifier;

/**
 * The tamper-evident log of events: signs its head ({@link #signHead}, at intervals) and walks it
 * ({@link #verify}), naming the first broken record with its seq and event id.
 */
public class ChainService {

    private static final Logger LOG = LoggerFactory.getLogger(ChainService.class);

    /** The outcome of a walk, as the operator API answers it. */
    public record Report(boolean intact, long recordsChecked, long lastSeq, String lastHash, HeadReport head,
                         BreakReport firstBreak, long millis) {
    }

    /** The signed head the walk was pinned to. */
    public record HeadReport(long seq, String hash, Instant signedAt, boolean valid, String reason) {
    }

    /** The first broken record. */
    public record BreakReport(long seq, Long eventId, String documentId, String kind, String reason,
                              String reasonVi, String reasonEn) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final EvidenceStore store;
    private final ChainHeadSigner signer;
    private final ChainHeadVerifier verifier;
    private final String log;
    private final org.springframework.transaction.support.TransactionTemplate transaction;
    private final EventChain events;
    private final ChainHeadCopy outsideCopy;

    public ChainService(JdbcClient jdbc, JdbcTemplate template, EvidenceStore store, ChainHeadSigner signer,
                        ChainHeadVerifier verifier, String log,
                        org.springframework.transaction.PlatformTransactionManager transactions, EventChain events,
                        ChainHeadCopy outsideCopy) {
        this.outsideCopy = outsideCopy;
        this.jdbc = jdbc;
        this.events = events;
        this.template = new JdbcTemplate(template.getDataSource());
        this.template.setFetchSize(1000);
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.transaction.setReadOnly(true);
        this.store = store;
        this.signer = signer;
        this.verifier = verifier;
        this.log = log;
    }

    /** Where the chain stands (committed). */
    public ChainPosition position() {
        return jdbc.sql("SELECT seq, hash FROM chain_head WHERE id = 1")
                .query((rs, n) -> new ChainPosition(rs.getLong("seq"), rs.getString("hash"))).single();
    }

    /** Signs the head when it moved since the last signed one; the new signed head, if any. */
    public Optional<EvidenceStore.SignedHead> signHead() {
        events.appendPending(); // the head covers every event committed so far
        ChainPosition position = position();
        if (position.sequence() == 0
                || store.latestHead().map(h -> h.seq() >= position.sequence()).orElse(false)) {
            return Optional.empty();
        }
        ChainHead head = ChainHead.of(log, position, Instant.now());
        EvidenceStore.SignedHead signed = new EvidenceStore.SignedHead(head.sequence(), head.hash(), head.time(),
                signer.sign(head));
        store.storeHead(signed);
        outsideCopy.append(signed);
        LOG.debug("Đã ký đầu chuỗi (signed chain head) {} {}", head.sequence(), head.hash());
        return Optional.of(signed);
    }

    /** Walks the whole chain in seq order, pinned by the latest signed head (when its signature holds). */
    public Report verify() {
        events.appendPending(); // every event committed so far is walked
        // read-only, in a transaction: PostgreSQL then streams the rows through a cursor (fetch size) instead of
        // loading the whole log into memory
        Report report = transaction.execute(status -> walk());
        return checkOutsideCopy(report);
    }

    private Report walk() {
        long started = System.nanoTime();
        HeadReport headReport = null;
        ChainHead head = null;
        Optional<EvidenceStore.SignedHead> latest = store.latestHead();
        if (latest.isPresent()) {
            ChainHeadCheck check = verifier.verify(latest.get().cms());
            headReport = new HeadReport(latest.get().seq(), latest.get().hash(), latest.get().signedAt(),
                    check.valid(), check.reason());
            if (check.valid()) {
                head = check.head();
            }
        }
        ChainVerifier walk = new ChainVerifier(ChainPosition.GENESIS, head);
        long[] brokenEvent = {-1};
        String[] brokenDocument = {null};
        ChainBreak[] unreadable = {null};
        long[] walked = {0};
        template.query("SELECT id, seq, document_id, delivery_id, type, detail, actor, created_at, prev_hash, hash"
                + " FROM events WHERE seq IS NOT NULL ORDER BY seq", rs -> {
                    if (brokenEvent[0] >= 0) {
                        return;
                    }
                    long seq = rs.getLong("seq");
                    Map<String, String> fields = TrackingStore.chainFields(rs.getString("document_id"),
                            rs.getString("delivery_id"), rs.getString("type"), rs.getString("detail"),
                            rs.getString("actor"), SqlTimes.instant(rs, "created_at"));
                    ChainRecord record;
                    try {
                        record = new ChainRecord(seq, fields, rs.getString("prev_hash"), rs.getString("hash"));
                    } catch (IllegalArgumentException e) {
                        unreadable[0] = new ChainBreak(walked[0], seq, ChainBreak.Kind.HASH_MISMATCH,
                                "Bản ghi số " + seq + " đã bị sửa: giá trị băm không hợp lệ",
                                "record " + seq + " was altered: " + e.getMessage());
                        brokenEvent[0] = rs.getLong("id");
                        brokenDocument[0] = rs.getString("document_id");
                        return;
                    }
                    walked[0]++;
                    if (!walk.accept(record)) {
                        brokenEvent[0] = rs.getLong("id");
                        brokenDocument[0] = rs.getString("document_id");
                    }
                });
        ChainVerification result = walk.finish();
        ChainBreak firstBreak = unreadable[0] != null ? unreadable[0] : result.firstBreak();
        BreakReport breakReport = firstBreak == null ? null : new BreakReport(firstBreak.sequence(),
                brokenEvent[0] >= 0 && firstBreak.kind() != ChainBreak.Kind.TRUNCATED ? brokenEvent[0] : null,
                firstBreak.kind() != ChainBreak.Kind.TRUNCATED ? brokenDocument[0] : null,
                firstBreak.kind().name(), firstBreak.reason(), firstBreak.reasonVi(), firstBreak.reasonEn());
        boolean intact = firstBreak == null && (headReport == null || headReport.valid());
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Report(intact, result.recordsChecked(), result.last().sequence(), result.last().hash(), headReport,
                breakReport, millis);
    }

    /**
     * The latest head of the copy outside the database must be in the log as it is now: a log rolled back (its
     * latest events and heads deleted or replaced) no longer holds it, and the walk is not intact. The copy's head
     * is checked by its signature too, so a forged line proves nothing.
     */
    private Report checkOutsideCopy(Report report) {
        Optional<EvidenceStore.SignedHead> copied = outsideCopy.latest();
        if (copied.isEmpty() || !verifier.verify(copied.get().cms()).valid()) {
            return report;
        }
        EvidenceStore.SignedHead head = copied.get();
        Optional<String> hashInLog = jdbc.sql("SELECT hash FROM events WHERE seq = ?").param(head.seq())
                .query(String.class).optional();
        boolean headInDatabase = jdbc.sql("SELECT COUNT(*) FROM chain_heads WHERE seq = ? AND hash = ?")
                .params(head.seq(), head.hash()).query(Long.class).single() > 0;
        if (hashInLog.filter(head.hash()::equals).isPresent() && headInDatabase) {
            return report;
        }
        String vi = "Đầu chuỗi đã ký số " + head.seq() + " (bản sao ngoài cơ sở dữ liệu, " + outsideCopy.file()
                + ") không còn trong nhật ký: nhật ký đã bị quay lui hoặc sửa";
        String en = "signed head " + head.seq() + " kept outside the database (" + outsideCopy.file() + ") is "
                + (hashInLog.isEmpty() ? "missing from" : "different in") + " the log: it was rolled back or rewritten";
        BreakReport rolledBack = new BreakReport(head.seq(), null, null, "HEAD_ROLLED_BACK", vi + " (" + en + ")", vi, en);
        return new Report(false, report.recordsChecked(), report.lastSeq(), report.lastHash(), report.head(),
                report.firstBreak() != null ? report.firstBreak() : rolledBack, report.millis());
    }

    /** The report as JSON-friendly maps (nulls left out). */
    public static Map<String, Object> toMap(Report report) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("intact", report.intact());
        map.put("recordsChecked", report.recordsChecked());
        map.put("lastSeq", report.lastSeq());
        map.put("lastHash", report.lastHash());
        if (report.head() != null) {
            map.put("signedHead", report.head());
        }
        if (report.firstBreak() != null) {
            map.put("firstBreak", report.firstBreak());
        }
        map.put("millis", report.millis());
        return map;
    }
}
