package vn.lienthong.trust.zip;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives each file of an attachment from {@link SafeUnzip}, in archive order. The content stream is valid only
 * during the call; closing it is allowed and does not close the archive. Whatever the handler leaves unread is
 * read on after it returns (the limits still apply to it), so a handler may stop early.
 */
@FunctionalInterface
public interface EntryHandler {

    void onFile(UnzipEntry entry, InputStream content) throws IOException;
}
