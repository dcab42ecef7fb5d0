package vn.lienthong.trust.zip;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

import vn.lienthong.trust.zip.ZipRefusedException.Reason;

/**
 * Opens an attachment that may be a ZIP, safely and as a stream.
 *
 * <p>The official SDK zips every attachment (one entry {@code <UUID>.<ext>}); some senders send the file itself.
 * {@link #read} looks at the first bytes: a ZIP ({@code PK\x03\x04}) is opened entry by entry, anything else is
 * handed over as it is, as a single file. Nothing is held in memory beyond fixed buffers: each entry is inflated
 * while the handler reads it.
 *
 * <p>While inflating, {@link UnzipLimits} are enforced on every chunk (entry count, entry size, total size,
 * compression ratio, nesting depth, name length). Entry names with {@code ..}, an absolute path, a drive letter or a
 * control character are refused, as are duplicate names, encrypted entries and methods other than stored and
 * deflated. Each entry's CRC and sizes are checked, and the central directory at the end must list exactly the
 * entries read (so that a program reading the central directory sees the same files); a damaged or inconsistent
 * archive is refused. A ZIP inside the ZIP is opened in turn, up to {@link UnzipLimits#maxDepth()} levels; the
 * limits count over all levels together. A refusal is a {@link ZipRefusedException} with the reason, the entry and
 * the measured fact; files handed over before it were complete and checked as far as they went.
 *
 * <p>Thread-safe: the instance holds only its limits.
 */
public final class SafeUnzip {

    /** What {@link #read} found: whether the attachment was a ZIP, how many files it handed over, how many bytes. */
    public record Summary(boolean zip, int files, long bytes) {
    }

    private final UnzipLimits limits;

    public SafeUnzip() {
        this(UnzipLimits.DEFAULT);
    }

    public SafeUnzip(UnzipLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public UnzipLimits limits() {
        return limits;
    }

    /**
     * Hands each file of an attachment to {@code handler}: the entries of a ZIP (directories skipped, nested ZIPs
     * opened), or the attachment itself when it is not a ZIP. The stream {@code attachment} is read to the end of
     * the archive but not closed.
     *
     * @param attachment     the decoded attachment
     * @param attachmentName its name, used as the file's name when it is not a ZIP
     * @throws ZipRefusedException when the ZIP is refused (see the class comment)
     * @throws IOException         when reading {@code attachment} fails, or the handler throws
     */
    public Summary read(InputStream attachment, String attachmentName, EntryHandler handler) throws IOException {
        Objects.requireNonNull(handler, "handler");
        BufferedInputStream in = new BufferedInputStream(attachment, FileMagic.SNIFF_LENGTH * 8);
        String name = attachmentName == null || attachmentName.isBlank() ? "attachment" : attachmentName;
        if (FileMagic.peek(in) != FileMagic.ZIP) {
            CountingInputStream content = new CountingInputStream(in);
            handler.onFile(new UnzipEntry(name, name, 0, -1), content);
            return new Summary(false, 1, content.count);
        }
        ZipStreamReader.Budget budget = new ZipStreamReader.Budget();
        int files = readArchive(in, "", 1, budget, handler);
        return new Summary(true, files, budget.total);
    }

    private int readArchive(InputStream in, String prefix, int depth, ZipStreamReader.Budget budget,
            EntryHandler handler) throws IOException {
        ZipStreamReader reader = new ZipStreamReader(in, prefix, limits, budget);
        int files = 0;
        ZipStreamReader.Local entry;
        while ((entry = reader.next()) != null) {
            if (entry.directory()) {
                continue;
            }
            BufferedInputStream content = new BufferedInputStream(reader.content(), FileMagic.SNIFF_LENGTH);
            if (FileMagic.peek(content) == FileMagic.ZIP) {
                if (depth >= limits.maxDepth()) {
                    throw new ZipRefusedException(Reason.TOO_DEEP, entry.path,
                            "a ZIP at level " + (depth + 1) + " (at most " + limits.maxDepth() + ")");
                }
                files += readArchive(content, entry.path + "!/", depth + 1, budget, handler);
            } else {
                files++;
                handler.onFile(new UnzipEntry(entry.path, entry.name, depth, entry.knownSize()),
                        new CountingInputStream(content));
            }
        }
        return files;
    }

    /** Counts what the handler read; closing it does not close the archive. */
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            // the attachment (or the archive) is not the handler's to close
        }
    }
}
