package vn.lienthong.gateway.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.lienthong.gateway.payload.PayloadStore;
import vn.lienthong.gateway.tracking.EventType;
import vn.lienthong.gateway.tracking.TrackingStore;

/**
 * Purges the packets of documents received before a given time, on an operator's command: only documents
 * whose every delivery is over (DELIVERED or REJECTED; a FAILED one can still be resent, so it is kept).
 * The document's row, deliveries, events, evidence and PDF findings stay; the packet files go, unless a
 * document not purged shares them (packets are stored once by SHA-256). Each purge is an event in the
 * tamper-evident log, with the operator's name.
 */
public class PacketRetention {

    private static final Logger LOG = LoggerFactory.getLogger(PacketRetention.class);

    /** Documents handled by one command; run it again for the rest. */
    static final int BATCH = 10_000;

    public record Result(boolean dryRun, Instant before, int documents, int packetFiles, long bytes, boolean more) {
    }

    private record Candidate(String id, String receivedSha256, String storedSha256) {
    }

    private final JdbcClient jdbc;
    private final TrackingStore tracking;
    private final PayloadStore payloads;

    public PacketRetention(JdbcClient jdbc, TrackingStore tracking, PayloadStore payloads) {
        this.jdbc = jdbc;
        this.tracking = tracking;
        this.payloads = payloads;
    }

    public Result purge(Instant before, boolean dryRun, String actor) {
        List<Candidate> candidates = jdbc.sql("""
                        SELECT id, received_sha256, stored_sha256 FROM documents doc
                        WHERE doc.received_at < :before AND doc.packets_purged_at IS NULL
                          AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.document_id = doc.id
                                          AND d.state NOT IN ('DELIVERED', 'REJECTED'))
                        ORDER BY doc.received_at""")
                .param("before", Timestamp.from(before))
                .query((rs, n) -> new Candidate(rs.getString(1).trim(), rs.getString(2).trim(), rs.getString(3).trim()))
                .list();
        boolean more = candidates.size() > BATCH;
        if (more) {
            candidates = candidates.subList(0, BATCH);
        }
        Set<String> hashes = new LinkedHashSet<>();
        candidates.forEach(c -> {
            hashes.add(c.receivedSha256());
            hashes.add(c.storedSha256());
        });
        if (dryRun) {
            long bytes = 0;
            int files = 0;
            for (String hash : hashes) {
                Path file = payloads.path(hash);
                if (Files.exists(file)) {
                    files++;
                    bytes += size(file);
                }
            }
            return new Result(true, before, candidates.size(), files, bytes, more);
        }
        Instant now = Instant.now();
        List<String> purged = new ArrayList<>();
        for (Candidate c : candidates) {
            int marked = jdbc.sql("UPDATE documents SET packets_purged_at = :now WHERE id = :id AND packets_purged_at IS NULL")
                    .param("now", Timestamp.from(now)).param("id", c.id()).update();
            if (marked == 1) {
                purged.add(c.id());
                tracking.event(c.id(), null, EventType.PURGED, "gói tin nhận trước " + before, actor);
            }
        }
        int files = 0;
        long bytes = 0;
        for (String hash : hashes) {
            boolean stillNeeded = jdbc.sql("SELECT COUNT(*) FROM documents WHERE packets_purged_at IS NULL"
                            + " AND (received_sha256 = :h OR stored_sha256 = :h)")
                    .param("h", hash).query(Long.class).single() > 0;
            Path file = payloads.path(hash);
            if (!stillNeeded && Files.exists(file)) {
                long size = size(file);
                try {
                    if (Files.deleteIfExists(file)) {
                        files++;
                        bytes += size;
                    }
                } catch (IOException e) {
                    LOG.warn("Không xóa được gói tin {} (cannot delete a packet): {}", file, e.toString());
                }
            }
        }
        LOG.info("Xóa gói tin theo thời hạn lưu trữ (retention purge) bởi {}: {} văn bản trước {}, {} tệp, {} byte",
                actor, purged.size(), before, files, bytes);
        return new Result(false, before, purged.size(), files, bytes, more);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
