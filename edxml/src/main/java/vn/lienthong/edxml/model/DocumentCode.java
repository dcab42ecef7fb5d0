package vn.lienthong.edxml.model;

/** Số and ký hiệu of a document, kept apart: Party numbering ("15671-CV/VPTW") does not split on '/'. */
public record DocumentCode(String codeNumber, String codeNotation) {

    /** The way people write it: "7816/VPCP-TTĐT". */
    public String display() {
        if (codeNumber == null || codeNumber.isEmpty()) {
            return codeNotation == null ? "" : codeNotation;
        }
        return codeNotation == null || codeNotation.isEmpty() ? codeNumber : codeNumber + "/" + codeNotation;
    }
}
