package vn.lienthong.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import vn.lienthong.edxml.Edxml;
import vn.lienthong.edxml.io.EdxmlReader;
import vn.lienthong.edxml.model.AttachmentInfo;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.PacketHeader;
import vn.lienthong.edxml.model.StatusCode;
import vn.lienthong.edxml.model.StatusHeader;
import vn.lienthong.edxml.model.XmlFragment;

/**
 * What `edxml inspect` prints: the header as the model reads it, the kind of signature block, and each
 * attachment's metadata with its decoded size (content is counted, never printed).
 */
record PacketSummary(String messageType, Object header, String signature, List<AttachmentSummary> attachments) {

    record AttachmentSummary(AttachmentInfo info, long decodedBytes, boolean zip) {
    }

    /** A header without its raw signature block, which the summary describes in one word instead. */
    record EdocView(Object messageHeader, Object traceHeaderList, Object manifest, String businessDocType,
                    int priority) {
    }

    /** A status header without its raw signature block, with the code's name. */
    record StatusView(Object from, Object responseFor, Object staffInfo, String statusCode, String statusName,
                      String description, String timestamp, Object traceHeaderList) {
    }

    static PacketSummary read(EdxmlReader reader) throws IOException {
        PacketHeader header = reader.header();
        Object view = header;
        if (header instanceof EdocHeader edoc) {
            view = new EdocView(edoc.messageHeader(), edoc.traceHeaderList(), edoc.manifest(),
                    edoc.businessDocType().name(), edoc.messageHeader().priorityLevel());
        } else if (header instanceof StatusHeader status) {
            view = new StatusView(status.from(), status.responseFor(), status.staffInfo(), status.statusCode(),
                    StatusCode.fromCode(status.statusCode()).map(StatusCode::label).orElse(null),
                    status.description(), status.timestamp(), status.traceHeaderList());
        }
        List<AttachmentSummary> attachments = new ArrayList<>();
        for (EdxmlReader.Attachment a; (a = reader.nextAttachment()) != null; ) {
            try (InputStream content = a.openStream()) {
                byte[] magic = content.readNBytes(4);
                long size = magic.length + content.transferTo(OutputStream.nullOutputStream());
                boolean zip = magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
                attachments.add(new AttachmentSummary(a.info(), size, zip));
            }
        }
        return new PacketSummary(header.messageType(), view, signatureKind(header.signature()), attachments);
    }

    /** "none", "xmldsig" (a real XML-DSig block) or "placeholder" (the SDK's block outside the XML-DSig namespace). */
    static String signatureKind(XmlFragment signature) {
        if (signature == null) {
            return "none";
        }
        return Edxml.XMLDSIG_NAMESPACE.equals(signature.namespace()) ? "xmldsig" : "placeholder";
    }
}
