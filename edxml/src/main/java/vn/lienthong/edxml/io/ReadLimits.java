package vn.lienthong.edxml.io;

/**
 * Bounds a reader puts on what a packet may make it hold in memory. Attachment content is streamed and
 * is not bounded here: the caller bounds the packet's total size.
 *
 * @param maxFieldChars  longest text of one header field (a Subject, a Description)
 * @param maxDepth       deepest element nesting
 * @param maxAttachments most attachments in one packet
 * @param maxRepeats     most repetitions of one header element (To, ResponseFor, TraceHeader, Place, ...)
 */
public record ReadLimits(int maxFieldChars, int maxDepth, int maxAttachments, int maxRepeats) {

    public static final ReadLimits DEFAULT = new ReadLimits(64 * 1024, SecureXml.MAX_ELEMENT_DEPTH, 1000, 10_000);
}
