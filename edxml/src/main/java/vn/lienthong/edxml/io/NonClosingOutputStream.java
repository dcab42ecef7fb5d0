package vn.lienthong.edxml.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Hands a stream to a writer that closes what it is given (a transformer, a Base64 wrapper, a JSON writer) while
 * the caller keeps it open: {@link #close} only flushes.
 */
public final class NonClosingOutputStream extends FilterOutputStream {

    public NonClosingOutputStream(OutputStream out) {
        super(out);
    }

    /** Straight through: {@link FilterOutputStream} would write the array a byte at a time. */
    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        out.write(buffer, offset, length);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
