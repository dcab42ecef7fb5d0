package vn.lienthong.edxml.model;

import java.util.List;

/**
 * The MessageHeader of a document packet, element by element as QCVN 102:2016 defines it. Values are
 * kept as written (dates, numbers) so that a packet is written back as it came; {@code extensions} holds
 * elements this model does not interpret (ApplicationType, ReplyFors, ...).
 */
public record MessageHeader(Organization from, List<Organization> to, String documentId, DocumentCode code,
                            PromulgationInfo promulgationInfo, DocumentType documentType, String subject,
                            String content, SignerInfo signerInfo, String dueDate, OtherInfo otherInfo,
                            List<ResponseFor> responseFor, String steeringType, List<String> toPlaces,
                            List<XmlFragment> extensions) {

    public MessageHeader {
        to = to == null ? List.of() : List.copyOf(to);
        responseFor = responseFor == null ? List.of() : List.copyOf(responseFor);
        toPlaces = toPlaces == null ? null : List.copyOf(toPlaces);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    public MessageHeader withFrom(Organization newFrom) {
        return new MessageHeader(newFrom, to, documentId, code, promulgationInfo, documentType, subject, content,
                signerInfo, dueDate, otherInfo, responseFor, steeringType, toPlaces, extensions);
    }

    public MessageHeader withTo(List<Organization> newTo) {
        return new MessageHeader(from, newTo, documentId, code, promulgationInfo, documentType, subject, content,
                signerInfo, dueDate, otherInfo, responseFor, steeringType, toPlaces, extensions);
    }

    public MessageHeader withDocumentId(String newDocumentId) {
        return new MessageHeader(from, to, newDocumentId, code, promulgationInfo, documentType, subject, content,
                signerInfo, dueDate, otherInfo, responseFor, steeringType, toPlaces, extensions);
    }

    public MessageHeader withResponseFor(List<ResponseFor> newResponseFor) {
        return new MessageHeader(from, to, documentId, code, promulgationInfo, documentType, subject, content,
                signerInfo, dueDate, otherInfo, newResponseFor, steeringType, toPlaces, extensions);
    }

    /** Priority 0..4 from OtherInfo, 0 when absent. */
    public int priorityLevel() {
        return otherInfo == null ? 0 : otherInfo.priorityLevel();
    }
}
