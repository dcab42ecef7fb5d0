package vn.lienthong.trust.pdf;

/** A sentence for the reader, in Vietnamese and English: an observation that is not by itself a failure. */
public record Note(String vi, String en) {
}
