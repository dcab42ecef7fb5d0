package vn.lienthong.trust.zip;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * What a file is, by its first bytes (never by its name or declared content type: senders put the original MIME
 * type on a zipped attachment, and a bare PDF on one declared {@code application/zip}).
 */
public enum FileMagic {
    /** Starts with a ZIP local file header {@code PK\x03\x04}. */
    ZIP,
    /** {@code %PDF-} within the first 1024 bytes (where PDF readers look for it). */
    PDF,
    OTHER;

    /** How many bytes {@link #of(byte[], int)} looks at; mark a stream for at least this many. */
    public static final int SNIFF_LENGTH = 1024;

    private static final byte[] PDF_HEADER = {'%', 'P', 'D', 'F', '-'};

    /** Classifies the first {@code length} bytes of {@code head}. */
    public static FileMagic of(byte[] head, int length) {
        if (length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return ZIP;
        }
        int limit = Math.min(length, SNIFF_LENGTH) - PDF_HEADER.length;
        for (int i = 0; i <= limit; i++) {
            if (matchesAt(head, i, PDF_HEADER)) {
                return PDF;
            }
        }
        return OTHER;
    }

    /**
     * Classifies a stream without consuming it: {@code in} must support mark/reset (a {@link BufferedInputStream}
     * of at least {@link #SNIFF_LENGTH} bytes does).
     */
    public static FileMagic peek(InputStream in) throws IOException {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("the stream must support mark/reset");
        }
        byte[] head = new byte[SNIFF_LENGTH];
        in.mark(SNIFF_LENGTH);
        int length = 0;
        try {
            while (length < head.length) {
                int n = in.read(head, length, head.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
            }
        } finally {
            in.reset();
        }
        return of(head, length);
    }

    private static boolean matchesAt(byte[] data, int offset, byte[] pattern) {
        for (int j = 0; j < pattern.length; j++) {
            if (data[offset + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }
}
