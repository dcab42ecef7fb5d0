package vn.lienthong.gateway.operator;

import java.security.Principal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.edxml.Edxml;
import vn.lienthong.gateway.directory.Agency;
import vn.lienthong.gateway.directory.DirectoryRepository;
import vn.lienthong.gateway.operations.DeliveryOperations;

/** What operators watch (overview, routes, agencies, queues) and the switches they turn. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Vận hành (operations)")
public class OperatorApiController {

    private final OperatorQueries queries;
    private final RouteStatistics routes;
    private final QueueInspector queues;
    private final Alerts alerts;
    private final DirectoryRepository directory;
    private final DeliveryOperations operations;
    private final CamelContext camel;
    private final HealthEndpoint health;
    private final RouteSuspensions suspensions;

    public OperatorApiController(OperatorQueries queries, RouteStatistics routes, QueueInspector queues, Alerts alerts,
                                 DirectoryRepository directory, DeliveryOperations operations, CamelContext camel,
                                 HealthEndpoint health, RouteSuspensions suspensions) {
        this.queries = queries;
        this.routes = routes;
        this.queues = queues;
        this.alerts = alerts;
        this.directory = directory;
        this.operations = operations;
        this.camel = camel;
        this.health = health;
        this.suspensions = suspensions;
    }

    @GetMapping("/me")
    @Operation(summary = "Người đang đăng nhập và vai trò (the logged-in operator and role)")
    public Map<String, String> me(Authentication authentication) {
        String role = authentication.getAuthorities().stream().map(a -> a.getAuthority().replace("ROLE_", ""))
                .filter(r -> List.of("ADMIN", "OPERATOR", "VIEWER").contains(r)).findFirst().orElse("VIEWER");
        return Map.of("username", authentication.getName(), "role", role);
    }

    @GetMapping("/overview")
    @Operation(summary = "Tổng quan: sức khỏe, văn bản mỗi phút, tồn đọng, lỗi, cảnh báo (overview)")
    public Map<String, Object> overview() {
        Instant now = Instant.now();
        Map<String, Object> view = new LinkedHashMap<>();
        HealthComponent readiness = health.healthForPath("readiness");
        view.put("health", readiness == null ? "UNKNOWN" : readiness.getStatus().getCode());
        Map<String, String> components = new LinkedHashMap<>();
        if (readiness instanceof CompositeHealth composite) {
            composite.getComponents().forEach((name, component) -> components.put(name, component.getStatus().getCode()));
        }
        view.put("components", components);
        view.put("documentsPerMinute", queries.documentsPerMinute(now));
        view.put("documentsToday", queries.documentsSince(
                ZonedDateTime.now(Edxml.VIETNAM).toLocalDate().atStartOfDay(Edxml.VIETNAM).toInstant()));
        view.put("backlog", queries.backlog(now));
        view.put("failures", Map.of("failedDeliveries", queries.countDeliveries("FAILED"),
                "deadLetters", queries.countDeliveries("FAILED")));
        view.put("alerts", alerts.current());
        return view;
    }

    @GetMapping("/routes")
    @Operation(summary = "Các tuyến Camel và số liệu (routes with their statistics)")
    public List<RouteStatistics.RouteView> routes() {
        return routes.routes();
    }

    @PostMapping("/routes/{id}/suspend")
    @Operation(summary = "Tạm dừng một tuyến (suspend a route)")
    public RouteStatistics.RouteView suspendRoute(@PathVariable String id, Principal who) throws Exception {
        requireRoute(id);
        suspensions.suspend(id, who == null ? null : who.getName());
        return routes.view(id);
    }

    @PostMapping("/routes/{id}/resume")
    @Operation(summary = "Chạy lại một tuyến (resume a route)")
    public RouteStatistics.RouteView resumeRoute(@PathVariable String id) throws Exception {
        requireRoute(id);
        suspensions.resume(id);
        return routes.view(id);
    }

    @GetMapping("/agencies")
    @Operation(summary = "Tình trạng kết nối của từng đơn vị (connection status per agency)")
    public List<Map<String, Object>> agencies() {
        Instant now = Instant.now();
        return directory.listAgencies().stream().map(agency -> agencyView(agency, now)).toList();
    }

    @PostMapping("/agencies/{code}/suspend")
    @Operation(summary = "Tạm dừng chuyển văn bản đến một đơn vị (hold deliveries to an agency)")
    public Map<String, Object> suspendAgency(@PathVariable String code) {
        if (!operations.suspendAgency(code)) {
            throw new GatewayException(GatewayError.UNKNOWN_ENTRY, code);
        }
        return agencyView(directory.findAgency(code).orElseThrow(), Instant.now());
    }

    @PostMapping("/agencies/{code}/resume")
    @Operation(summary = "Tiếp tục chuyển văn bản đến một đơn vị (release an agency's deliveries)")
    public Map<String, Object> resumeAgency(@PathVariable String code, Principal operator) {
        if (!operations.resumeAgency(code, operator.getName())) {
            throw new GatewayException(GatewayError.UNKNOWN_ENTRY, code);
        }
        return agencyView(directory.findAgency(code).orElseThrow(), Instant.now());
    }

    @GetMapping("/queues")
    @Operation(summary = "Hàng đợi Artemis: độ sâu, bên nhận, thư chết (queues)")
    public List<QueueInspector.QueueView> queues() {
        return queues.queues();
    }

    private Map<String, Object> agencyView(Agency agency, Instant now) {
        OperatorQueries.AgencyStatus status = queries.agencyStatus(agency.code(), now);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("code", agency.code());
        view.put("name", agency.name());
        view.put("side", agency.side().name());
        view.put("deliveryMode", agency.deliveryMode().name());
        if (agency.pushEndpoint() != null) {
            view.put("pushEndpoint", agency.pushEndpoint());
        }
        view.put("enabled", agency.enabled());
        view.put("suspended", directory.isSuspended(agency.code()));
        putIfPresent(view, "lastSuccessAt", status.lastSuccessAt());
        putIfPresent(view, "lastFailureAt", status.lastFailureAt());
        putIfPresent(view, "lastFailure", status.lastFailure());
        view.put("consecutiveFailures", status.consecutiveFailures());
        view.put("backlog", status.backlog());
        view.put("oldestBacklogAgeSeconds", status.oldestBacklogAgeSeconds());
        return view;
    }

    private void requireRoute(String id) {
        if (camel.getRoute(id) == null) {
            throw new GatewayException(GatewayError.BAD_PARAMETER, "không có tuyến " + id);
        }
    }

    private static void putIfPresent(Map<String, Object> view, String key, Object value) {
        if (value != null) {
            view.put(key, value);
        }
    }
}
