package vn.lienthong.gateway.operator;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.edxml.validation.AgencyCodes;
import vn.lienthong.gateway.directory.Agency;
import vn.lienthong.gateway.directory.DeliveryMode;
import vn.lienthong.gateway.directory.DirectoryRepository;
import vn.lienthong.gateway.directory.Side;
import vn.lienthong.gateway.directory.SignaturePolicy;
import vn.lienthong.gateway.directory.SystemAccount;

/** The directory, kept in the database: agencies and the systems that act for them (changes: ADMIN). */
@RestController
@RequestMapping("/api/v1/directory")
@Tag(name = "Danh bạ (directory)")
public class DirectoryApiController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DirectoryRepository directory;
    private final vn.lienthong.gateway.security.SystemPolicies policies;
    private final TransactionTemplate transaction;
    private final vn.lienthong.gateway.security.SecurityProperties security;

    public DirectoryApiController(DirectoryRepository directory, TransactionTemplate transaction,
                                  vn.lienthong.gateway.security.SecurityProperties security,
                                  vn.lienthong.gateway.security.SystemPolicies policies) {
        this.policies = policies;
        this.directory = directory;
        this.transaction = transaction;
        this.security = security;
    }

    /** An agency as an admin writes it; on update, absent fields keep their value. */
    public record AgencyInput(String code, String name, Side side, DeliveryMode deliveryMode, String pushEndpoint,
                              SignaturePolicy signaturePolicy, Boolean enabled) {
    }

    public record SystemInput(String systemId, String name, Set<String> agencyCodes, Boolean enabled) {
    }

    /**
     * A system's request security: {@code strict} for clients that sign a fresh timestamp and the operation
     * (the gateway's CLI, VdxpClient); {@code allowedSources} the IPs or CIDR ranges it may call from (empty: any).
     */
    public record SecurityInput(Boolean strict, List<String> allowedSources) {
    }

    @GetMapping("/agencies")
    @Operation(summary = "Danh sách đơn vị (agencies)")
    public List<Agency> agencies() {
        return directory.listAgencies();
    }

    @PostMapping("/agencies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Thêm đơn vị (add an agency)")
    public Agency addAgency(@RequestBody AgencyInput input) {
        if (input.code() == null || !AgencyCodes.isDirectoryCode(input.code()) || input.name() == null || input.side() == null) {
            throw new GatewayException(GatewayError.BAD_PARAMETER, "cần code (mã định danh hợp lệ), name, side");
        }
        if (directory.findAgency(input.code()).isPresent()) {
            throw new GatewayException(GatewayError.ALREADY_EXISTS, input.code());
        }
        Agency agency = checked(new Agency(input.code(), input.name(), input.side(),
                input.deliveryMode() == null ? DeliveryMode.PULL : input.deliveryMode(), input.pushEndpoint(),
                input.signaturePolicy() == null ? SignaturePolicy.IF_PRESENT : input.signaturePolicy(),
                input.enabled() == null || input.enabled(), null, null));
        directory.insertAgency(agency);
        return directory.findAgency(agency.code()).orElseThrow();
    }

    @PutMapping("/agencies/{code}")
    @Operation(summary = "Sửa đơn vị (change an agency)")
    public Agency changeAgency(@PathVariable String code, @RequestBody AgencyInput input) {
        Agency current = agency(code);
        Agency changed = checked(new Agency(code, or(input.name(), current.name()), or(input.side(), current.side()),
                or(input.deliveryMode(), current.deliveryMode()),
                input.deliveryMode() == DeliveryMode.PULL ? null : or(input.pushEndpoint(), current.pushEndpoint()),
                or(input.signaturePolicy(), current.signaturePolicy()), or(input.enabled(), current.enabled()),
                current.createdAt(), current.updatedAt()));
        directory.updateAgency(changed);
        return agency(code);
    }

    @PostMapping("/agencies/{code}/disable")
    @Operation(summary = "Khóa đơn vị (disable an agency)")
    public Agency disableAgency(@PathVariable String code) {
        Agency current = agency(code);
        directory.updateAgency(new Agency(code, current.name(), current.side(), current.deliveryMode(),
                current.pushEndpoint(), current.signaturePolicy(), false, current.createdAt(), current.updatedAt()));
        return agency(code);
    }

    @GetMapping("/systems")
    @Operation(summary = "Danh sách hệ thống (systems; never their secrets)")
    public List<Map<String, Object>> systems() {
        return directory.listSystems().stream().map(DirectoryApiController::view).toList();
    }

    @PostMapping("/systems")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Thêm hệ thống; khóa bí mật chỉ hiện một lần (add a system; its secret is shown once)")
    public Map<String, Object> addSystem(@RequestBody SystemInput input) {
        if (input.systemId() == null || input.systemId().isBlank() || input.name() == null) {
            throw new GatewayException(GatewayError.BAD_PARAMETER, "cần systemId, name");
        }
        if (directory.findSystem(input.systemId()).isPresent()) {
            throw new GatewayException(GatewayError.ALREADY_EXISTS, input.systemId());
        }
        Set<String> codes = existing(input.agencyCodes() == null ? Set.of() : input.agencyCodes());
        String secret = newSecret();
        transaction.executeWithoutResult(status -> directory.insertSystem(new SystemAccount(input.systemId(),
                input.name(), secret, input.enabled() == null || input.enabled(), null, null, codes)));
        Map<String, Object> view = view(directory.findSystem(input.systemId()).orElseThrow());
        view.put("secret", secret);
        return view;
    }

    @PutMapping("/systems/{id}")
    @Operation(summary = "Sửa hệ thống (change a system)")
    public Map<String, Object> changeSystem(@PathVariable String id, @RequestBody SystemInput input) {
        SystemAccount current = system(id);
        Set<String> codes = input.agencyCodes() == null ? current.agencyCodes() : existing(input.agencyCodes());
        transaction.executeWithoutResult(status -> directory.updateSystem(id, or(input.name(), current.name()),
                or(input.enabled(), current.enabled()), codes));
        return view(system(id));
    }

    @PostMapping("/systems/{id}/disable")
    @Operation(summary = "Khóa hệ thống (disable a system)")
    public Map<String, Object> disableSystem(@PathVariable String id) {
        SystemAccount current = system(id);
        transaction.executeWithoutResult(status -> directory.updateSystem(id, current.name(), false, current.agencyCodes()));
        return view(system(id));
    }

    @PutMapping("/systems/{id}/security")
    @Operation(summary = "Chế độ nghiêm ngặt và địa chỉ nguồn được phép (strict mode, allowed source addresses)")
    public Map<String, Object> changeSecurity(@PathVariable String id, @RequestBody SecurityInput input) {
        system(id);
        List<String> sources = input.allowedSources() == null ? List.of() : input.allowedSources();
        try {
            vn.lienthong.gateway.security.SystemPolicies.validate(sources);
        } catch (IllegalArgumentException e) {
            throw new GatewayException(GatewayError.BAD_PARAMETER, "allowedSources: " + e.getMessage());
        }
        directory.setRequestSecurity(id, Boolean.TRUE.equals(input.strict()), sources);
        policies.forget(id);
        Map<String, Object> view = view(system(id));
        view.put("strict", Boolean.TRUE.equals(input.strict()));
        view.put("allowedSources", sources);
        return view;
    }

    @PostMapping("/systems/{id}/rotate-secret")
    @Operation(summary = "Đổi khóa bí mật; khóa cũ hết hiệu lực ngay (rotate a system's secret)")
    public Map<String, String> rotateSecret(@PathVariable String id) {
        system(id);
        String secret = newSecret();
        directory.rotateSecret(id, secret);
        return Map.of("systemId", id, "secret", secret);
    }

    private Agency agency(String code) {
        return directory.findAgency(code).orElseThrow(() -> new GatewayException(GatewayError.UNKNOWN_ENTRY, code));
    }

    private SystemAccount system(String id) {
        return directory.findSystem(id).orElseThrow(() -> new GatewayException(GatewayError.UNKNOWN_ENTRY, id));
    }

    private Set<String> existing(Set<String> codes) {
        for (String code : codes) {
            agency(code);
        }
        return codes;
    }

    private Agency checked(Agency agency) {
        if (agency.deliveryMode() == DeliveryMode.LINK && agency.createdAt() == null) {
            throw new GatewayException(GatewayError.BAD_PARAMETER,
                    "đơn vị qua liên kết được thêm tại /api/v1/directory/links/{id}/agencies (agencies behind a link)");
        }
        if (agency.deliveryMode() != DeliveryMode.PULL && agency.deliveryMode() != DeliveryMode.LINK
                && (agency.pushEndpoint() == null || !agency.pushEndpoint().matches("https?://.+"))) {
            throw new GatewayException(GatewayError.BAD_PARAMETER, "đơn vị nhận kiểu PUSH cần pushEndpoint http(s)");
        }
        if (agency.deliveryMode() == DeliveryMode.PUSH_SOAP || agency.deliveryMode() == DeliveryMode.PUSH_REST) {
            vn.lienthong.gateway.security.PushEndpoints.refuseInternal(agency.pushEndpoint(),
                    security.allowInternalEndpoints());
        }
        return agency;
    }

    private static Map<String, Object> view(SystemAccount system) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("systemId", system.systemId());
        view.put("name", system.name());
        view.put("enabled", system.enabled());
        view.put("agencyCodes", system.agencyCodes());
        if (system.secretRotatedAt() != null) {
            view.put("secretRotatedAt", system.secretRotatedAt());
        }
        return view;
    }

    /** 32 random bytes, URL-safe: the HMAC key the system configures. */
    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
