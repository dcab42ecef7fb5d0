package vn.lienthong.gateway.operator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.gateway.operations.DeliveryOperations;
import vn.lienthong.gateway.signatures.PdfSignatureStore;
import vn.lienthong.gateway.tracking.TrackingStore;

/** Documents and deliveries as operators look for them; metadata only, never a document's content. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Văn bản (documents)")
public class DocumentsApiController {

    private static final int MAX_PAGE_SIZE = 200;

    private final OperatorQueries queries;
    private final TrackingStore tracking;
    private final DeliveryOperations operations;
    private final PdfSignatureStore pdfSignatures;

    public DocumentsApiController(OperatorQueries queries, TrackingStore tracking, DeliveryOperations operations,
                                  PdfSignatureStore pdfSignatures) {
        this.queries = queries;
        this.tracking = tracking;
        this.operations = operations;
        this.pdfSignatures = pdfSignatures;
    }

    @GetMapping("/documents")
    @Operation(summary = "Tìm văn bản (search documents)")
    public OperatorQueries.Page<OperatorQueries.DocumentSummary> search(
            @RequestParam(required = false) String documentId, @RequestParam(required = false) String code,
            @RequestParam(required = false) String sender, @RequestParam(required = false) String recipient,
            @RequestParam(required = false) String state, @RequestParam(required = false) String messageType,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "receivedAt,desc") String sort) {
        checkPage(page, size);
        return queries.searchDocuments(new OperatorQueries.DocumentFilter(blankToNull(documentId), blankToNull(code),
                blankToNull(sender), blankToNull(recipient), blankToNull(state), blankToNull(messageType), from, to),
                page, size, sort);
    }

    @GetMapping("/documents/{docId}")
    @Operation(summary = "Một văn bản: chuyển phát, dòng thời gian, chữ ký (one document with its timeline)")
    public Map<String, Object> document(@PathVariable String docId) {
        TrackingStore.DocumentRow doc = tracking.findDocument(docId)
                .orElseThrow(() -> new GatewayException(GatewayError.UNKNOWN_DOCUMENT, docId));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("docId", doc.id());
        view.put("messageType", doc.messageType());
        put(view, "documentId", doc.edxmlDocumentId());
        put(view, "code", doc.codeNumber() == null ? doc.codeNotation()
                : doc.codeNotation() == null ? doc.codeNumber() : doc.codeNumber() + "/" + doc.codeNotation());
        put(view, "subject", doc.subject());
        put(view, "typeName", doc.typeName());
        view.put("sender", doc.fromCode());
        view.put("senderSystem", doc.senderSystem());
        view.put("channel", doc.channel());
        view.put("priority", doc.priority());
        put(view, "businessDocType", doc.businessDocType());
        put(view, "statusCode", doc.statusCode());
        put(view, "relatedDocId", doc.relatedDocId());
        view.put("receivedAt", doc.receivedAt());
        view.put("size", doc.receivedSize());
        view.put("sha256", doc.receivedSha256());
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("status", doc.signatureStatus());
        put(signature, "signer", doc.signer());
        view.put("signature", signature);
        Map<String, Object> pdf = new LinkedHashMap<>();
        pdfSignatures.verdictOf(docId).ifPresent(verdict -> pdf.put("verdict", verdict));
        pdf.put("signatures", pdfSignatures.of(docId));
        view.put("pdfSignatures", pdf);
        List<Map<String, Object>> deliveries = new ArrayList<>();
        for (TrackingStore.DeliveryRow d : tracking.deliveriesOf(docId)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", d.id());
            item.put("recipient", d.recipientCode());
            item.put("mode", d.mode().name());
            item.put("state", d.state().name());
            item.put("attempts", d.attempts());
            put(item, "lastError", d.lastError());
            put(item, "businessStatus", d.businessStatus());
            item.put("createdAt", d.createdAt());
            item.put("updatedAt", d.updatedAt());
            put(item, "deliveredAt", d.deliveredAt());
            deliveries.add(item);
        }
        view.put("deliveries", deliveries);
        List<Map<String, Object>> events = new ArrayList<>();
        for (TrackingStore.EventRow e : tracking.events(docId)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("at", e.createdAt());
            item.put("type", e.type().name());
            item.put("label", e.type().label());
            put(item, "detail", e.detail());
            put(item, "actor", e.actor());
            put(item, "deliveryId", e.deliveryId());
            events.add(item);
        }
        view.put("events", events);
        view.put("related", queries.related(docId));
        return view;
    }

    @GetMapping("/deliveries")
    @Operation(summary = "Các lần chuyển phát theo trạng thái; FAILED là thư chết (deliveries by state)")
    public OperatorQueries.Page<OperatorQueries.DeliverySummary> deliveries(
            @RequestParam(required = false) String state, @RequestParam(required = false) String recipient,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        checkPage(page, size);
        return queries.deliveries(blankToNull(state), blankToNull(recipient), page, size);
    }

    public record ResendRequest(List<String> ids) {
    }

    @PostMapping("/deliveries/resend")
    @Operation(summary = "Gửi lại các lần chuyển phát thất bại (resend failed deliveries)")
    public Map<String, List<String>> resend(@RequestBody ResendRequest request, Authentication operator) {
        if (request == null || request.ids() == null || request.ids().isEmpty()) {
            throw new GatewayException(GatewayError.MISSING_PARAMETER, "ids");
        }
        List<String> resent = operations.resend(request.ids(), operator.getName());
        List<String> skipped = request.ids().stream().filter(id -> !resent.contains(id)).toList();
        return Map.of("resent", resent, "skipped", skipped);
    }

    private static void checkPage(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new GatewayException(GatewayError.BAD_PARAMETER, "page >= 0, 1 <= size <= " + MAX_PAGE_SIZE);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void put(Map<String, Object> view, String key, Object value) {
        if (value != null) {
            view.put(key, value);
        }
    }
}
