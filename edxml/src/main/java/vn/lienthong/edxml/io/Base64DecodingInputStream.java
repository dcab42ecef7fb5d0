package vn.lienthong.edxml.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.util.Base64;

import vn.lienthong.edxml.EdxmlError;
import vn.lienthong.edxml.EdxmlException;

/**
 * Decodes base64 text as it is read, a chunk at a time, so that an attachment of any size passes through a
 * small buffer. Whitespace (line breaks of MIME-style writers) is skipped; any other character outside the
 * standard alphabet, or data after the padding, is an error naming the attachment.
 *
 * <p>Each chunk is narrowed to bytes with whitespace dropped, then decoded whole by the JDK's plain decoder,
 * which also checks the alphabet and the padding. Only a chunk the JDK refuses (or with characters outside
 * ASCII) is scanned character by character, to say exactly what is wrong and where.
 */
final class Base64DecodingInputStream extends InputStream {

    private static final int CHUNK = 32 * 1024;
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final Reader text;
    private final String path;
    private final char[] chars = new char[CHUNK];
    /** Base64 characters not yet decoded: whatever did not make a whole quad, then the new chunk. */
    private final byte[] quads = new byte[CHUNK + 4];
    private int quadLength;
    private byte[] decoded = new byte[0];
    private int decodedPosition;
    private int decodedLength;
    private boolean paddingSeen;
    private boolean finished;
    /** Characters read before the current chunk, for error positions. */
    private long charsRead;

    Base64DecodingInputStream(Reader text, String path) {
        this.text = text;
        this.path = path;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (decodedPosition == decodedLength) {
            if (finished) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, decodedLength - decodedPosition);
        System.arraycopy(decoded, decodedPosition, target, offset, n);
        decodedPosition += n;
        return n;
    }

    private void fill() throws IOException {
        int n = text.read(chars, 0, chars.length);
        if (n < 0) {
            finished = true;
            decodeRemainder();
            return;
        }
        // the parser hands text over in segments of a few KB: gather a full chunk, fewer decoder calls
        for (int more; n < chars.length && (more = text.read(chars, n, chars.length - n)) > 0; ) {
            n += more;
        }
        if (paddingSeen) {
            scan(n);
            return;
        }
        int length = quadLength;
        boolean unusual = false;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c > ' ') {
                unusual |= c > 0x7f; // the JDK checks the rest of the alphabet, '=' included
                quads[length++] = (byte) c;
            } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                unusual = true;
            }
        }
        int whole = length - length % 4;
        boolean padded = whole > 0 && quads[whole - 1] == '=';
        if (unusual || (padded && length != whole)) {
            scan(n);
            return;
        }
        try {
            decodeQuads(whole);
        } catch (IllegalArgumentException e) {
            scan(n); // names the character and its position
            throw bad(e.getMessage());
        }
        paddingSeen = padded;
        quadLength = length;
        shiftRemainder(whole);
        charsRead += n;
    }

    /** The careful path: checks each character of the chunk, so that an error says what and where. */
    private void scan(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            charsRead++;
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (c == '=') {
                if (quadLength % 4 == 0) {
                    throw bad("ký tự đệm '=' thừa (too much padding) ở ký tự thứ " + charsRead);
                }
                paddingSeen = true;
            } else if (paddingSeen) {
                throw bad("dữ liệu sau ký tự đệm '=' (data after padding) ở ký tự thứ " + charsRead);
            } else if (!isAlphabet(c)) {
                throw bad("ký tự không hợp lệ '" + printable(c) + "' (invalid character) ở ký tự thứ " + charsRead);
            }
            quads[quadLength++] = (byte) c;
        }
        int whole = paddingSeen ? 0 : quadLength - quadLength % 4;
        decode(whole);
    }

    private void decodeRemainder() throws IOException {
        if (quadLength % 4 == 1) {
            throw bad("độ dài base64 không hợp lệ (truncated base64)");
        }
        // unpadded endings are accepted, as the SDK's decoders accept them
        while (quadLength % 4 != 0) {
            quads[quadLength++] = '=';
        }
        decode(quadLength);
    }

    private void decode(int count) throws IOException {
        try {
            decodeQuads(count);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        shiftRemainder(count);
    }

    private void decodeQuads(int count) {
        ByteBuffer out = DECODER.decode(ByteBuffer.wrap(quads, 0, count));
        decoded = out.array();
        decodedPosition = out.arrayOffset() + out.position();
        decodedLength = out.arrayOffset() + out.limit();
    }

    /** Keeps the characters after {@code count} (an incomplete quad) for the next chunk. */
    private void shiftRemainder(int count) {
        System.arraycopy(quads, count, quads, 0, quadLength - count);
        quadLength -= count;
    }

    private static boolean isAlphabet(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private EdxmlException bad(String detail) {
        return new EdxmlException(EdxmlError.BAD_BASE64, path, detail);
    }

    @Override
    public void close() throws IOException {
        text.close();
    }
}
