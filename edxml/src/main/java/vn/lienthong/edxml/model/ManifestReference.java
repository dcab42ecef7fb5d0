package vn.lienthong.edxml.model;

/** One entry of edXMLManifest: the attachment's content id ("cid:..."), type, description and name. */
public record ManifestReference(String contentId, String contentType, String description, String attachmentName) {
}
