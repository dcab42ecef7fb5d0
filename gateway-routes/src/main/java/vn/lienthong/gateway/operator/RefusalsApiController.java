package vn.lienthong.gateway.operator;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import vn.lienthong.gateway.refusals.Refusal;
import vn.lienthong.gateway.refusals.RefusalStore;

/** Classified documents refused at intake: who sent what to whom and what was found where, never any content. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Vận hành (operations)")
public class RefusalsApiController {

    private final RefusalStore refusals;

    public RefusalsApiController(RefusalStore refusals) {
        this.refusals = refusals;
    }

    @GetMapping("/refusals")
    @Operation(summary = "Văn bản mật bị từ chối, mới nhất trước (classified documents refused, newest first)")
    public List<Refusal> refusals(@RequestParam(defaultValue = "100") int limit) {
        return refusals.latest(limit);
    }
}
