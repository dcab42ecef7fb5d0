package vn.lienthong.gateway.operator;

import java.util.List;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.gateway.directory.AgencyRetirements;
import vn.lienthong.gateway.directory.AgencyRetirements.OnDocument;
import vn.lienthong.gateway.directory.AgencyRetirements.Retirement;

/** Agency codes that changed: retire a code with its successor, or take it back into use (changes: ADMIN). */
@RestController
@RequestMapping("/api/v1/directory")
@Tag(name = "Danh bạ (directory)")
public class RetirementsApiController {

    private final AgencyRetirements retirements;

    public RetirementsApiController(AgencyRetirements retirements) {
        this.retirements = retirements;
    }

    /**
     * @param successor  the agency that receives in the retired code's place
     * @param onDocument FORWARD or REFUSE; absent follows {@code gateway.directory.retired-recipients}
     * @param note       why (e.g. the decision that closed the code)
     */
    public record RetireInput(String successor, OnDocument onDocument, String note) {
    }

    @GetMapping("/retirements")
    @Operation(summary = "Mã đơn vị đã thôi sử dụng và mã kế thừa (retired codes and their successors)")
    public List<Retirement> retirements() {
        return retirements.list();
    }

    @PostMapping("/agencies/{code}/retire")
    @Operation(summary = "Cho mã đơn vị thôi sử dụng, chỉ định mã kế thừa (retire a code with its successor)")
    public Retirement retire(@PathVariable String code, @RequestBody RetireInput input) {
        if (input == null || input.successor() == null || input.successor().isBlank()) {
            throw new GatewayException(GatewayError.MISSING_PARAMETER, "successor");
        }
        String note = input.note() == null || input.note().length() <= 500 ? input.note() : input.note().substring(0, 500);
        return retirements.retire(code, input.successor().trim(), input.onDocument(), note);
    }

    @DeleteMapping("/agencies/{code}/retire")
    @Operation(summary = "Dùng lại mã đã thôi sử dụng (take a retired code back into use)")
    public java.util.Map<String, Object> reinstate(@PathVariable String code) {
        if (!retirements.reinstate(code)) {
            throw new GatewayException(GatewayError.UNKNOWN_ENTRY, code + " (không ở trạng thái thôi sử dụng)");
        }
        return java.util.Map.of("code", code, "retired", false);
    }
}
