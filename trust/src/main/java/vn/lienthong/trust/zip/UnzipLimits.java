package vn.lienthong.trust.zip;

/**
 * The limits {@link SafeUnzip} enforces while it streams an archive. Every count and size is checked as the bytes
 * are inflated, so an archive is refused as soon as it crosses a limit, before the rest of it is read.
 *
 * @param maxEntries      entries (directories included) over the whole archive, nested archives included
 * @param maxEntrySize    uncompressed bytes of one entry
 * @param maxTotalSize    uncompressed bytes over the whole archive; the bytes of a nested archive count both as
 *                        the outer entry and as its own entries (every byte inflated is counted)
 * @param maxRatio        uncompressed / compressed bytes of one entry, checked once the entry has produced more than
 *                        {@code ratioGraceBytes} (small files of text legitimately compress very well)
 * @param ratioGraceBytes uncompressed bytes of an entry before the ratio is checked
 * @param maxDepth        ZIP levels opened: 1 is the attachment's own ZIP, 2 a ZIP inside it, and so on; a ZIP
 *                        found deeper is refused
 * @param maxNameLength   bytes of an entry name
 */
public record UnzipLimits(int maxEntries, long maxEntrySize, long maxTotalSize, int maxRatio, long ratioGraceBytes,
        int maxDepth, int maxNameLength) {

    /** 256 entries, 512 MiB per entry, 1 GiB in all, ratio 100 after 1 MiB, 3 levels, names of 1024 bytes. */
    public static final UnzipLimits DEFAULT = new UnzipLimits(256, 512L << 20, 1L << 30, 100, 1L << 20, 3, 1024);

    public UnzipLimits {
        if (maxEntries < 1 || maxEntrySize < 1 || maxTotalSize < 1 || maxRatio < 1 || ratioGraceBytes < 0
                || maxDepth < 1 || maxNameLength < 1) {
            throw new IllegalArgumentException("every ZIP limit must be positive");
        }
    }

    public UnzipLimits withMaxEntries(int value) {
        return new UnzipLimits(value, maxEntrySize, maxTotalSize, maxRatio, ratioGraceBytes, maxDepth, maxNameLength);
    }

    public UnzipLimits withMaxEntrySize(long value) {
        return new UnzipLimits(maxEntries, value, maxTotalSize, maxRatio, ratioGraceBytes, maxDepth, maxNameLength);
    }

    public UnzipLimits withMaxTotalSize(long value) {
        return new UnzipLimits(maxEntries, maxEntrySize, value, maxRatio, ratioGraceBytes, maxDepth, maxNameLength);
    }

    public UnzipLimits withMaxRatio(int value, long graceBytes) {
        return new UnzipLimits(maxEntries, maxEntrySize, maxTotalSize, value, graceBytes, maxDepth, maxNameLength);
    }

    public UnzipLimits withMaxDepth(int value) {
        return new UnzipLimits(maxEntries, maxEntrySize, maxTotalSize, maxRatio, ratioGraceBytes, value, maxNameLength);
    }
}
