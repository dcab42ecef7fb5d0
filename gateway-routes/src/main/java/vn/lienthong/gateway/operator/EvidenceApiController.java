package vn.lienthong.gateway.operator;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.gateway.evidence.ChainService;
import vn.lienthong.gateway.evidence.EvidenceIssuer;
import vn.lienthong.gateway.evidence.EvidenceStore;
import vn.lienthong.gateway.tracking.TrackingStore;
import vn.lienthong.trust.chain.ChainPosition;

/** Operator API: a document's signed evidence, the chain's head and its verification. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Bằng chứng và nhật ký (evidence and the tamper-evident log)")
public class EvidenceApiController {

    private final EvidenceStore store;
    private final ChainService chain;
    private final TrackingStore tracking;
    private final EvidenceIssuer issuer;

    public EvidenceApiController(EvidenceStore store, ChainService chain, TrackingStore tracking,
                                 EvidenceIssuer issuer) {
        this.store = store;
        this.chain = chain;
        this.tracking = tracking;
        this.issuer = issuer;
    }

    @GetMapping("/documents/{docId}/evidence")
    @Operation(summary = "Bằng chứng đã ký của một văn bản (a document's signed evidence)")
    public Map<String, Object> evidence(@PathVariable String docId) {
        tracking.findDocument(docId).orElseThrow(() -> new GatewayException(GatewayError.UNKNOWN_DOCUMENT, docId));
        List<Map<String, Object>> items = store.ofDocument(docId).stream().map(e -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("event", e.event());
            item.put("docId", e.recordDocId());
            item.put("sender", e.sender());
            item.put("recipient", e.recipient());
            item.put("time", e.time().toString());
            item.put("eventSeq", e.eventSeq());
            item.put("recordSha256", e.recordSha256());
            item.put("cms", Base64.getEncoder().encodeToString(e.cms()));
            return item;
        }).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("docId", docId);
        answer.put("items", items);
        return answer;
    }

    @GetMapping("/chain")
    @Operation(summary = "Đầu chuỗi nhật ký và đầu đã ký gần nhất (the chain's head and its latest signed head)")
    public Map<String, Object> head() {
        ChainPosition position = chain.position();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("seq", position.sequence());
        answer.put("hash", position.hash());
        answer.put("evidenceOwed", store.countOwed());
        answer.put("evidenceIssued", issuer.issued());
        store.latestHead().ifPresent(head -> {
            Map<String, Object> signed = new LinkedHashMap<>();
            signed.put("seq", head.seq());
            signed.put("hash", head.hash());
            signed.put("signedAt", head.signedAt().toString());
            signed.put("cms", Base64.getEncoder().encodeToString(head.cms()));
            answer.put("signedHead", signed);
        });
        return answer;
    }

    @GetMapping("/chain/verify")
    @Operation(summary = "Kiểm tra toàn bộ chuỗi nhật ký, nêu bản ghi hỏng đầu tiên (verify the whole chain)")
    public Map<String, Object> verify() {
        return ChainService.toMap(chain.verify());
    }

    @PostMapping("/chain/heads")
    @Operation(summary = "Ký đầu chuỗi ngay (sign the chain's head now)")
    public Map<String, Object> signHead() {
        chain.signHead();
        return head();
    }
}
