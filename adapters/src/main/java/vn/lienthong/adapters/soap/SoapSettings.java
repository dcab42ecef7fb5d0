package vn.lienthong.adapters.soap;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The SOAP service's limits and working directories.
 *
 * @param maxPacketBytes            the largest packet sendDocument accepts (also CXF's {@code attachment-max-size})
 * @param spoolDir                  where sendDocument writes a received packet while the gateway checks it
 * @param attachmentDir             where CXF spools an MTOM attachment it has to buffer
 *                                  ({@code attachment-directory})
 * @param attachmentMemoryThreshold above this many bytes a buffered attachment goes to {@code attachmentDir}
 *                                  instead of memory ({@code attachment-memory-threshold})
 * @param maxInlineChars            the longest text node CXF reads from a SOAP body
 *                                  ({@code org.apache.cxf.stax.maxTextLength}): a packet sent inline as
 *                                  base64 instead of MTOM is parsed in memory, so it is capped to this
 */
public record SoapSettings(long maxPacketBytes, Path spoolDir, Path attachmentDir, long attachmentMemoryThreshold,
                           int maxInlineChars) {

    /** Attachments CXF must buffer stay in memory up to this size. */
    public static final long DEFAULT_ATTACHMENT_MEMORY_THRESHOLD = 256 * 1024;
    /** 4 Mi characters of base64: packets of about 3 MB can still be sent without MTOM. */
    public static final int DEFAULT_MAX_INLINE_CHARS = 4 * 1024 * 1024;

    public SoapSettings {
        Objects.requireNonNull(spoolDir, "spoolDir");
        Objects.requireNonNull(attachmentDir, "attachmentDir");
        if (maxPacketBytes <= 0 || attachmentMemoryThreshold < 0 || maxInlineChars <= 0) {
            throw new IllegalArgumentException("SoapSettings: giới hạn phải dương (limits must be positive)");
        }
    }

    /**
     * The usual settings: everything under {@code <workDir>/soap} ({@code spool/} for packets, {@code cxf/}
     * for CXF's attachment buffers), the default thresholds.
     */
    public static SoapSettings under(Path workDir, long maxPacketBytes) {
        Path soap = workDir.resolve("soap");
        return new SoapSettings(maxPacketBytes, soap.resolve("spool"), soap.resolve("cxf"),
                DEFAULT_ATTACHMENT_MEMORY_THRESHOLD, DEFAULT_MAX_INLINE_CHARS);
    }
}
