package vn.lienthong.gateway.retention;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;

/** The operator's purge of old packets (ADMIN). */
@RestController
@RequestMapping("/api/v1/retention")
public class RetentionApiController {

    private final PacketRetention retention;
    private final RetentionProperties properties;

    public RetentionApiController(PacketRetention retention, RetentionProperties properties) {
        this.retention = retention;
        this.properties = properties;
    }

    /**
     * Purges the packets of documents older than {@code olderThan} (an ISO-8601 duration such as {@code P365D};
     * by default {@code gateway.retention.keep-packets-for}); {@code dryRun} only counts.
     */
    @PostMapping("/purge")
    @Operation(summary = "Xóa gói tin của văn bản quá thời hạn lưu trữ, giữ thông tin và chứng cứ "
            + "(purge old packets, keeping metadata and evidence)")
    public PacketRetention.Result purge(@RequestParam(required = false) String olderThan,
                                        @RequestParam(defaultValue = "false") boolean dryRun, Principal operator) {
        Duration age;
        if (olderThan != null && !olderThan.isBlank()) {
            try {
                age = Duration.parse(olderThan.trim());
            } catch (DateTimeParseException e) {
                throw new GatewayException(GatewayError.BAD_PARAMETER, "olderThan phải là ISO-8601, ví dụ P365D");
            }
        } else if (properties.keepPacketsFor() != null) {
            age = properties.keepPacketsFor();
        } else {
            throw new GatewayException(GatewayError.MISSING_PARAMETER,
                    "olderThan (chưa đặt gateway.retention.keep-packets-for: mặc định giữ mọi gói tin)");
        }
        if (age.isNegative()) {
            throw new GatewayException(GatewayError.BAD_PARAMETER, "olderThan phải >= 0");
        }
        return retention.purge(Instant.now().minus(age), dryRun, operator == null ? null : operator.getName());
    }
}
