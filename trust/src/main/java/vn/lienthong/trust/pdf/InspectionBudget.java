package vn.lienthong.trust.pdf;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * What checking the attachments of one packet may cost, over all of them together: PDF signatures verified and
 * bytes of files unpacked (the files inside ZIPs, or an attachment itself when it is not a ZIP). One per packet,
 * used by one thread. Crossing a bound throws {@link Exceeded} at once: before the signatures of a PDF are
 * verified, and while the bytes are being inflated, never after the work is done.
 */
public final class InspectionBudget {

    /** Which bound was crossed. */
    public enum Limit { PDF_SIGNATURES, UNPACKED_BYTES }

    /** A bound crossed: the packet costs more than it may. */
    public static final class Exceeded extends IOException {
        private static final long serialVersionUID = 1L;

        private final Limit limit;
        private final long max;

        Exceeded(Limit limit, long max) {
            super(limit + " over " + max);
            this.limit = limit;
            this.max = max;
        }

        public Limit limit() {
            return limit;
        }

        public long max() {
            return max;
        }
    }

    private final int maxSignatures;
    private final long maxUnpackedBytes;
    private int signatures;
    private long unpacked;

    public InspectionBudget(int maxSignatures, long maxUnpackedBytes) {
        if (maxSignatures < 0 || maxUnpackedBytes < 0) {
            throw new IllegalArgumentException("bounds must not be negative");
        }
        this.maxSignatures = maxSignatures;
        this.maxUnpackedBytes = maxUnpackedBytes;
    }

    /** No bound (a packet checked again outside the intake, already bounded when it was accepted). */
    public static InspectionBudget unbounded() {
        return new InspectionBudget(Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    /** Takes {@code count} signatures about to be verified. */
    public void takeSignatures(int count) throws Exceeded {
        if ((long) signatures + count > maxSignatures) {
            throw new Exceeded(Limit.PDF_SIGNATURES, maxSignatures);
        }
        signatures += count;
    }

    /** Counts what is read of {@code file} against the unpacked bytes. */
    public InputStream unpacking(InputStream file) {
        return new FilterInputStream(file) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    take(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    take(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                take(skipped);
                return skipped;
            }

            @Override
            public boolean markSupported() {
                return false;
            }
        };
    }

    private void take(long bytes) throws Exceeded {
        unpacked += bytes;
        if (unpacked > maxUnpackedBytes) {
            throw new Exceeded(Limit.UNPACKED_BYTES, maxUnpackedBytes);
        }
    }

    public int signatures() {
        return signatures;
    }

    public long unpackedBytes() {
        return unpacked;
    }
}
