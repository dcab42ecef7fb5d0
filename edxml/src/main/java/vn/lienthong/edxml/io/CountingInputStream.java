package vn.lienthong.edxml.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that reports every byte read or skipped through it to {@link #counted}, which may refuse to go on by
 * throwing: the one place where the packet's readers bound what they read.
 */
public abstract class CountingInputStream extends FilterInputStream {

    protected CountingInputStream(InputStream in) {
        super(in);
    }

    /** Called after {@code n} (> 0) more bytes were read or skipped. */
    protected abstract void counted(long n) throws IOException;

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            counted(skipped);
        }
        return skipped;
    }
}
