package vn.lienthong.edxml.model;

/** Loại văn bản. The meaning of Type codes differs between senders; TypeName is the informative field. */
public record DocumentType(String type, String typeDetail, String typeName) {
}
