package vn.lienthong.gateway.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.adapters.exchange.LogSafe;
import vn.lienthong.edxml.Edxml;
import vn.lienthong.edxml.EdxmlException;
import vn.lienthong.edxml.ValidationIssue;
import vn.lienthong.edxml.dsig.EdxmlSignatureVerifier;
import vn.lienthong.edxml.dsig.SignatureCheck;
import vn.lienthong.edxml.io.EdxmlReader;
import vn.lienthong.edxml.io.EdxmlWriter;
import vn.lienthong.edxml.io.ReadLimits;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.PacketHeader;
import vn.lienthong.edxml.model.StatusHeader;
import vn.lienthong.edxml.model.TraceHeader;
import vn.lienthong.edxml.model.TraceHeaderList;
import vn.lienthong.edxml.validation.EdxmlValidator;
import vn.lienthong.gateway.directory.Agency;
import vn.lienthong.gateway.directory.DirectoryRepository;
import vn.lienthong.gateway.directory.SignaturePolicy;
import vn.lienthong.gateway.limits.LimitsProperties;
import vn.lienthong.gateway.payload.PayloadStore;
import vn.lienthong.gateway.payload.Sha256;
import vn.lienthong.gateway.tracking.EventType;
import vn.lienthong.gateway.tracking.TimeOrderedIds;
import vn.lienthong.gateway.signatures.PdfSignatureInspection;
import vn.lienthong.gateway.signatures.PdfSignatureStore;
import vn.lienthong.gateway.tracking.TrackingStore;
import vn.lienthong.trust.certificates.CertificateCheck;
import vn.lienthong.trust.certificates.CertificateValidator;
import vn.lienthong.trust.certificates.ExpectedSender;
import vn.lienthong.trust.pdf.AttachmentSignatureReport;

/**
 * The steps of the intake route, in order: parse, validate, authorize, (the recipients:
 * {@link RecipientResolver}), check the signature, de-duplicate, store, record. Each either enriches the {@link Intake} or refuses it with a
 * {@link GatewayException} that carries the code the sender sees.
 */
public class IntakeSteps {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeSteps.class);

    private final DirectoryRepository directory;
    private final TrackingStore tracking;
    private final PayloadStore payloads;
    private final IntakeProperties properties;
    private final EdxmlSignatureVerifier signatureVerifier;
    private final CertificateValidator certificates;
    private final CertificateValidator lenientCertificates;
    private final EdxmlValidator validator;
    private final LimitsProperties.Packet packetLimits;
    private final PdfSignatureInspection pdfInspection;
    private final PdfSignatureStore pdfSignatures;

    public IntakeSteps(DirectoryRepository directory, TrackingStore tracking, PayloadStore payloads,
                       IntakeProperties properties, CertificateValidator certificates,
                       CertificateValidator lenientCertificates,
                       PdfSignatureInspection pdfInspection, PdfSignatureStore pdfSignatures,
                       LimitsProperties.Packet packetLimits) {
        this.packetLimits = packetLimits;
        // the reader lets one attachment past the bound through, for the meter to refuse it with its own code (69)
        ReadLimits defaults = ReadLimits.DEFAULT;
        this.validator = new EdxmlValidator(new ReadLimits(defaults.maxFieldChars(), defaults.maxDepth(),
                packetLimits.maxAttachments() + 1, defaults.maxRepeats()));
        this.lenientCertificates = lenientCertificates;
        this.pdfInspection = pdfInspection;
        this.pdfSignatures = pdfSignatures;
        this.directory = directory;
        this.tracking = tracking;
        this.payloads = payloads;
        this.properties = properties;
        this.signatureVerifier = EdxmlSignatureVerifier.create();
        this.certificates = certificates;
    }

    /** Reads the header (streaming) and checks it is the kind of packet the caller said. */
    public void parse(Intake intake) {
        try {
            intake.header = EdxmlReader.readHeader(intake.packet.file());
        } catch (EdxmlException e) {
            throw refusal(e);
        } catch (IOException e) {
            throw new GatewayException(GatewayError.INTERNAL_ERROR, e.getMessage(), e);
        }
        if (!intake.header.messageType().equals(intake.messageType)) {
            throw new GatewayException(GatewayError.BAD_PARAMETER, "messagetype=" + intake.messageType
                    + " nhưng gói tin là " + intake.header.messageType() + " (packet kind differs)");
        }
    }

    /**
     * The whole packet against QCVN 102:2016, in one read: each attachment is decoded once, and the PDFs in it
     * are checked on the way ({@link #inspectPdfSignatures} judges the result later, in its place in the route).
     * Warnings (an agency code outside the published grammars) do not refuse it: the directory decides
     * whether a code exists. What the packet costs is metered in the same pass and bounded (66-69).
     */
    public void validate(Intake intake) {
        List<ValidationIssue> issues;
        List<AttachmentSignatureReport> pdfReports = new ArrayList<>();
        PacketCostMeter cost = new PacketCostMeter(packetLimits);
        try (InputStream in = cost.metering(Files.newInputStream(intake.packet.file()))) {
            issues = ValidationIssue.errorsOf(validator.validate(in, (attachment, content) -> {
                cost.attachment();
                pdfReports.add(pdfInspection.inspect(attachment, content, cost.inspection()));
            }));
        } catch (IOException e) {
            GatewayException over = cost.refusal(e);
            throw over != null ? over : new GatewayException(GatewayError.INTERNAL_ERROR, e.getMessage(), e);
        }
        GatewayException over = cost.refusal(null);
        if (over != null) {
            throw over;
        }
        intake.pdfSignatures = PdfSignatureInspection.Result.of(pdfReports);
        if (!issues.isEmpty()) {
            StringBuilder detail = new StringBuilder();
            for (int i = 0; i < Math.min(5, issues.size()); i++) {
                detail.append(i == 0 ? "" : "; ").append(issues.get(i).describe());
            }
            if (issues.size() > 5) {
                detail.append("; ... (").append(issues.size()).append(" lỗi)");
            }
            throw new GatewayException(GatewayError.INVALID_PACKET, detail.toString());
        }
    }

    /** The system may send only as an agency it acts for. */
    public void authorize(Intake intake) {
        SenderAuthorization.requireActsFor(intake.caller, intake.header.from().organId());
    }

    /**
     * The sender's policy decides: REQUIRED wants a valid signature by a certificate that is trusted, not
     * revoked, valid and the sender's; IF_PRESENT checks one the same way when there is one; IGNORE checks
     * only the maths of one that is there. A bad signature is refused whatever the policy.
     */
    public void checkSignature(Intake intake) {
        String from = intake.header.from().organId().trim();
        SignaturePolicy policy = directory.findAgency(from).map(Agency::signaturePolicy).orElse(SignaturePolicy.IF_PRESENT);
        boolean present = intake.header.signature() != null
                && Edxml.XMLDSIG_NAMESPACE.equals(intake.header.signature().namespace());
        if (!present) {
            if (policy == SignaturePolicy.REQUIRED) {
                throw new GatewayException(GatewayError.SIGNATURE_REQUIRED, from);
            }
            intake.signatureStatus = "UNSIGNED";
            return;
        }
        SignatureCheck check;
        try {
            check = signatureVerifier.verify(intake.packet.file());
        } catch (EdxmlException e) {
            throw new GatewayException(GatewayError.BAD_SIGNATURE, e.getMessage());
        } catch (IOException e) {
            throw new GatewayException(GatewayError.INTERNAL_ERROR, e.getMessage(), e);
        }
        if (!check.isValid()) {
            throw new GatewayException(GatewayError.BAD_SIGNATURE, check.failure().name() + ": " + check.reason());
        }
        boolean revocationUnknown = false;
        if (policy != SignaturePolicy.IGNORE) {
            CertificateValidator validator = policy == SignaturePolicy.REQUIRED ? certificates : lenientCertificates;
            CertificateCheck certificate = validator.validate(check.signer(), check.certificates(),
                    ExpectedSender.of(from, directory.fingerprintsOf(from)), Instant.now());
            if (!certificate.isOk()) {
                throw new GatewayException(refusal(certificate.code()), certificate.reason());
            }
            // accepted by policy without a CRL or OCSP answer: recorded as such, never as VALID
            revocationUnknown = certificate.revocation() == CertificateCheck.Revocation.UNKNOWN;
        }
        intake.signatureStatus = policy == SignaturePolicy.IGNORE ? "NOT_CHECKED"
                : revocationUnknown ? "REVOCATION_UNKNOWN" : "VALID";
        intake.signer = check.signer() == null ? null : check.signer().getSubjectX500Principal().getName();
    }

    /** The gateway's code for each way a signer's certificate fails. */
    static GatewayError refusal(CertificateCheck.Code code) {
        return switch (code) {
            case REVOKED -> GatewayError.CERTIFICATE_REVOKED;
            case EXPIRED, NOT_YET_VALID -> GatewayError.CERTIFICATE_EXPIRED;
            case NOT_SENDERS -> GatewayError.CERTIFICATE_NOT_SENDERS;
            case REVOCATION_UNKNOWN -> GatewayError.CERTIFICATE_REVOCATION_UNKNOWN;
            case BAD_KEY_USAGE -> GatewayError.CERTIFICATE_KEY_USAGE;
            default -> GatewayError.CERTIFICATE_UNTRUSTED;
        };
    }

    /**
     * What the PDFs of each attachment (the SDK's ZIPs unzipped within limits) say, as {@link #validate} found
     * it; the results are recorded with the document for the receiving clerk. Only an unsafe archive refuses
     * the packet.
     */
    public void inspectPdfSignatures(Intake intake) {
        if (intake.pdfSignatures == null) { // the packet did not come through validate()
            try {
                intake.pdfSignatures = pdfInspection.inspect(intake.packet.file());
            } catch (IOException e) {
                throw new GatewayException(GatewayError.INTERNAL_ERROR, e.getMessage(), e);
            }
        }
        var refused = intake.pdfSignatures.refused();
        if (refused != null) {
            throw new GatewayException(GatewayError.ATTACHMENT_REFUSED, refused.attachmentName() + ": "
                    + (refused.refusal() == null ? refused.vi() : refused.refusal().getMessage()));
        }
    }

    /**
     * The same sender, DocumentId and content resubmitted is the same document: it answers the DocId
     * already given and delivers nothing again. A status is one fact whatever its bytes (a resent one has
     * another Timestamp): the same reporter, original document and code is the same status. The key is unique
     * in the database, so two submissions racing past this look-up still record one ({@link #record}).
     */
    public void deduplicate(Intake intake) {
        String key;
        if (intake.header instanceof EdocHeader edoc) {
            key = intake.messageType + "\n" + intake.header.from().organId().trim() + "\n"
                    + nullToEmpty(edoc.messageHeader().documentId()).trim() + "\n" + intake.packet.sha256Hex();
        } else {
            key = intake.messageType + "\n" + intake.header.from().organId().trim() + "\n" + intake.original.id()
                    + "#" + ((StatusHeader) intake.header).statusCode().trim();
        }
        intake.dedupKey = Sha256.hex(key);
        tracking.findByDedupKey(intake.dedupKey).ifPresent(existing -> {
            intake.docId = existing;
            intake.duplicate = true;
        });
    }

    /**
     * Stores the packet as received (by its hash, for evidence) and the packet as delivered: the same with
     * the gateway's TraceHeader appended. A packet carrying an XML-DSig signature is delivered untouched,
     * since any change would break its signature: then both are the one stored file. The received packet is
     * the spool file itself, moved into the store (a rename on the same file system, never a copy); nothing
     * reads the spool after this step.
     */
    public void store(Intake intake) {
        try {
            boolean signed = intake.header.signature() != null
                    && Edxml.XMLDSIG_NAMESPACE.equals(intake.header.signature().namespace());
            if (signed) {
                intake.storedSha256 = intake.packet.sha256Hex();
                intake.storedSize = intake.packet.size();
            } else {
                Path rewritten = Files.createTempFile(payloads.scratchDir(), "out-", ".edxml");
                MessageDigest digest = Sha256.newDigest();
                try (EdxmlReader reader = EdxmlReader.open(intake.packet.file());
                     OutputStream out = new DigestOutputStream(Files.newOutputStream(rewritten), digest);
                     EdxmlWriter writer = EdxmlWriter.create(out)) {
                    writer.writeHeader(withGatewayHop(reader.header()));
                    for (EdxmlReader.Attachment a; (a = reader.nextAttachment()) != null; ) {
                        writer.writeAttachmentBase64(a.info(), a.openBase64());
                    }
                }
                intake.storedSha256 = HexFormat.of().formatHex(digest.digest());
                intake.storedSize = Files.size(rewritten);
                payloads.put(rewritten, intake.storedSha256);
            }
            payloads.put(intake.packet.file(), intake.packet.sha256Hex());
        } catch (IOException e) {
            throw new GatewayException(GatewayError.INTERNAL_ERROR, "không lưu được gói tin: " + e.getMessage(), e);
        }
    }

    private PacketHeader withGatewayHop(PacketHeader header) {
        TraceHeader hop = new TraceHeader(properties.traceOrganId(),
                Edxml.TIMESTAMP.format(ZonedDateTime.now(Edxml.VIETNAM)));
        TraceHeaderList hops = header.traceHeaderList() == null
                ? new TraceHeaderList(null, List.of(hop), null) : header.traceHeaderList().withAppended(hop);
        return header instanceof EdocHeader edoc ? edoc.withTraceHeaderList(hops)
                : ((StatusHeader) header).withTraceHeaderList(hops);
    }

    /** Records the document and one PENDING delivery per recipient in one transaction. */
    public void record(Intake intake) {
        intake.docId = TimeOrderedIds.next();
        for (String recipient : intake.recipients) {
            Agency agency = directory.findAgency(recipient).orElseThrow(
                    () -> new GatewayException(GatewayError.UNKNOWN_RECIPIENT, recipient));
            intake.deliveries.add(new TrackingStore.NewDelivery(TimeOrderedIds.next(), recipient,
                    agency.deliveryMode()));
        }
        TrackingStore.DocumentRow row = documentRow(intake);
        try {
            tracking.recordAccepted(row, intake.deliveries, intake.caller.systemId(), () -> {
                intake.retiredRecipients.forEach((retired, successor) -> tracking.event(intake.docId, null,
                        EventType.REDIRECTED, retired + " → " + successor, intake.caller.systemId()));
                if (intake.pdfSignatures != null) {
                    pdfSignatures.record(intake.docId, intake.pdfSignatures.reports(), intake.pdfSignatures.verdict());
                }
                if (intake.original != null) {
                    tracking.event(intake.original.id(), null, EventType.LINKED,
                            intake.messageType + " " + intake.docId + (row.statusCode() == null ? "" : " (" + row.statusCode() + ")"),
                            intake.caller.systemId());
                    if (row.statusCode() != null) {
                        tracking.event(intake.original.id(), null, EventType.STATUS,
                                row.statusCode() + " từ " + row.fromCode(), intake.caller.systemId());
                        tracking.setBusinessStatus(intake.original.id(), row.fromCode(), row.statusCode());
                    }
                }
            });
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // an identical submission won the race: answer its DocId
            intake.docId = tracking.findByDedupKey(intake.dedupKey).orElseThrow(() -> e);
            intake.duplicate = true;
            intake.deliveries.clear();
        }
        // From is the packet's (an attacker's) text: escaped so it cannot forge a log line
        LOG.info("Tiếp nhận (accepted) {} {} từ {} qua {}: {} đơn vị nhận{}", intake.messageType, intake.docId,
                LogSafe.text(row.fromCode()), intake.channel, intake.deliveries.size(), intake.duplicate ? " (trùng, duplicate)" : "");
    }

    private TrackingStore.DocumentRow documentRow(Intake intake) {
        PacketHeader header = intake.header;
        String edxmlDocumentId;
        String codeNumber = null, codeNotation = null, subject = null, typeName = null, promulgationDate = null;
        String statusCode = null;
        Integer businessType = null;
        int priority = 0;
        if (header instanceof EdocHeader edoc) {
            MessageHeader m = edoc.messageHeader();
            edxmlDocumentId = trim(m.documentId());
            if (m.code() != null) {
                codeNumber = m.code().codeNumber();
                codeNotation = m.code().codeNotation();
            }
            subject = m.subject();
            typeName = m.documentType() == null ? null : m.documentType().typeName();
            promulgationDate = m.promulgationInfo() == null ? null : m.promulgationInfo().promulgationDate();
            priority = m.priorityLevel();
            businessType = Integer.valueOf(edoc.businessDocType().code());
        } else {
            StatusHeader status = (StatusHeader) header;
            edxmlDocumentId = trim(status.responseFor().documentId());
            statusCode = status.statusCode().trim();
            subject = status.description();
            priority = intake.original == null ? 0 : intake.original.priority();
        }
        return new TrackingStore.DocumentRow(intake.docId, intake.messageType, intake.caller.systemId(),
                header.from().organId().trim(), edxmlDocumentId, codeNumber, codeNotation, limit(subject, 2000),
                limit(typeName, 255), promulgationDate, priority, businessType, statusCode,
                intake.original == null ? null : intake.original.id(), intake.packet.sha256Hex(), intake.packet.size(),
                intake.storedSha256, intake.storedSize, intake.signatureStatus, limit(intake.signer, 1024),
                intake.channel, intake.dedupKey, Instant.now());
    }

    /** Maps a packet that cannot be read to the gateway's codes. */
    static GatewayException refusal(EdxmlException e) {
        GatewayError error = switch (e.error()) {
            case MALFORMED_XML, BYTES_BEFORE_DECLARATION, NOT_EDXML -> GatewayError.MALFORMED_PACKET;
            case DTD_FORBIDDEN -> GatewayError.FORBIDDEN_XML;
            default -> GatewayError.INVALID_PACKET;
        };
        return new GatewayException(error, e.getMessage());
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String limit(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
