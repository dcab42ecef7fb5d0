package vn.lienthong.gateway.operator;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The routes operators suspended, kept in the database ({@code route_suspensions}) so that a suspension holds
 * on every node: the node that gets the operator's call applies it at once, the others at their next
 * {@link #reconcile()} (every {@code gateway.cluster.route-check-interval}), and so does a node that starts
 * later. A node resumes only the routes it suspended for this reason.
 */
public class RouteSuspensions {

    private static final Logger LOG = LoggerFactory.getLogger(RouteSuspensions.class);

    private final JdbcClient jdbc;
    private final CamelContext camel;
    private final Set<String> suspendedHere = ConcurrentHashMap.newKeySet();

    public RouteSuspensions(JdbcClient jdbc, CamelContext camel) {
        this.jdbc = jdbc;
        this.camel = camel;
    }

    /** Records the suspension for every node and suspends the route on this one. */
    public void suspend(String routeId, String operator) throws Exception {
        jdbc.sql("INSERT INTO route_suspensions (route_id, suspended_by, suspended_at) VALUES (:id, :by, :at)"
                        + " ON CONFLICT DO NOTHING")
                .param("id", routeId).param("by", operator).param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
        apply(routeId, true);
    }

    /** Removes the suspension for every node and resumes the route on this one. */
    public void resume(String routeId) throws Exception {
        jdbc.sql("DELETE FROM route_suspensions WHERE route_id = :id").param("id", routeId).update();
        apply(routeId, false);
    }

    /** Brings this node's routes in line with the table; while the database is away they stay as they are. */
    public void reconcile() {
        ServiceStatus context = camel.getStatus();
        if (!context.isStarted() && !context.isStarting()) {
            return; // not yet started, or stopping: Camel owns the routes' states (at start, routes are started
            // before the context counts as started, and that is when a suspension is first applied)
        }
        Set<String> wanted;
        try {
            wanted = new HashSet<>(jdbc.sql("SELECT route_id FROM route_suspensions").query(String.class).list());
        } catch (RuntimeException e) {
            LOG.debug("Route suspensions not read: {}", e.toString());
            return;
        }
        for (Route route : camel.getRoutes()) {
            String id = route.getRouteId();
            ServiceStatus status = camel.getRouteController().getRouteStatus(id);
            try {
                if (wanted.contains(id) && status == ServiceStatus.Started) {
                    apply(id, true);
                    LOG.info("Tạm dừng tuyến {} theo lệnh của người vận hành trên một nút khác (route suspended by an"
                            + " operator, on another node or before this one started)", id);
                } else if (!wanted.contains(id) && suspendedHere.contains(id) && status != ServiceStatus.Started) {
                    apply(id, false);
                    LOG.info("Chạy lại tuyến {} theo lệnh của người vận hành trên một nút khác (route resumed by an"
                            + " operator on another node)", id);
                }
            } catch (Exception e) {
                LOG.warn("Không áp dụng được trạng thái tạm dừng của tuyến {} (route suspension not applied): {}", id,
                        e.toString());
            }
        }
    }

    private void apply(String routeId, boolean suspend) throws Exception {
        if (suspend) {
            suspendedHere.add(routeId);
            camel.getRouteController().suspendRoute(routeId);
        } else {
            camel.getRouteController().resumeRoute(routeId);
            suspendedHere.remove(routeId);
        }
    }
}
