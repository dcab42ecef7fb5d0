package vn.lienthong.edxml.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Base64;

import vn.lienthong.edxml.EdxmlError;
import vn.lienthong.edxml.EdxmlException;

/**
 * Decodes base64 text as it is read, a chunk at a time, so that an attachment of any size passes through a
 * small buffer. Whitespace (line breaks of MIME-style writers) is skipped; any other character outside the
 * standard alphabet, or data after the padding, is an error naming the attachment.
 */
final class Base64DecodingInputStream extends InputStream {

    private static final int CHUNK = 16 * 1024;

    private final Reader text;
    private final String path;
    private final char[] chars = new char[CHUNK];
    private final byte[] quads = new byte[CHUNK + 4];
    private int quadLength;
    private byte[] decoded = new byte[0];
    private int decodedPosition;
    private boolean paddingSeen;
    private boolean finished;
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
        while (decodedPosition == decoded.length) {
            if (finished) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, decoded.length - decodedPosition);
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
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            charsRead++;
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (c == '=') {
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
            decoded = Base64.getDecoder().decode(java.util.Arrays.copyOf(quads, count));
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        decodedPosition = 0;
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
