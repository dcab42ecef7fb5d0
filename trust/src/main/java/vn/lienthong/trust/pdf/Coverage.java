package vn.lienthong.trust.pdf;

/** How much of the file a signature's byte range covers. */
public enum Coverage {
    /** Everything but the signature value itself: the document is exactly what was signed. */
    WHOLE_DOCUMENT,
    /**
     * An earlier revision of the file; what was appended after it only adds further signatures (their fields,
     * appearances and validation data) or document metadata: the content is what was signed. This is the normal
     * state of the first signature when a second one follows (the signer, then the organisation).
     */
    EARLIER_REVISION,
    /** An earlier revision, and what was appended after it changes the document (or could not be analysed). */
    MODIFIED_AFTER,
    /** The byte range is not usable (missing, out of the file, or it excludes more than the signature value). */
    INVALID_RANGE
}
