package vn.lienthong.trust.zip;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import vn.lienthong.trust.zip.ZipRefusedException.Reason;

/**
 * A streaming ZIP reader that trusts nothing: it reads the local entries in order (inflating them as the caller
 * reads), checks each entry's CRC and sizes, then reads the central directory that follows them and requires it to
 * list exactly the same entries (names, offsets, CRCs, sizes), then the end record, then the end of the stream. A
 * tool that reads the central directory (most unzip programs) therefore sees the same files as this reader.
 *
 * <p>Memory: one 8 KiB input buffer and an {@link Inflater} per level; nothing else grows with the archive except
 * the list of entries (bounded by {@link UnzipLimits#maxEntries()}).
 */
final class ZipStreamReader {

    static final int LOC = 0x04034b50;
    static final int CEN = 0x02014b50;
    static final int END = 0x06054b50;
    static final int DESCRIPTOR = 0x08074b50;
    static final int ZIP64_END = 0x06064b50;
    static final int ZIP64_LOCATOR = 0x07064b50;

    private static final int BUFFER = 8192;
    private static final long MAGIC32 = 0xFFFFFFFFL;
    private static final int FLAG_ENCRYPTED = 1;
    private static final int FLAG_DESCRIPTOR = 1 << 3;
    private static final int FLAG_UTF8 = 1 << 11;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final Charset CP437 = cp437();

    /** The counts shared by every level of one archive. */
    static final class Budget {
        int entries;
        long total;
    }

    /** A local entry as read, and what its data turned out to be. */
    static final class Local {
        final long offset;
        final byte[] rawName;
        final String name;
        final String path;
        final int flags;
        final int method;
        final long declaredCrc;
        final long declaredCompressed;
        final long declaredSize;
        final boolean zip64;
        long crc = -1;
        long compressed = -1;
        long size = -1;

        Local(long offset, byte[] rawName, String name, String path, int flags, int method, long crc,
                long compressed, long size, boolean zip64) {
            this.offset = offset;
            this.rawName = rawName;
            this.name = name;
            this.path = path;
            this.flags = flags;
            this.method = method;
            this.declaredCrc = crc;
            this.declaredCompressed = compressed;
            this.declaredSize = size;
            this.zip64 = zip64;
        }

        boolean hasDescriptor() {
            return (flags & FLAG_DESCRIPTOR) != 0;
        }

        boolean directory() {
            return name.endsWith("/") || name.endsWith("\\");
        }

        /** The size the header declares, or -1 when a data descriptor carries it. */
        long knownSize() {
            return hasDescriptor() ? -1 : declaredSize;
        }
    }

    private final Source in;
    private final String prefix;
    private final UnzipLimits limits;
    private final Budget budget;
    private final List<Local> locals = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private EntryInput current;
    private boolean ended;

    ZipStreamReader(InputStream in, String prefix, UnzipLimits limits, Budget budget) {
        this.in = new Source(in);
        this.prefix = prefix;
        this.limits = limits;
        this.budget = budget;
    }

    /** The next entry (the previous one is read to its end first), or null after a verified central directory. */
    Local next() throws IOException {
        if (current != null) {
            current.drain();
            current = null;
        }
        if (ended) {
            return null;
        }
        long offset = in.position;
        long signature = in.u32();
        if (signature == LOC) {
            Local local = readLocal(offset);
            locals.add(local);
            current = new EntryInput(local);
            return local;
        }
        if (signature == CEN) {
            readCentralDirectory(offset);
            ended = true;
            return null;
        }
        throw new ZipRefusedException(Reason.MALFORMED, null,
                String.format(Locale.ROOT, "unexpected record 0x%08x at byte %d", signature, offset));
    }

    /** The data of the entry {@link #next()} returned last. */
    InputStream content() {
        if (current == null) {
            throw new IllegalStateException("no current entry");
        }
        return current;
    }

    private Local readLocal(long offset) throws IOException {
        in.u16(); // version needed
        Fields header = Fields.read(in);
        int flags = header.flags();
        int method = header.method();
        int nameLength = header.nameLength();

        if (++budget.entries > limits.maxEntries()) {
            throw new ZipRefusedException(Reason.TOO_MANY_ENTRIES, null,
                    "more than " + limits.maxEntries() + " entries");
        }
        if (nameLength > limits.maxNameLength()) {
            throw new ZipRefusedException(Reason.UNSAFE_NAME, prefix + "…",
                    "a name of " + nameLength + " bytes (at most " + limits.maxNameLength() + ")");
        }
        byte[] rawName = in.bytes(nameLength);
        long[] wide = zip64Fields(in.bytes(header.extraLength()));
        String name = decodeName(rawName, flags);
        String path = prefix + name;
        checkName(name, path);
        if (!names.add(name.replace('\\', '/').toLowerCase(Locale.ROOT))) {
            throw new ZipRefusedException(Reason.DUPLICATE_NAME, path, "the name appears twice");
        }
        if ((flags & FLAG_ENCRYPTED) != 0) {
            throw new ZipRefusedException(Reason.ENCRYPTED, path, null);
        }
        if (method != STORED && method != DEFLATED) {
            throw new ZipRefusedException(Reason.UNSUPPORTED_METHOD, path,
                    "method " + method + " (only stored and deflated are accepted)");
        }
        long size = header.size(wide);
        long compressed = header.compressed(wide);
        Local local = new Local(offset, rawName, name, path, flags, method, header.crc(), compressed, size,
                wide != null);
        if (local.hasDescriptor()) {
            if (method == STORED) {
                throw new ZipRefusedException(Reason.MALFORMED, path,
                        "a stored entry whose size follows its data cannot be read safely");
            }
        } else {
            if (size > limits.maxEntrySize()) {
                throw new ZipRefusedException(Reason.ENTRY_TOO_LARGE, path,
                        "declares " + size + " bytes (at most " + limits.maxEntrySize() + ")");
            }
            if (method == STORED && compressed != size) {
                throw new ZipRefusedException(Reason.MALFORMED, path,
                        "a stored entry whose compressed and uncompressed sizes differ");
            }
        }
        return local;
    }

    private void readCentralDirectory(long firstOffset) throws IOException {
        int index = 0;
        long signature = CEN;
        while (signature == CEN) {
            in.u16(); // version made by
            in.u16(); // version needed
            Fields header = Fields.read(in);
            int commentLength = in.u16();
            in.u16(); // disk
            in.u16(); // internal attributes
            in.u32(); // external attributes
            long offset = in.u32();
            byte[] rawName = in.bytes(header.nameLength());
            long[] wide = zip64Fields(in.bytes(header.extraLength()));
            in.skip(commentLength);
            int flags = header.flags();
            int method = header.method();
            long crc = header.crc();
            long size = header.size(wide);
            long compressed = header.compressed(wide);
            int used = header.widened(wide);
            if (offset == MAGIC32 && wide != null && used < wide.length) {
                offset = wide[used];
            }
            if (index >= locals.size()) {
                throw new ZipRefusedException(Reason.INCONSISTENT, null,
                        "the central directory lists more entries than the " + locals.size() + " in the archive");
            }
            Local local = locals.get(index);
            if (!Arrays.equals(rawName, local.rawName)) {
                throw new ZipRefusedException(Reason.INCONSISTENT, local.path,
                        "entry " + (index + 1) + " has another name in the central directory");
            }
            if ((flags & FLAG_ENCRYPTED) != 0) {
                throw new ZipRefusedException(Reason.ENCRYPTED, local.path, "in the central directory");
            }
            if (offset != local.offset || method != local.method || crc != local.crc
                    || compressed != local.compressed || size != local.size) {
                throw new ZipRefusedException(Reason.INCONSISTENT, local.path, String.format(Locale.ROOT,
                        "central directory says offset %d, method %d, crc %08x, %d/%d bytes; the entry is "
                                + "offset %d, method %d, crc %08x, %d/%d bytes",
                        offset, method, crc, compressed, size,
                        local.offset, local.method, local.crc, local.compressed, local.size));
            }
            index++;
            signature = in.u32();
        }
        if (index != locals.size()) {
            throw new ZipRefusedException(Reason.INCONSISTENT, null, "the central directory lists " + index
                    + " entries, the archive holds " + locals.size());
        }
        if (signature == ZIP64_END) {
            long length = in.u64();
            if (length < 0 || length > 1 << 20) {
                throw new ZipRefusedException(Reason.MALFORMED, null, "a ZIP64 end record of " + length + " bytes");
            }
            in.skip(length);
            signature = in.u32();
        }
        if (signature == ZIP64_LOCATOR) {
            in.skip(16);
            signature = in.u32();
        }
        if (signature != END) {
            throw new ZipRefusedException(Reason.MALFORMED, null,
                    String.format(Locale.ROOT, "no end of central directory record (found 0x%08x)", signature));
        }
        in.u16(); // this disk
        in.u16(); // disk of the central directory
        in.u16(); // entries on this disk
        int entries = in.u16();
        in.u32(); // size of the central directory
        long directoryOffset = in.u32();
        int commentLength = in.u16();
        in.skip(commentLength);
        if (entries != 0xFFFF && entries != (locals.size() & 0xFFFF)) {
            throw new ZipRefusedException(Reason.INCONSISTENT, null,
                    "the end record counts " + entries + " entries, the archive holds " + locals.size());
        }
        if (directoryOffset != MAGIC32 && directoryOffset != firstOffset) {
            throw new ZipRefusedException(Reason.INCONSISTENT, null, "the end record puts the central directory at "
                    + directoryOffset + ", it is at " + firstOffset);
        }
        if (in.read() != -1) {
            throw new ZipRefusedException(Reason.MALFORMED, null, "data after the end of the archive");
        }
    }

    /** The values of a ZIP64 extended information field (id 1), or null when there is none. */
    private static long[] zip64Fields(byte[] extra) {
        ByteBuffer buffer = ByteBuffer.wrap(extra).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        while (buffer.remaining() >= 4) {
            int id = buffer.getShort() & 0xFFFF;
            int length = buffer.getShort() & 0xFFFF;
            if (length > buffer.remaining()) {
                return null;
            }
            if (id == 1) {
                long[] values = new long[length / 8];
                for (int i = 0; i < values.length; i++) {
                    values[i] = buffer.getLong();
                }
                return values;
            }
            buffer.position(buffer.position() + length);
        }
        return null;
    }

    private String decodeName(byte[] raw, int flags) throws ZipRefusedException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            if ((flags & FLAG_UTF8) != 0) {
                throw new ZipRefusedException(Reason.UNSAFE_NAME, prefix + "…",
                        "an entry name flagged UTF-8 is not valid UTF-8");
            }
            // no UTF-8 flag: the ZIP specification's default code page
            return new String(raw, CP437);
        }
    }

    private static void checkName(String name, String path) throws ZipRefusedException {
        if (name.isEmpty()) {
            throw new ZipRefusedException(Reason.UNSAFE_NAME, path, "an empty name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw new ZipRefusedException(Reason.UNSAFE_NAME, path.replaceAll("\\p{Cntrl}", "?"),
                        "a control character in the name");
            }
        }
        String normalized = name.replace('\\', '/');
        if (normalized.startsWith("/")) {
            throw new ZipRefusedException(Reason.UNSAFE_NAME, path, "an absolute path");
        }
        if (normalized.length() >= 2 && normalized.charAt(1) == ':') {
            throw new ZipRefusedException(Reason.UNSAFE_NAME, path, "a drive letter");
        }
        for (String segment : normalized.split("/")) {
            if (segment.equals("..")) {
                throw new ZipRefusedException(Reason.UNSAFE_NAME, path, "a parent directory (..) in the path");
            }
        }
    }

    private static Charset cp437() {
        try {
            return Charset.forName("IBM437");
        } catch (RuntimeException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    /** The data of one entry, inflated as it is read, with every limit applied to each chunk. */
    private final class EntryInput extends InputStream {
        private final Local local;
        private final Inflater inflater;
        private final byte[] input;
        private final CRC32 crc = new CRC32();
        private int inputLength;
        private long storedRemaining;
        private long produced;
        private boolean eof;

        EntryInput(Local local) {
            this.local = local;
            if (local.method == DEFLATED) {
                this.inflater = new Inflater(true);
                this.input = new byte[BUFFER];
            } else {
                this.inflater = null;
                this.input = null;
                this.storedRemaining = local.declaredCompressed;
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (eof) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int n;
            if (inflater == null) {
                if (storedRemaining == 0) {
                    finish();
                    return -1;
                }
                n = in.read(b, off, (int) Math.min(len, storedRemaining));
                if (n < 0) {
                    throw truncated();
                }
                storedRemaining -= n;
            } else {
                n = inflate(b, off, len);
                if (n < 0) {
                    finish();
                    return -1;
                }
            }
            account(b, off, n);
            return n;
        }

        private int inflate(byte[] b, int off, int len) throws IOException {
            while (true) {
                int n;
                try {
                    n = inflater.inflate(b, off, len);
                } catch (DataFormatException e) {
                    throw new ZipRefusedException(Reason.MALFORMED, local.path, "bad deflate data", e);
                }
                if (n > 0) {
                    return n;
                }
                if (inflater.finished()) {
                    int remaining = inflater.getRemaining();
                    if (remaining > 0) {
                        in.unread(input, inputLength - remaining, remaining);
                    }
                    return -1;
                }
                if (inflater.needsDictionary()) {
                    throw new ZipRefusedException(Reason.MALFORMED, local.path, "deflate data needs a dictionary");
                }
                if (inflater.needsInput()) {
                    inputLength = in.read(input, 0, input.length);
                    if (inputLength < 0) {
                        throw truncated();
                    }
                    inflater.setInput(input, 0, inputLength);
                }
            }
        }

        private void account(byte[] b, int off, int n) throws ZipRefusedException {
            crc.update(b, off, n);
            produced += n;
            budget.total += n;
            if (produced > limits.maxEntrySize()) {
                throw new ZipRefusedException(Reason.ENTRY_TOO_LARGE, local.path,
                        "more than " + limits.maxEntrySize() + " bytes");
            }
            if (!local.hasDescriptor() && produced > local.declaredSize) {
                throw new ZipRefusedException(Reason.MALFORMED, local.path,
                        "more data than the " + local.declaredSize + " bytes declared");
            }
            if (budget.total > limits.maxTotalSize()) {
                throw new ZipRefusedException(Reason.TOTAL_TOO_LARGE, local.path,
                        "more than " + limits.maxTotalSize() + " bytes in all");
            }
            if (inflater != null && produced > limits.ratioGraceBytes()) {
                long consumed = Math.max(1, inflater.getBytesRead());
                if (produced > consumed * limits.maxRatio()) {
                    throw new ZipRefusedException(Reason.RATIO_TOO_HIGH, local.path, String.format(Locale.ROOT,
                            "%d bytes out of %d compressed bytes so far (%d:1, at most %d:1)",
                            produced, consumed, produced / consumed, limits.maxRatio()));
                }
            }
        }

        private void finish() throws IOException {
            eof = true;
            long compressed = produced;
            if (inflater != null) {
                compressed = inflater.getBytesRead();
                inflater.end();
            }
            long crcValue = crc.getValue();
            if (local.hasDescriptor()) {
                long first = in.u32();
                long declaredCrc = first == DESCRIPTOR ? in.u32() : first;
                long declaredCompressed = local.zip64 ? in.u64() : in.u32();
                long declaredSize = local.zip64 ? in.u64() : in.u32();
                check(declaredCrc, declaredCompressed, declaredSize, crcValue, compressed);
            } else {
                check(local.declaredCrc, local.declaredCompressed, local.declaredSize, crcValue, compressed);
            }
            local.crc = crcValue;
            local.compressed = compressed;
            local.size = produced;
        }

        private void check(long declaredCrc, long declaredCompressed, long declaredSize, long crcValue,
                long compressed) throws ZipRefusedException {
            if (declaredCrc != crcValue) {
                throw new ZipRefusedException(Reason.MALFORMED, local.path, String.format(Locale.ROOT,
                        "CRC %08x, declared %08x: the data is damaged", crcValue, declaredCrc));
            }
            if (declaredCompressed != compressed || declaredSize != produced) {
                throw new ZipRefusedException(Reason.MALFORMED, local.path, String.format(Locale.ROOT,
                        "%d/%d bytes (compressed/uncompressed), declared %d/%d",
                        compressed, produced, declaredCompressed, declaredSize));
            }
        }

        void drain() throws IOException {
            byte[] scratch = new byte[BUFFER];
            while (read(scratch, 0, scratch.length) >= 0) {
                // every chunk goes through the limits
            }
        }

        private ZipRefusedException truncated() {
            return new ZipRefusedException(Reason.MALFORMED, local.path, "the archive ends inside this entry");
        }

        @Override
        public void close() {
            // the archive stays open: the reader drains what is left on next()
        }
    }

    /**
     * The fields a local header and a central directory entry share, in the same order in both (flags, method,
     * time, date, CRC-32, compressed size, size, name and extra lengths), and the ZIP64 extra field's values that
     * stand for the sizes marked 0xFFFFFFFF: the size first, then the compressed size.
     */
    private record Fields(int flags, int method, long crc, long compressed32, long size32, int nameLength,
                          int extraLength) {

        static Fields read(Source in) throws IOException {
            int flags = in.u16();
            int method = in.u16();
            in.u16(); // time
            in.u16(); // date
            return new Fields(flags, method, in.u32(), in.u32(), in.u32(), in.u16(), in.u16());
        }

        long size(long[] wide) {
            return size32 == MAGIC32 && wide != null && wide.length > 0 ? wide[0] : size32;
        }

        long compressed(long[] wide) {
            int i = size32 == MAGIC32 ? 1 : 0;
            return compressed32 == MAGIC32 && wide != null && i < wide.length ? wide[i] : compressed32;
        }

        /** How many of the ZIP64 values the sizes took (the next, if any, is a central entry's offset). */
        int widened(long[] wide) {
            return wide == null ? 0
                    : Math.min(wide.length, (size32 == MAGIC32 ? 1 : 0) + (compressed32 == MAGIC32 ? 1 : 0));
        }
    }

    /** The archive's bytes with a count of how many were consumed and room to push back one input buffer. */
    private static final class Source {
        private final PushbackInputStream in;
        private final byte[] scratch = new byte[8];
        long position;

        Source(InputStream in) {
            this.in = new PushbackInputStream(in, BUFFER);
        }

        int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                position++;
            }
            return b;
        }

        int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        void unread(byte[] b, int off, int len) throws IOException {
            in.unread(b, off, len);
            position -= len;
        }

        byte[] bytes(int length) throws IOException {
            byte[] bytes = new byte[length];
            fill(bytes, length);
            return bytes;
        }

        private void fill(byte[] b, int length) throws IOException {
            int done = 0;
            while (done < length) {
                int n = read(b, done, length - done);
                if (n < 0) {
                    throw new ZipRefusedException(Reason.MALFORMED, null,
                            "the archive ends early (at byte " + position + ")");
                }
                done += n;
            }
        }

        void skip(long length) throws IOException {
            long left = length;
            while (left > 0) {
                int n = (int) Math.min(left, scratch.length);
                fill(scratch, n);
                left -= n;
            }
        }

        int u16() throws IOException {
            fill(scratch, 2);
            return (scratch[0] & 0xFF) | (scratch[1] & 0xFF) << 8;
        }

        long u32() throws IOException {
            fill(scratch, 4);
            return (scratch[0] & 0xFFL) | (scratch[1] & 0xFFL) << 8 | (scratch[2] & 0xFFL) << 16
                    | (scratch[3] & 0xFFL) << 24;
        }

        long u64() throws IOException {
            long low = u32();
            long high = u32();
            return low | high << 32;
        }
    }
}
