package vn.lienthong.edxml.validation;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.lienthong.edxml.Edxml;
import vn.lienthong.edxml.EdxmlError;
import vn.lienthong.edxml.EdxmlException;
import vn.lienthong.edxml.ValidationIssue;
import vn.lienthong.edxml.io.EdxmlReader;
import vn.lienthong.edxml.io.ReadLimits;
import vn.lienthong.edxml.model.AttachmentInfo;
import vn.lienthong.edxml.model.Bussiness;
import vn.lienthong.edxml.model.BusinessDocType;
import vn.lienthong.edxml.model.ContentIds;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.ManifestReference;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.OtherInfo;
import vn.lienthong.edxml.model.PacketHeader;
import vn.lienthong.edxml.model.ReplacementInfo;
import vn.lienthong.edxml.model.ResponseFor;
import vn.lienthong.edxml.model.StatusCode;
import vn.lienthong.edxml.model.StatusHeader;
import vn.lienthong.edxml.model.TraceHeader;

/**
 * Checks packets against QCVN 102:2016 as the national axis applies it, reporting every problem with the
 * path of the field and the reason. {@link #validateHeader} checks what the envelope says;
 * {@link #validate(InputStream)} reads a whole packet, decoding (and discarding) every attachment so that
 * bad base64 and manifest mismatches are found too.
 */
public final class EdxmlValidator {

    private static final String HEADER = "/edXML/edXMLEnvelope/edXMLHeader";
    private static final String MESSAGE = HEADER + "/MessageHeader";
    private static final String MANIFEST = "/edXML/edXMLEnvelope/edXMLBody/edXMLManifest";

    private final ReadLimits limits;

    public EdxmlValidator() {
        this(ReadLimits.DEFAULT);
    }

    public EdxmlValidator(ReadLimits limits) {
        this.limits = limits;
    }

    /**
     * Sees each attachment's decoded content while {@link #validate(InputStream, AttachmentConsumer)} reads the
     * packet, so that a caller who also wants the content (to check the PDFs in it) needs no second read.
     */
    @FunctionalInterface
    public interface AttachmentConsumer {
        /**
         * @param content the decoded bytes; what the consumer leaves unread is still decoded and checked after it
         *                returns, and a base64 error is the packet's issue even if the consumer caught it
         */
        void accept(AttachmentInfo info, InputStream content) throws IOException;
    }

    /** Reads and checks a whole packet; a packet that cannot be read yields that one issue. */
    public List<ValidationIssue> validate(InputStream packet) throws IOException {
        return validate(packet, (info, content) -> { });
    }

    /**
     * Reads and checks a whole packet in one pass, handing each attachment's decoded content to {@code consumer}
     * on the way; a packet that cannot be read yields that one issue.
     */
    public List<ValidationIssue> validate(InputStream packet, AttachmentConsumer consumer) throws IOException {
        List<ValidationIssue> issues = new ArrayList<>();
        try (EdxmlReader reader = EdxmlReader.open(packet, limits)) {
            PacketHeader header = reader.header();
            issues.addAll(validateHeader(header));
            Map<String, Integer> attachments = new LinkedHashMap<>();
            for (EdxmlReader.Attachment attachment; (attachment = reader.nextAttachment()) != null; ) {
                try (FailureKeeping content = new FailureKeeping(attachment.openStream())) {
                    consumer.accept(attachment.info(), content);
                    content.rethrow();
                    content.transferTo(OutputStream.nullOutputStream());
                }
                String id = attachment.info().bareContentId();
                if (id == null || id.isEmpty()) {
                    issues.add(new ValidationIssue(attachment.path() + "/ContentId", EdxmlError.MISSING_FIELD,
                            "tệp đính kèm thiếu ContentId"));
                } else if (attachments.put(id, attachment.index()) != null) {
                    issues.add(new ValidationIssue(attachment.path() + "/ContentId", EdxmlError.DUPLICATE_CONTENT_ID,
                            id));
                }
                if (!attachment.hasContent()) {
                    issues.add(new ValidationIssue(attachment.path() + "/ContentTransferEncoded",
                            EdxmlError.MISSING_FIELD, "tệp đính kèm không có nội dung"));
                }
            }
            issues.addAll(crossCheck(header, attachments));
        } catch (EdxmlException e) {
            issues.add(e.toIssue());
        }
        return issues;
    }

    /** Keeps the first decoding error of an attachment, so that a consumer cannot swallow it. */
    private static final class FailureKeeping extends FilterInputStream {
        private EdxmlException failure;

        FailureKeeping(InputStream decoded) {
            super(decoded);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (EdxmlException e) {
                throw kept(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (EdxmlException e) {
                throw kept(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (EdxmlException e) {
                throw kept(e);
            }
        }

        private EdxmlException kept(EdxmlException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }

        void rethrow() throws EdxmlException {
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** Every manifest Reference has its Attachment and every Attachment its Reference. */
    private static List<ValidationIssue> crossCheck(PacketHeader header, Map<String, Integer> attachments) {
        List<ValidationIssue> issues = new ArrayList<>();
        Set<String> referenced = new HashSet<>();
        int index = 0;
        for (ManifestReference reference : header.manifest()) {
            index++;
            String id = ContentIds.bare(reference.contentId());
            String where = MANIFEST + "/Reference[" + index + "]";
            if (id == null || id.isEmpty()) {
                issues.add(new ValidationIssue(where + "/ContentId", EdxmlError.MISSING_FIELD, "thiếu ContentId"));
                continue;
            }
            if (!referenced.add(id)) {
                issues.add(new ValidationIssue(where + "/ContentId", EdxmlError.DUPLICATE_CONTENT_ID, id));
            }
            if (!attachments.containsKey(id)) {
                issues.add(new ValidationIssue(where, EdxmlError.REFERENCE_WITHOUT_ATTACHMENT, reference.contentId()));
            }
        }
        for (Map.Entry<String, Integer> attachment : attachments.entrySet()) {
            if (!referenced.contains(attachment.getKey())) {
                issues.add(new ValidationIssue("/edXML/AttachmentEncoded/Attachment[" + attachment.getValue() + "]",
                        EdxmlError.ATTACHMENT_WITHOUT_REFERENCE, attachment.getKey()));
            }
        }
        return issues;
    }

    /** Checks the fields of an envelope. */
    public List<ValidationIssue> validateHeader(PacketHeader header) {
        Issues issues = new Issues();
        if (header instanceof EdocHeader edoc) {
            checkDocument(edoc, issues);
        } else if (header instanceof StatusHeader status) {
            checkStatus(status, issues);
        }
        if (header.traceHeaderList() != null) {
            int i = 0;
            for (TraceHeader hop : header.traceHeaderList().traceHeaders()) {
                i++;
                String where = HEADER + "/TraceHeaderList/TraceHeader[" + i + "]";
                timestamp(issues, where + "/Timestamp", hop.timestamp(), false);
            }
        }
        return issues.list;
    }

    private void checkDocument(EdocHeader edoc, Issues issues) {
        MessageHeader m = edoc.messageHeader();
        organization(issues, MESSAGE + "/From", m.from());
        if (m.to().isEmpty()) {
            issues.add(MESSAGE + "/To", EdxmlError.MISSING_FIELD, "cần ít nhất một đơn vị nhận (at least one To)");
        }
        for (int i = 0; i < m.to().size(); i++) {
            organization(issues, MESSAGE + "/To[" + (i + 1) + "]", m.to().get(i));
        }
        required(issues, MESSAGE + "/DocumentId", m.documentId());
        if (m.code() == null) {
            issues.add(MESSAGE + "/Code", EdxmlError.MISSING_FIELD, "thiếu số, ký hiệu văn bản");
        } else {
            required(issues, MESSAGE + "/Code/CodeNumber", m.code().codeNumber());
            required(issues, MESSAGE + "/Code/CodeNotation", m.code().codeNotation());
        }
        if (m.promulgationInfo() == null) {
            issues.add(MESSAGE + "/PromulgationInfo", EdxmlError.MISSING_FIELD, "thiếu ngày ban hành");
        } else {
            date(issues, MESSAGE + "/PromulgationInfo/PromulgationDate", m.promulgationInfo().promulgationDate(), true);
        }
        if (m.documentType() == null || (blank(m.documentType().type()) && blank(m.documentType().typeName()))) {
            issues.add(MESSAGE + "/DocumentType", EdxmlError.MISSING_FIELD, "thiếu loại văn bản (Type hoặc TypeName)");
        } else {
            number(issues, MESSAGE + "/DocumentType/Type", m.documentType().type());
            number(issues, MESSAGE + "/DocumentType/TypeDetail", m.documentType().typeDetail());
        }
        required(issues, MESSAGE + "/Subject", m.subject());
        date(issues, MESSAGE + "/DueDate", m.dueDate(), false);
        OtherInfo other = m.otherInfo();
        if (other != null) {
            String priority = other.priority();
            if (priority != null && !priority.trim().matches("[0-4]")) {
                issues.add(MESSAGE + "/OtherInfo/Priority", EdxmlError.BAD_PRIORITY, "'" + priority + "'");
            }
            number(issues, MESSAGE + "/OtherInfo/PromulgationAmount", other.promulgationAmount());
            number(issues, MESSAGE + "/OtherInfo/PageAmount", other.pageAmount());
        }
        number(issues, MESSAGE + "/SteeringType", m.steeringType());
        for (int i = 0; i < m.responseFor().size(); i++) {
            ResponseFor r = m.responseFor().get(i);
            String where = MESSAGE + "/ResponseFor[" + (i + 1) + "]";
            optionalAgency(issues, where + "/OrganId", r.organId());
            date(issues, where + "/PromulgationDate", r.promulgationDate(), false);
        }
        checkBusiness(edoc, issues);
    }

    /** A revocation, update or replacement must say which document it acts on. */
    private void checkBusiness(EdocHeader edoc, Issues issues) {
        if (edoc.traceHeaderList() == null || edoc.traceHeaderList().bussiness() == null) {
            return;
        }
        Bussiness b = edoc.traceHeaderList().bussiness();
        String where = HEADER + "/TraceHeaderList/Bussiness";
        if (b.bussinessDocType() != null && BusinessDocType.fromCode(b.bussinessDocType()).isEmpty()) {
            issues.add(where + "/BussinessDocType", EdxmlError.BAD_BUSINESS_DOC_TYPE, "'" + b.bussinessDocType() + "'");
            return;
        }
        boolean namesOriginal = !blank(b.documentId())
                || edoc.messageHeader().responseFor().stream().anyMatch(r -> !blank(r.documentId()));
        switch (b.kind()) {
            case REVOCATION, UPDATE -> {
                if (!namesOriginal) {
                    issues.add(where + "/DocumentId", EdxmlError.MISSING_ORIGINAL,
                            "cần Bussiness/DocumentId hoặc ResponseFor/DocumentId");
                }
            }
            case REPLACEMENT -> {
                List<ReplacementInfo> replaced = b.replacementInfos();
                boolean named = replaced != null && replaced.stream().anyMatch(r -> !blank(r.documentId()));
                if (!named && !namesOriginal) {
                    issues.add(where + "/ReplacementInfoList", EdxmlError.MISSING_ORIGINAL,
                            "cần ReplacementInfo/DocumentId của văn bản bị thay thế");
                }
            }
            default -> {
            }
        }
        if (b.bussinessDocumentInfo() != null && b.bussinessDocumentInfo().receivers() != null) {
            int i = 0;
            for (var receiver : b.bussinessDocumentInfo().receivers()) {
                i++;
                String at = where + "/BussinessDocumentInfo/ReceiverList/Receiver[" + i + "]";
                agency(issues, at + "/OrganId", receiver.organId());
                if (receiver.receiverType() != null && !receiver.receiverType().trim().matches("[01]")) {
                    issues.add(at + "/ReceiverType", EdxmlError.BAD_NUMBER, "ReceiverType phải là 0 hoặc 1");
                }
            }
        }
    }

    private void checkStatus(StatusHeader s, Issues issues) {
        organization(issues, MESSAGE + "/From", s.from());
        if (s.responseFor() == null) {
            issues.add(MESSAGE + "/ResponseFor", EdxmlError.MISSING_FIELD, "trạng thái phải chỉ rõ văn bản (ResponseFor)");
        } else {
            required(issues, MESSAGE + "/ResponseFor/DocumentId", s.responseFor().documentId());
            optionalAgency(issues, MESSAGE + "/ResponseFor/OrganId", s.responseFor().organId());
            date(issues, MESSAGE + "/ResponseFor/PromulgationDate", s.responseFor().promulgationDate(), false);
        }
        if (StatusCode.fromCode(s.statusCode()).isEmpty()) {
            issues.add(MESSAGE + "/StatusCode", EdxmlError.BAD_STATUS_CODE,
                    "'" + s.statusCode() + "' (hợp lệ: 01, 02, 03, 04, 05, 06, 13, 15, 16)");
        }
        timestamp(issues, MESSAGE + "/Timestamp", s.timestamp(), true);
    }

    private void organization(Issues issues, String where, Organization o) {
        if (o == null) {
            issues.add(where, EdxmlError.MISSING_FIELD, "thiếu thông tin cơ quan");
            return;
        }
        agency(issues, where + "/OrganId", o.organId());
    }

    private void agency(Issues issues, String where, String code) {
        if (blank(code)) {
            issues.add(where, EdxmlError.MISSING_FIELD, "thiếu mã định danh");
        } else if (!AgencyCodes.isValid(code.trim())) {
            issues.add(where, EdxmlError.BAD_AGENCY_CODE, "'" + code + "'");
        }
    }

    private void optionalAgency(Issues issues, String where, String code) {
        if (!blank(code) && !AgencyCodes.isValid(code.trim())) {
            issues.add(where, EdxmlError.BAD_AGENCY_CODE, "'" + code + "'");
        }
    }

    private static void required(Issues issues, String where, String value) {
        if (blank(value)) {
            issues.add(where, EdxmlError.MISSING_FIELD, null);
        }
    }

    private static void date(Issues issues, String where, String value, boolean required) {
        check(issues, where, value, required, Edxml.DATE, EdxmlError.BAD_DATE);
    }

    private static void timestamp(Issues issues, String where, String value, boolean required) {
        check(issues, where, value, required, Edxml.TIMESTAMP, EdxmlError.BAD_TIMESTAMP);
    }

    private static void check(Issues issues, String where, String value, boolean required, DateTimeFormatter format,
                              EdxmlError error) {
        if (blank(value)) {
            if (required) {
                issues.add(where, EdxmlError.MISSING_FIELD, null);
            }
            return;
        }
        try {
            format.parse(value.trim());
        } catch (DateTimeParseException e) {
            issues.add(where, error, "'" + value + "'");
        }
    }

    private static void number(Issues issues, String where, String value) {
        if (!blank(value) && !value.trim().matches("\\d{1,9}")) {
            issues.add(where, EdxmlError.BAD_NUMBER, "'" + value + "'");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static final class Issues {
        final List<ValidationIssue> list = new ArrayList<>();

        void add(String path, EdxmlError error, String detail) {
            list.add(new ValidationIssue(path, error, detail));
        }
    }
}
