package vn.lienthong.trust.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.CMSTypedData;

/**
 * A signature's {@code /ByteRange [a b c d]}: the signed bytes are {@code [a, a+b)} and {@code [c, c+d)} of the
 * file; the gap between them should hold exactly the {@code /Contents} hex string. Streams the signed bytes
 * straight from the file, never holding them.
 */
final class ByteRange {

    private static final int CHUNK = 64 * 1024;

    private final long[] values;

    private ByteRange(long[] values) {
        this.values = values;
    }

    /** The four integers of {@code /ByteRange}, or null when it is missing or not four non-negative integers. */
    static ByteRange of(COSDictionary signature) {
        COSBase base = signature.getItem(COSName.BYTERANGE);
        if (base instanceof COSObject object) {
            base = object.getObject();
        }
        if (!(base instanceof COSArray array) || array.size() != 4) {
            return null;
        }
        long[] values = new long[4];
        for (int i = 0; i < 4; i++) {
            COSBase item = array.getObject(i);
            if (!(item instanceof COSInteger integer) || integer.longValue() < 0) {
                return null;
            }
            values[i] = integer.longValue();
        }
        return new ByteRange(values);
    }

    long start() {
        return values[0];
    }

    long gapStart() {
        return values[0] + values[1];
    }

    long gapEnd() {
        return values[2];
    }

    /** Where the signed bytes end: the length of the revision that was signed. */
    long end() {
        return values[2] + values[3];
    }

    /** How many bytes are signed. */
    long signedLength() {
        return values[1] + values[3];
    }

    /** Whether the two ranges are in order and inside a file of {@code size} bytes. */
    boolean fitsIn(long size) {
        return values[1] > 0 && gapStart() <= gapEnd() && end() <= size && end() >= gapEnd();
    }

    @Override
    public String toString() {
        return "[" + values[0] + " " + values[1] + " " + values[2] + " " + values[3] + "]";
    }

    /** The signed bytes of {@code bytes}, as detached content for Bouncy Castle's CMS verification. */
    CMSTypedData content(PdfBytes bytes) {
        return new CMSTypedData() {
            @Override
            public ASN1ObjectIdentifier getContentType() {
                return CMSObjectIdentifiers.data;
            }

            @Override
            public void write(OutputStream out) throws IOException {
                try (InputStream in = open(bytes)) {
                    in.transferTo(out);
                }
            }

            /** Not null: Bouncy Castle takes content whose getContent() is null for absent content. */
            @Override
            public Object getContent() {
                return ByteRange.this;
            }
        };
    }

    /** Streams the signed bytes of {@code source} (both parts, in order). */
    InputStream open(PdfBytes source) {
        return new SegmentInput(source, new long[] {values[0], gapStart(), values[2], end()});
    }

    /** Reads {@code [bounds[0], bounds[1])} then {@code [bounds[2], bounds[3])} by positional reads. */
    private static final class SegmentInput extends InputStream {
        private final PdfBytes source;
        private final long[] bounds;
        private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        private int segment;
        private long position;

        SegmentInput(PdfBytes source, long[] bounds) {
            this.source = source;
            this.bounds = bounds;
            this.position = bounds[0];
            buffer.limit(0);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!buffer.hasRemaining()) {
                if (!fill()) {
                    return -1;
                }
            }
            int n = Math.min(len, buffer.remaining());
            buffer.get(b, off, n);
            return n;
        }

        private boolean fill() throws IOException {
            while (segment < 2 && position >= bounds[segment * 2 + 1]) {
                segment++;
                if (segment < 2) {
                    position = bounds[segment * 2];
                }
            }
            if (segment >= 2) {
                return false;
            }
            long end = bounds[segment * 2 + 1];
            buffer.clear();
            buffer.limit((int) Math.min(CHUNK, end - position));
            int n = source.read(buffer, position);
            if (n < 0) {
                throw new IOException("the file ends inside the signed range");
            }
            position += n;
            buffer.flip();
            return true;
        }
    }
}
