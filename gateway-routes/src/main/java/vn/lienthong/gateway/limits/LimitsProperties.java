package vn.lienthong.gateway.limits;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one authenticated system may use of this node ({@code gateway.limits.*}), and the disk budget of
 * the packets. Every limit is per node: behind a load balancer of n nodes a system gets up to n times them.
 * Described in config/README.md.
 *
 * @param requestsPerSecond  calls a system may make per second, on average (a token bucket)
 * @param burst              calls a system may make at once after being idle (the bucket's size)
 * @param concurrentUploads  packets a system may be sending at the same time
 * @param bytesPerDay        bytes of packets a system may submit per day (UTC), accepted or not
 * @param systems            per system id, values that replace the defaults above
 * @param disk               the disk budget of the payload store and the spool
 * @param packet             what one packet may cost to check, whoever sends it
 */
@ConfigurationProperties("gateway.limits")
public record LimitsProperties(
        @DefaultValue("1000") double requestsPerSecond,
        @DefaultValue("2000") int burst,
        @DefaultValue("16") int concurrentUploads,
        @DefaultValue("100GB") DataSize bytesPerDay,
        Map<String, SystemOverride> systems,
        @DefaultValue Disk disk,
        @DefaultValue Packet packet) {

    public LimitsProperties {
        systems = systems == null ? Map.of() : Map.copyOf(systems);
        if (requestsPerSecond <= 0 || burst < 1 || concurrentUploads < 1 || bytesPerDay.toBytes() < 1) {
            throw new IllegalArgumentException("gateway.limits.* phải dương (must be positive)");
        }
    }

    /** One system's own values; an absent one keeps the default. */
    public record SystemOverride(Double requestsPerSecond, Integer burst, Integer concurrentUploads,
                                 DataSize bytesPerDay) {
    }

    /** The limits that apply to {@code systemId}. */
    public SystemLimit forSystem(String systemId) {
        SystemOverride o = systems.get(systemId);
        if (o == null) {
            return new SystemLimit(requestsPerSecond, burst, concurrentUploads, bytesPerDay.toBytes());
        }
        return new SystemLimit(o.requestsPerSecond() == null ? requestsPerSecond : o.requestsPerSecond(),
                o.burst() == null ? burst : o.burst(),
                o.concurrentUploads() == null ? concurrentUploads : o.concurrentUploads(),
                o.bytesPerDay() == null ? bytesPerDay.toBytes() : o.bytesPerDay().toBytes());
    }

    public record SystemLimit(double requestsPerSecond, int burst, int concurrentUploads, long bytesPerDay) {
    }

    /**
     * Bounds on the cost of one packet, enforced while the intake reads it (refusals 66-69).
     *
     * @param maxHeaderSize    bytes before the first attachment: the edXMLEnvelope (66)
     * @param maxPdfSignatures PDF signatures verified in one packet, over all its PDFs (67)
     * @param maxUnpackedSize  bytes of the files unpacked from all attachments of one packet, ZIPs included (68)
     * @param maxAttachments   attachments in one packet (69)
     */
    public record Packet(
            @DefaultValue("1MB") DataSize maxHeaderSize,
            @DefaultValue("100") int maxPdfSignatures,
            @DefaultValue("2GB") DataSize maxUnpackedSize,
            @DefaultValue("500") int maxAttachments) {

        public Packet {
            // the reader reads ahead up to 64 KiB, counted with the envelope: a smaller bound would refuse any packet
            if (maxHeaderSize.toBytes() < 128 * 1024 || maxPdfSignatures < 0 || maxUnpackedSize.toBytes() < 1
                    || maxAttachments < 1) {
                throw new IllegalArgumentException("gateway.limits.packet.*: max-header-size ít nhất 128KB, "
                        + "các giá trị khác phải dương (max-header-size at least 128KB, the others positive)");
            }
        }
    }

    /**
     * @param highWater     share of the file system holding the packets (0..1) above which new packets are
     *                      refused (64) and an alert is raised; what is already accepted is still delivered
     * @param minFree       free space under which new packets are refused, whatever the share
     * @param checkInterval how long a reading of the free space is reused (keeps the check off the hot path)
     */
    public record Disk(
            @DefaultValue("0.90") double highWater,
            @DefaultValue("1GB") DataSize minFree,
            @DefaultValue("1s") Duration checkInterval) {

        public Disk {
            if (highWater <= 0 || highWater > 1) {
                throw new IllegalArgumentException("gateway.limits.disk.high-water phải trong (0, 1] (must be in (0, 1])");
            }
        }
    }
}
