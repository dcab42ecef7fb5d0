package vn.lienthong.gateway.operator;

import java.security.Principal;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.HandlerInterceptor;

import vn.lienthong.adapters.exchange.LogSafe;
import vn.lienthong.gateway.tracking.EventType;
import vn.lienthong.gateway.tracking.TrackingStore;

/**
 * Every change an operator makes through the operator API (suspend, resume, resend, directory changes, secret
 * rotation, links, ...) becomes an event of the tamper-evident log: type OPERATOR_ACTION, the operator's login as
 * actor, the method and path as detail (never a body: it may hold a secret). Recorded once the action succeeded.
 */
public class OperatorActionAudit implements HandlerInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorActionAudit.class);
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final TrackingStore tracking;

    public OperatorActionAudit(TrackingStore tracking) {
        this.tracking = tracking;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        Principal operator = request.getUserPrincipal();
        if (!CHANGES.contains(request.getMethod()) || operator == null || failure != null
                || response.getStatus() >= 300) {
            return;
        }
        String action = request.getMethod() + " " + request.getRequestURI();
        tracking.event(null, null, EventType.OPERATOR_ACTION, action, operator.getName());
        LOG.info("Thao tác của quản trị viên (operator action) {} {}", LogSafe.text(operator.getName()),
                LogSafe.text(action));
    }
}
