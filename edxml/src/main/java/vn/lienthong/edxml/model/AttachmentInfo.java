package vn.lienthong.edxml.model;

/**
 * The metadata of one AttachmentEncoded/Attachment (its content travels separately, as a stream).
 * ContentType may differ from the manifest's: senders zip files yet keep the original type.
 */
public record AttachmentInfo(String contentId, String attachmentName, String description, String contentType) {

    /** The content id without its "cid:" prefix: manifests and attachments do not always agree on it. */
    public String bareContentId() {
        return ContentIds.bare(contentId);
    }
}
