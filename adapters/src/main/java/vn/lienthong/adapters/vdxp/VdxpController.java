package vn.lienthong.adapters.vdxp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.adapters.http.ClientAddress;
import vn.lienthong.adapters.exchange.ExchangeService;
import vn.lienthong.adapters.exchange.ExchangeService.CallerSystem;
import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.adapters.exchange.MessageType;
import vn.lienthong.adapters.exchange.LogSafe;
import vn.lienthong.adapters.exchange.LoginThrottle;
import vn.lienthong.adapters.exchange.SpooledPacket;
import vn.lienthong.edxml.io.NonClosingOutputStream;
import vn.lienthong.edxml.model.StatusCode;
import vn.lienthong.vdxp.SignedHeader;

/**
 * The national axis's HTTP API, as the official SDK (SDKVXP) speaks it, so that a document system built on
 * that SDK works against this gateway by changing only its endpoint, system id and secret.
 * Every parameter comes from the signed {@code XroadVnpt-sign-header}; every answer is a JSON object with
 * status, ErrorCode and ErrorDesc (ASCII-escaped, never null), whatever went wrong.
 */
@RestController
public class VdxpController {

    /** Where the API is served; the SDK's endpoint setting points here. */
    public static final String BASE_PATH = "/vdxp";

    private static final Logger LOG = LoggerFactory.getLogger(VdxpController.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final ExchangeService exchange;
    private final VdxpSettings settings;
    private final SignedRequestGuard guard;
    private final LoginThrottle throttle;
    private final ObjectMapper json = new ObjectMapper()
            .configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, true); // sendEdoc's answer is read as US-ASCII

    public VdxpController(ExchangeService exchange, VdxpSettings settings) {
        this(exchange, settings, SignedRequestGuard.NONE, LoginThrottle.standard());
    }

    public VdxpController(ExchangeService exchange, VdxpSettings settings, SignedRequestGuard guard,
                          LoginThrottle throttle) {
        this.exchange = exchange;
        this.settings = settings;
        this.guard = guard;
        this.throttle = throttle;
    }

    /** One entry point: the SDK may send "//operation" and always names the operation last. */
    @RequestMapping(BASE_PATH + "/**")
    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String operation = operation(request);
        if ("downloadEdoc".equals(operation)) {
            download(request, response);
            return;
        }
        Map<String, Object> answer;
        try {
            // the HMAC when the request carries it; otherwise a registered TLS client certificate
            boolean hmac = request.getHeader(SignedHeader.SIGN_HEADER) != null;
            CallerSystem byCertificate = hmac ? null : clientCertificateCaller(request);
            SignedHeader signed = byCertificate != null
                    ? SignedHeader.parse(request.getHeader(PARAMETERS) == null ? "{}" : request.getHeader(PARAMETERS))
                    : signedHeader(request);
            CallerSystem caller = byCertificate != null ? byCertificate : authenticate(request, signed, operation);
            exchange.admit(caller);
            answer = switch (operation) {
                case "sendEdoc" -> sendEdoc(request, signed, caller);
                case "getReceivedEdocList" -> receivedList(signed, caller);
                case "getEdoc" -> {
                    streamEdoc(response, caller, signed);
                    yield null;
                }
                case "updateStatus" -> updateStatus(signed, caller);
                case "getSentEdocList" -> sentList(signed, caller);
                case "countReceiveEdoc" -> count(caller, "edoc");
                case "countReceiveStatus" -> count(caller, "status");
                case "getAgenciesList" -> agencies(false);
                case "getAgenciesListQD20" -> agencies(true);
                case "getEvidence" -> evidence(signed, caller);
                default -> throw new GatewayException(GatewayError.UNKNOWN_OPERATION, operation);
            };
        } catch (GatewayException e) {
            LOG.info("VDXP {} từ chối (refused) {}: {}", LogSafe.text(operation), e.error().code(),
                    LogSafe.text(e.getMessage()));
            answer = failure(e, operation);
        } catch (RuntimeException e) {
            LOG.error("VDXP {} lỗi hệ thống (internal error)", LogSafe.text(operation), e);
            answer = failure(new GatewayException(GatewayError.INTERNAL_ERROR, null), operation);
        }
        if (answer != null) {
            writeJson(response, answer);
        }
    }

    // ---------------------------------------------------------------- operations

    private Map<String, Object> sendEdoc(HttpServletRequest request, SignedHeader signed, CallerSystem caller)
            throws IOException {
        String messageType = messageType(signed);
        String hashFile = signed.get("hash-file")
                .orElseThrow(() -> new GatewayException(GatewayError.MISSING_PARAMETER, "hash-file"));
        long declared = request.getContentLengthLong();
        if (declared > settings.maxPacketBytes()) {
            throw new GatewayException(GatewayError.PACKET_TOO_LARGE, "tối đa " + settings.maxPacketBytes() + " byte");
        }
        // + 2: the SDK's trailing CRLF, which its hash-file does not cover
        try (ExchangeService.Upload upload = exchange.beginUpload(caller, declared);
             InputStream body = request.getInputStream();
             SdkUpload received = SdkUpload.spool(body, settings.spoolDir(), settings.maxPacketBytes() + 2)) {
            if (!received.matchesHashFile(hashFile)) {
                throw new GatewayException(GatewayError.HASH_MISMATCH, null);
            }
            SpooledPacket packet = received.forHashFile(hashFile);
            if (packet.size() > settings.maxPacketBytes()) {
                throw new GatewayException(GatewayError.PACKET_TOO_LARGE, "tối đa " + settings.maxPacketBytes() + " byte");
            }
            ExchangeService.Receipt receipt = exchange.submit(caller,
                    new ExchangeService.Submission(messageType, packet, "vdxp", signed.get("from").orElse(null)));
            Map<String, Object> answer = ok();
            answer.put("DocId", receipt.docId());
            if (!receipt.retiredRecipients().isEmpty()) {
                // an extra key (the SDK ignores it): retired codes addressed, delivered to their successors
                List<Map<String, String>> retired = new ArrayList<>();
                receipt.retiredRecipients().forEach((code, successor) -> retired.add(
                        Map.of("code", code, "successor", successor)));
                answer.put("RetiredRecipients", retired);
            }
            return answer;
        }
    }

    private Map<String, Object> receivedList(SignedHeader signed, CallerSystem caller) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (ExchangeService.InboxEntry entry : exchange.inbox(caller, messageType(signed))) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("docId", entry.docId());
            item.put("serviceType", "eDoc");
            item.put("messageType", entry.messageType());
            item.put("created_time", time(entry.createdAt()));
            item.put("updated_time", time(entry.updatedAt()));
            item.put("from", nonNull(entry.from()));
            item.put("to", nonNull(entry.to()));
            item.put("status", entry.processing() ? "processing" : "initial");
            item.put("status_desc", entry.processing() ? "Đang xử lý" : "Mới");
            item.put("priority", entry.priority());
            item.put("contentSha256", nonNull(entry.sha256()));
            item.put("contentLength", entry.size());
            if (entry.pdfSignatures() != null) {
                item.put("pdfSignatures", entry.pdfSignatures()); // an extra key: the SDK ignores it
            }
            data.add(item);
        }
        Map<String, Object> answer = ok();
        answer.put("data", data);
        return answer;
    }

    /** getEdoc: the packet as base64 inside the JSON answer, streamed from the store. */
    private void streamEdoc(HttpServletResponse response, CallerSystem caller, SignedHeader signed) throws IOException {
        String docId = signed.docId().orElseThrow(() -> new GatewayException(GatewayError.MISSING_PARAMETER, "docId"));
        ExchangeService.StoredPacket packet = exchange.fetch(caller, docId);
        response.setStatus(200);
        response.setContentType("application/json;charset=UTF-8");
        OutputStream out = response.getOutputStream();
        String pdfSignatures = packet.pdfSignatures() == null ? ""
                : ",\"pdfSignatures\":" + json.writeValueAsString(packet.pdfSignatures());
        out.write(("{\"status\":\"OK\",\"ErrorCode\":\"0\",\"ErrorDesc\":\"Thanh cong\",\"docId\":"
                + json.writeValueAsString(docId) + pdfSignatures + ",\"data\":\"").getBytes(StandardCharsets.US_ASCII));
        try (InputStream in = Files.newInputStream(packet.file());
             OutputStream base64 = Base64.getEncoder().wrap(new NonClosingOutputStream(out))) {
            in.transferTo(base64);
        }
        out.write("\"}".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** downloadEdoc: the raw packet; on any failure an empty body, which the SDK reports as a failure. */
    private void download(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            SignedHeader signed = signedHeader(request);
            CallerSystem caller = authenticate(request, signed, "downloadEdoc");
            exchange.admit(caller);
            String docId = signed.docId().orElseThrow(() -> new GatewayException(GatewayError.MISSING_PARAMETER, "docId"));
            ExchangeService.StoredPacket packet = exchange.fetch(caller, docId);
            response.setStatus(200);
            response.setContentType("application/xml");
            response.setContentLengthLong(packet.size());
            try (InputStream in = Files.newInputStream(packet.file())) {
                in.transferTo(response.getOutputStream());
            }
        } catch (GatewayException e) {
            LOG.info("VDXP downloadEdoc từ chối (refused) {}: {}", e.error().code(), LogSafe.text(e.getMessage()));
            response.setStatus(e.error().httpStatus());
            response.setHeader("X-Lienthong-ErrorCode", e.error().code());
            response.setContentLength(0);
        } catch (RuntimeException e) {
            LOG.error("VDXP downloadEdoc lỗi hệ thống (internal error)", e);
            if (!response.isCommitted()) { // the same empty answer with the code, not Spring's error page
                response.setStatus(GatewayError.INTERNAL_ERROR.httpStatus());
                response.setHeader("X-Lienthong-ErrorCode", GatewayError.INTERNAL_ERROR.code());
                response.setContentLength(0);
            }
        }
    }

    private Map<String, Object> updateStatus(SignedHeader signed, CallerSystem caller) {
        String docId = signed.docIdForStatusUpdate()
                .orElseThrow(() -> new GatewayException(GatewayError.MISSING_PARAMETER, "docId"));
        String status = signed.get("status")
                .orElseThrow(() -> new GatewayException(GatewayError.MISSING_PARAMETER, "status"));
        ExchangeService.TransportAck ack = ExchangeService.TransportAck.parse(status)
                .orElseThrow(() -> new GatewayException(GatewayError.BAD_PARAMETER,
                        "status phải là done, fail hoặc processing"));
        exchange.acknowledge(caller, docId, ack, signed.get("description").orElse(null));
        return ok();
    }

    private Map<String, Object> sentList(SignedHeader signed, CallerSystem caller) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (ExchangeService.SentEntry entry : exchange.sent(caller, messageType(signed), signed.docId().orElse(null))) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("serviceType", "eDoc");
            item.put("senderDocId", entry.docId());
            item.put("receiverDocId", entry.docId());
            item.put("fromCode", nonNull(entry.fromCode()));
            item.put("toCode", nonNull(entry.toCode()));
            item.put("title", nonNull(entry.title()));
            item.put("notation", nonNull(entry.notation()));
            item.put("messageType", entry.messageType());
            item.put("sentTime", time(entry.sentTime()));
            item.put("receivedTime", time(entry.receivedTime()));
            item.put("sendStatus", nonNull(entry.deliveryState()));
            item.put("sendStatusDesc", sendStatusDescription(entry.deliveryState()));
            item.put("receiveStatus", nonNull(entry.businessStatus()));
            item.put("receiveStatusDesc", entry.businessStatus() == null ? ""
                    : StatusCode.fromCode(entry.businessStatus()).map(StatusCode::label).orElse(""));
            data.add(item);
        }
        Map<String, Object> answer = ok();
        answer.put("data", data);
        return answer;
    }

    /**
     * getEvidence (an operation of this gateway, not of the national axis): the signed evidence of a document the
     * caller sent or received; {@code data} lists {@code {event, docId, sender, recipient, time, cms}}, {@code cms}
     * the base64 of the DER CMS SignedData that {@code openssl cms -verify -binary -inform DER} checks.
     */
    private Map<String, Object> evidence(SignedHeader signed, CallerSystem caller) {
        String docId = signed.docId().orElseThrow(() -> new GatewayException(GatewayError.MISSING_PARAMETER, "docId"));
        List<Map<String, Object>> data = new ArrayList<>();
        for (ExchangeService.EvidenceEntry entry : exchange.evidence(caller, docId)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("event", entry.event());
            item.put("docId", entry.docId());
            item.put("sender", entry.sender());
            item.put("recipient", entry.recipient());
            item.put("time", entry.time().toString());
            item.put("cms", Base64.getEncoder().encodeToString(entry.cms()));
            data.add(item);
        }
        Map<String, Object> answer = ok();
        answer.put("docId", docId);
        answer.put("data", data);
        return answer;
    }

    private Map<String, Object> count(CallerSystem caller, String messageType) {
        Map<String, Object> answer = ok();
        answer.put("count", exchange.countPending(caller, messageType));
        return answer;
    }

    private Map<String, Object> agencies(boolean qd20) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (ExchangeService.AgencyEntry agency : exchange.agencies()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", agency.code());
            if (!qd20) {
                item.put("pid", nonNull(agency.parentCode()));
            }
            item.put("code", agency.code());
            item.put("name", nonNull(agency.name()));
            item.put("mail", nonNull(agency.email()));
            item.put(qd20 ? "code102" : "oldCode", agency.code());
            if (agency.side() != null) {
                item.put("side", agency.side()); // an extra key (PARTY, STATE) for linked gateways; the SDK ignores it
            }
            data.add(item);
        }
        Map<String, Object> answer = ok();
        answer.put("data", data);
        return answer;
    }

    // ---------------------------------------------------------------- authentication and shapes

    /**
     * A system that authenticates with its TLS client certificate (HTTPS with client-auth) instead of the HMAC
     * sends its parameters as the JSON of this header, unsigned: the TLS session authenticates it.
     */
    public static final String PARAMETERS = "XroadVnpt-parameters";

    /** The system registered with the verified TLS client certificate of this request, or null. */
    private CallerSystem clientCertificateCaller(HttpServletRequest request) {
        Object attribute = request.getAttribute("jakarta.servlet.request.X509Certificate");
        if (!(attribute instanceof java.security.cert.X509Certificate[] chain) || chain.length == 0) {
            return null;
        }
        try {
            String fingerprint = java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
            return exchange.findSystemByClientCertificate(fingerprint).orElseThrow(() ->
                    new GatewayException(GatewayError.BAD_CREDENTIALS, "chứng thư máy khách chưa đăng ký (client certificate not registered)"));
        } catch (java.security.GeneralSecurityException e) {
            throw new GatewayException(GatewayError.BAD_CREDENTIALS, e.getMessage());
        }
    }

    private static SignedHeader signedHeader(HttpServletRequest request) {
        String raw = request.getHeader(SignedHeader.SIGN_HEADER);
        if (raw == null || raw.isBlank() || request.getHeader(SignedHeader.HASH_HEADER) == null) {
            throw new GatewayException(GatewayError.MISSING_CREDENTIALS,
                    SignedHeader.SIGN_HEADER + ", " + SignedHeader.HASH_HEADER);
        }
        try {
            return SignedHeader.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new GatewayException(GatewayError.BAD_CREDENTIALS, e.getMessage());
        }
    }

    /**
     * The system named in the signed header, if the HMAC under its secret matches and the guard accepts the
     * request. An unknown system and a wrong HMAC get the same answer (15), and repeated failures of one system
     * id or one address are slowed down (54).
     */
    private CallerSystem authenticate(HttpServletRequest request, SignedHeader signed, String operation) {
        String systemId = signed.systemId()
                .orElseThrow(() -> new GatewayException(GatewayError.MISSING_CREDENTIALS, "systemid"));
        String headerLine = request.getHeader(SignedHeader.SYSTEM_ID);
        if (headerLine != null && !headerLine.equals(systemId)) {
            throw new GatewayException(GatewayError.BAD_CREDENTIALS, "systemid không khớp (mismatch)");
        }
        String address = ClientAddress.of(request);
        throttle.checkAllowed("vdxp", systemId, address);
        String hmac = request.getHeader(SignedHeader.HASH_HEADER);
        CallerSystem caller = exchange.findSystem(systemId)
                .filter(found -> signed.isSignedWith(found.secret(), hmac))
                .orElse(null);
        if (caller == null) {
            throttle.failed("vdxp", systemId, address);
            throw new GatewayException(GatewayError.BAD_CREDENTIALS, null);
        }
        throttle.succeeded("vdxp", systemId);
        guard.check(caller, operation, signed, hmac);
        return caller;
    }

    private static String messageType(SignedHeader signed) {
        return MessageType.parse(signed.get("messagetype").orElse(null));
    }

    /** The wire's words for where a sent packet stands (sendStatusDesc), from the gateway's delivery state. */
    private static String sendStatusDescription(String deliveryState) {
        return switch (nonNull(deliveryState)) {
            case "PENDING", "QUEUED" -> "Đang chuyển";
            case "AVAILABLE" -> "Chờ đơn vị nhận lấy về";
            case "PROCESSING" -> "Đơn vị nhận đang xử lý";
            case "DELIVERED" -> "Đã chuyển";
            case "REJECTED" -> "Đơn vị nhận báo lỗi";
            case "FAILED" -> "Chuyển thất bại";
            case "HELD" -> "Tạm giữ, đơn vị nhận đang tạm dừng";
            default -> "";
        };
    }

    private static String operation(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] parts = path.split("/+");
        return parts.length == 0 ? "" : parts[parts.length - 1];
    }

    private static Map<String, Object> ok() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "OK");
        answer.put("ErrorCode", "0");
        answer.put("ErrorDesc", "Thành công");
        return answer;
    }

    private static Map<String, Object> failure(GatewayException e, String operation) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "FAIL");
        answer.put("ErrorCode", e.error().code());
        answer.put("ErrorDesc", e.describe());
        if ("sendEdoc".equals(operation)) {
            answer.put("DocId", "");
        }
        return answer;
    }

    private void writeJson(HttpServletResponse response, Map<String, Object> answer) throws IOException {
        // 200 always: the SDK reads sendEdoc's body only on 200/201 and ignores the status elsewhere
        response.setStatus(200);
        response.setContentType("application/json;charset=UTF-8");
        json.writeValue(new NonClosingOutputStream(response.getOutputStream()), answer);
        response.getOutputStream().flush();
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
