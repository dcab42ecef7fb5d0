package vn.lienthong.edxml.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import vn.lienthong.edxml.Edxml;
import vn.lienthong.edxml.EdxmlError;
import vn.lienthong.edxml.EdxmlException;
import vn.lienthong.edxml.model.Bussiness;
import vn.lienthong.edxml.model.BussinessDocumentInfo;
import vn.lienthong.edxml.model.DocumentCode;
import vn.lienthong.edxml.model.DocumentType;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.ManifestReference;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.OtherInfo;
import vn.lienthong.edxml.model.PacketHeader;
import vn.lienthong.edxml.model.PromulgationInfo;
import vn.lienthong.edxml.model.Receiver;
import vn.lienthong.edxml.model.ReplacementInfo;
import vn.lienthong.edxml.model.ResponseFor;
import vn.lienthong.edxml.model.SignerInfo;
import vn.lienthong.edxml.model.StaffInfo;
import vn.lienthong.edxml.model.StatusHeader;
import vn.lienthong.edxml.model.TraceHeader;
import vn.lienthong.edxml.model.TraceHeaderList;
import vn.lienthong.edxml.model.XmlFragment;

/**
 * Reads the edXMLEnvelope of a packet into its {@link PacketHeader}: the header (MessageHeader, TraceHeaderList,
 * the XML signature kept as a fragment) and the body's manifest. Children may come in any order; an element that
 * may come once is refused the second time; unknown elements are skipped, or kept as extensions inside
 * MessageHeader. Works on {@link EdxmlReader}'s cursor, which it leaves after the envelope's end.
 */
final class EnvelopeReader {

    private static final Set<String> ENVELOPE_SINGLETONS = Set.of("edXMLHeader", "edXMLBody");
    private static final Set<String> HEADER_SINGLETONS = Set.of("MessageHeader", "TraceHeaderList");
    /** Every child of MessageHeader the reader knows, except To and ResponseFor, which may repeat. */
    private static final Set<String> MESSAGE_SINGLETONS = Set.of("From", "DocumentId", "Code", "PromulgationInfo",
            "DocumentType", "Subject", "Content", "SignerInfo", "DueDate", "OtherInfo", "SteeringType", "ToPlaces",
            "StaffInfo", "StatusCode", "Description", "Timestamp");

    private final XmlCursor cursor;
    private final XMLStreamReader xml;

    EnvelopeReader(XmlCursor cursor) {
        this.cursor = cursor;
        this.xml = cursor.xml();
    }

    /** Reads from just inside edXMLEnvelope to its end. */
    PacketHeader read() throws EdxmlException {
        HeaderParts parts = new HeaderParts();
        Set<String> seen = new HashSet<>();
        while (cursor.nextChild() == XMLStreamConstants.START_ELEMENT) {
            cursor.onceIfSingleton(seen, ENVELOPE_SINGLETONS);
            switch (cursor.edxmlName()) {
                case "edXMLHeader" -> readHeaderElement(parts);
                case "edXMLBody" -> readBody(parts);
                default -> cursor.skipElement();
            }
        }
        cursor.pop();
        if (parts.message == null) {
            throw new EdxmlException(EdxmlError.MISSING_FIELD, "/edXML/edXMLEnvelope/edXMLHeader/MessageHeader",
                    "thiếu MessageHeader");
        }
        return parts.build();
    }

    /** Mutable collector for the parts of an envelope, which may come in any order. */
    private static final class HeaderParts {
        MessageFields message;
        TraceHeaderList traces;
        XmlFragment signature;
        String manifestVersion;
        List<ManifestReference> manifest;

        PacketHeader build() {
            if (message.statusCode != null) {
                return new StatusHeader(message.from, message.responseFor.isEmpty() ? null : message.responseFor.get(0),
                        message.staffInfo, message.statusCode, message.description, message.timestamp,
                        message.extensions, traces, signature);
            }
            MessageHeader header = new MessageHeader(message.from, message.to, message.documentId, message.code,
                    message.promulgationInfo, message.documentType, message.subject, message.content,
                    message.signerInfo, message.dueDate, message.otherInfo, message.responseFor,
                    message.steeringType, message.toPlaces, message.extensions);
            return new EdocHeader(header, traces, signature, manifestVersion, manifest);
        }
    }

    /** Every child a MessageHeader may have, for documents and statuses alike. */
    private static final class MessageFields {
        Organization from;
        final List<Organization> to = new ArrayList<>();
        String documentId;
        DocumentCode code;
        PromulgationInfo promulgationInfo;
        DocumentType documentType;
        String subject;
        String content;
        SignerInfo signerInfo;
        String dueDate;
        OtherInfo otherInfo;
        final List<ResponseFor> responseFor = new ArrayList<>();
        String steeringType;
        List<String> toPlaces;
        StaffInfo staffInfo;
        String statusCode;
        String description;
        String timestamp;
        final List<XmlFragment> extensions = new ArrayList<>();
    }

    private void readHeaderElement(HeaderParts parts) throws EdxmlException {
        Set<String> seen = new HashSet<>();
        while (cursor.nextChild() == XMLStreamConstants.START_ELEMENT) {
            if ("Signature".equals(xml.getLocalName())) {
                cursor.once(seen, "Signature");
                parts.signature = cursor.readFragment();
                continue;
            }
            cursor.onceIfSingleton(seen, HEADER_SINGLETONS);
            switch (cursor.edxmlName()) {
                case "MessageHeader" -> parts.message = readMessageHeader();
                case "TraceHeaderList" -> parts.traces = readTraceHeaderList();
                default -> cursor.skipElement();
            }
        }
        cursor.pop();
    }

    private MessageFields readMessageHeader() throws EdxmlException {
        MessageFields m = new MessageFields();
        Set<String> seen = new HashSet<>();
        while (cursor.nextChild() == XMLStreamConstants.START_ELEMENT) {
            cursor.onceIfSingleton(seen, MESSAGE_SINGLETONS);
            switch (cursor.edxmlName()) {
                case "From" -> m.from = readOrganization();
                case "To" -> cursor.add(m.to, readOrganization());
                case "DocumentId" -> m.documentId = cursor.readText();
                case "Code" -> m.code = readCode();
                case "PromulgationInfo" -> m.promulgationInfo = readPromulgationInfo();
                case "DocumentType" -> m.documentType = readDocumentType();
                case "Subject" -> m.subject = cursor.readText();
                case "Content" -> m.content = cursor.readText();
                case "SignerInfo" -> m.signerInfo = readSignerInfo();
                case "DueDate" -> m.dueDate = cursor.readText();
                case "OtherInfo" -> m.otherInfo = readOtherInfo();
                case "ResponseFor" -> cursor.add(m.responseFor, readResponseFor());
                case "SteeringType" -> m.steeringType = cursor.readText();
                case "ToPlaces" -> m.toPlaces = cursor.readTextList("Place");
                case "StaffInfo" -> m.staffInfo = readStaffInfo();
                case "StatusCode" -> m.statusCode = cursor.readText();
                case "Description" -> m.description = cursor.readText();
                case "Timestamp" -> m.timestamp = cursor.readText();
                default -> cursor.add(m.extensions, cursor.readFragment());
            }
        }
        cursor.pop();
        return m;
    }

    private Organization readOrganization() throws EdxmlException {
        Map<String, String> f = cursor.readTextFields("OrganId", "OrganizationInCharge", "OrganName", "OrganAdd", "Email",
                "Telephone", "Fax", "Website");
        return new Organization(f.get("OrganId"), f.get("OrganizationInCharge"), f.get("OrganName"), f.get("OrganAdd"),
                f.get("Email"), f.get("Telephone"), f.get("Fax"), f.get("Website"));
    }

    private DocumentCode readCode() throws EdxmlException {
        Map<String, String> f = cursor.readTextFields("CodeNumber", "CodeNotation");
        return new DocumentCode(f.get("CodeNumber"), f.get("CodeNotation"));
    }

    private PromulgationInfo readPromulgationInfo() throws EdxmlException {
        Map<String, String> f = cursor.readTextFields("Place", "PromulgationDate");
        return new PromulgationInfo(f.get("Place"), f.get("PromulgationDate"));
    }

    private DocumentType readDocumentType() throws EdxmlException {
        Map<String, String> f = cursor.readTextFields("Type", "TypeDetail", "TypeName");
        return new DocumentType(f.get("Type"), f.get("TypeDetail"), f.get("TypeName"));
    }

    private SignerInfo readSignerInfo() throws EdxmlException {
        Map<String, String> f = cursor.readTextFields("Competence", "Position", "FullName");
        return new SignerInfo(f.get("Competence"), f.get("Position"), f.get("FullName"));
    }

    private OtherInfo readOtherInfo() throws EdxmlException {
        String priority = null, sphere = null, typer = null, amount = null, pages = null, direction = null;
        List<String> appendixes = null;
        String classification = null;
        Set<String> seen = new HashSet<>();
        while (cursor.nextChild() == XMLStreamConstants.START_ELEMENT) {
            if (Edxml.LIENTHONG_NAMESPACE.equals(xml.getNamespaceURI()) && "Classification".equals(xml.getLocalName())) {
                cursor.once(seen, "lt:Classification");
                classification = cursor.readText();
                continue;
            }
            cursor.once(seen, cursor.edxmlName());
            switch (cursor.edxmlName()) {
                case "Priority" -> priority = cursor.readText();
                case "SphereOfPromulgation" -> sphere = cursor.readText();
                case "TyperNotation" -> typer = cursor.readText();
                case "PromulgationAmount" -> amount = cursor.readText();
                case "PageAmount" -> pages = cursor.readText();
                case "Direction" -> direction = cursor.readText();
                case "Appendixes" -> appendixes = cursor.readTextList("Appendix");
                default -> cursor.skipElement();
            }
        }
        cursor.pop();
        return new OtherInfo(priority, sphere, typer, amount, pages, direction, appendixes, classification);
    }

    private ResponseFor readResponseFor() throws EdxmlException {
        Map<String, String> f = cursor.readTextFields("OrganId", "Code", "PromulgationDate", "DocumentId");
        return new ResponseFor(f.get("OrganId"), f.get("Code"), f.get("PromulgationDate"), f.get("DocumentId"));
    }

    private StaffInfo readStaffInfo() throws EdxmlException {
        Map<String, String> f = cursor.readTextFields("Department", "Staff", "Email", "Mobile");
        return new StaffInfo(f.get("Department"), f.get("Staff"), f.get("Email"), f.get("Mobile"));
    }

    private TraceHeaderList readTraceHeaderList() throws EdxmlException {
        List<XmlFragment.Attribute> attributes = cursor.attributes();
        List<TraceHeader> hops = new ArrayList<>();
        Bussiness bussiness = null;
        Set<String> seen = new HashSet<>();
        while (cursor.nextChild() == XMLStreamConstants.START_ELEMENT) {
            switch (cursor.edxmlName()) {
                case "TraceHeader" -> cursor.add(hops, readTraceHeader());
                case "Bussiness" -> {
                    cursor.once(seen, "Bussiness");
                    bussiness = readBussiness();
                }
                default -> cursor.skipElement();
            }
        }
        cursor.pop();
        return new TraceHeaderList(attributes, hops, bussiness);
    }

    private TraceHeader readTraceHeader() throws EdxmlException {
        Map<String, String> f = cursor.readTextFields("OrganId", "Timestamp");
        return new TraceHeader(f.get("OrganId"), f.get("Timestamp"));
    }

    private Bussiness readBussiness() throws EdxmlException {
        String documentId = null, type = null, reason = null, paper = null;
        BussinessDocumentInfo info = null;
        List<ReplacementInfo> replacements = null;
        StaffInfo staff = null;
        Set<String> seen = new HashSet<>();
        while (cursor.nextChild() == XMLStreamConstants.START_ELEMENT) {
            cursor.once(seen, cursor.edxmlName());
            switch (cursor.edxmlName()) {
                case "DocumentId" -> documentId = cursor.readText();
                case "BussinessDocType" -> type = cursor.readText();
                case "BussinessDocReason" -> reason = cursor.readText();
                case "Paper" -> paper = cursor.readText();
                case "BussinessDocumentInfo" -> info = readBussinessDocumentInfo();
                case "ReplacementInfoList" -> replacements = readReplacementInfoList();
                case "StaffInfo" -> staff = readStaffInfo();
                default -> cursor.skipElement();
            }
        }
        cursor.pop();
        return new Bussiness(documentId, type, reason, paper, info, replacements, staff);
    }

    private BussinessDocumentInfo readBussinessDocumentInfo() throws EdxmlException {
        String documentInfo = null, documentReceiver = null;
        List<Receiver> receivers = null;
        Set<String> seen = new HashSet<>();
        while (cursor.nextChild() == XMLStreamConstants.START_ELEMENT) {
            cursor.once(seen, cursor.edxmlName());
            switch (cursor.edxmlName()) {
                case "DocumentInfo" -> documentInfo = cursor.readText();
                case "DocumentReceiver" -> documentReceiver = cursor.readText();
                case "ReceiverList" -> receivers = readReceiverList();
                default -> cursor.skipElement();
            }
        }
        cursor.pop();
        return new BussinessDocumentInfo(documentInfo, documentReceiver, receivers);
    }

    private List<Receiver> readReceiverList() throws EdxmlException {
        List<Receiver> receivers = new ArrayList<>();
        while (cursor.nextChild() == XMLStreamConstants.START_ELEMENT) {
            if (!"Receiver".equals(cursor.edxmlName())) {
                cursor.skipElement();
                continue;
            }
            Map<String, String> f = cursor.readTextFields("OrganId", "ReceiverType");
            cursor.add(receivers, new Receiver(f.get("OrganId"), f.get("ReceiverType")));
        }
        cursor.pop();
        return receivers;
    }

    private List<ReplacementInfo> readReplacementInfoList() throws EdxmlException {
        List<ReplacementInfo> list = new ArrayList<>();
        while (cursor.nextChild() == XMLStreamConstants.START_ELEMENT) {
            if (!"ReplacementInfo".equals(cursor.edxmlName())) {
                cursor.skipElement();
                continue;
            }
            String documentId = null;
            List<String> organIds = null;
            Set<String> seen = new HashSet<>();
            while (cursor.nextChild() == XMLStreamConstants.START_ELEMENT) {
                cursor.once(seen, cursor.edxmlName());
                switch (cursor.edxmlName()) {
                    case "DocumentId" -> documentId = cursor.readText();
                    case "OrganIdList" -> organIds = cursor.readTextList("OrganId");
                    default -> cursor.skipElement();
                }
            }
            cursor.pop();
            cursor.add(list, new ReplacementInfo(documentId, organIds));
        }
        cursor.pop();
        return list;
    }

    private void readBody(HeaderParts parts) throws EdxmlException {
        while (cursor.nextChild() == XMLStreamConstants.START_ELEMENT) {
            if (!"edXMLManifest".equals(cursor.edxmlName())) {
                cursor.skipElement();
                continue;
            }
            if (parts.manifest != null) {
                throw cursor.duplicate("edXMLManifest");
            }
            parts.manifestVersion = xml.getAttributeValue(null, "version");
            List<ManifestReference> references = new ArrayList<>();
            while (cursor.nextChild() == XMLStreamConstants.START_ELEMENT) {
                if (!"Reference".equals(cursor.edxmlName())) {
                    cursor.skipElement();
                    continue;
                }
                String contentId = null, contentType = null, description = null, name = null;
                Set<String> seen = new HashSet<>();
                while (cursor.nextChild() == XMLStreamConstants.START_ELEMENT) {
                    cursor.once(seen, cursor.edxmlName());
                    switch (cursor.edxmlName()) {
                        case "ContentId" -> contentId = cursor.readText();
                        case "ContentType" -> contentType = cursor.readText();
                        case "Description" -> description = cursor.readText();
                        case "AttachmentName" -> name = cursor.readText();
                        default -> cursor.skipElement();
                    }
                }
                cursor.pop();
                cursor.add(references, new ManifestReference(contentId, contentType, description, name));
            }
            cursor.pop();
            parts.manifest = references;
        }
        cursor.pop();
    }
}
