package vn.lienthong.edxml.model;

/** The document being answered, revoked or reported on. All parts are optional: an empty element occurs. */
public record ResponseFor(String organId, String code, String promulgationDate, String documentId) {
}
