package vn.lienthong.gateway.limits;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;

/**
 * The disk budget of the packets: above the high-water mark of the file system that holds the payload
 * store (and the spool beside it), new packets are refused with code 64 before a byte of them is written,
 * instead of failing half-way through a write. The reading is reused for {@code checkInterval}, so the
 * check costs nothing on the document path.
 */
public class DiskBudget {

    private static final Logger LOG = LoggerFactory.getLogger(DiskBudget.class);

    /** One reading of the file system. */
    public record Reading(long totalBytes, long usableBytes, boolean over) {

        public double usedShare() {
            return totalBytes <= 0 ? 0 : 1.0 - (double) usableBytes / totalBytes;
        }
    }

    private final FileStore store;
    private final LimitsProperties.Disk settings;
    private final Clock clock;
    private volatile Reading last;
    private volatile long readAt;

    public DiskBudget(Path directory, LimitsProperties.Disk settings, Clock clock) throws IOException {
        this.store = Files.getFileStore(directory);
        this.settings = settings;
        this.clock = clock;
    }

    /** Refuses (64) when the packets' file system is above its budget. */
    public void checkRoomForPacket() {
        Reading reading = reading();
        if (reading.over()) {
            throw new GatewayException(GatewayError.STORAGE_FULL, String.format("%.0f%% đã dùng, còn %d MB",
                    reading.usedShare() * 100, reading.usableBytes() >> 20));
        }
    }

    /** The current reading (at most {@code checkInterval} old). */
    public Reading reading() {
        long now = clock.millis();
        Reading current = last;
        if (current == null || now - readAt >= settings.checkInterval().toMillis()) {
            current = measure();
            if (current.over() && (last == null || !last.over())) {
                LOG.error("Kho gói tin vượt ngưỡng dung lượng, gói tin mới bị từ chối (payload store over its disk "
                        + "budget, new packets refused): {}% used, {} MB free", Math.round(current.usedShare() * 100),
                        current.usableBytes() >> 20);
            }
            last = current;
            readAt = now;
        }
        return current;
    }

    private Reading measure() {
        try {
            long total = store.getTotalSpace();
            long usable = store.getUsableSpace();
            boolean over = usable < settings.minFree().toBytes()
                    || total > 0 && 1.0 - (double) usable / total >= settings.highWater();
            return new Reading(total, usable, over);
        } catch (IOException e) {
            LOG.warn("Không đọc được dung lượng đĩa (cannot read the disk space): {}", e.toString());
            return new Reading(0, 0, false);
        }
    }
}
