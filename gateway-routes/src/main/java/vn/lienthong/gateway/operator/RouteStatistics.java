package vn.lienthong.gateway.operator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Where each Camel route stands: its state and counters from Camel's management, and the message of its
 * last failure, which Camel's counters do not keep (collected here from failed exchanges).
 */
public class RouteStatistics extends EventNotifierSupport {

    /** One route as operators see it. Times in milliseconds. */
    public record RouteView(String id, String description, String state, long exchangesTotal, long exchangesFailed,
                            long exchangesInflight, long meanProcessingMillis, long maxProcessingMillis,
                            long lastProcessingMillis, Failure lastFailure) {
    }

    public record Failure(Instant at, String message) {
    }

    private final CamelContext camel;
    private final Map<String, Failure> lastFailures = new ConcurrentHashMap<>();

    public RouteStatistics(CamelContext camel) {
        this.camel = camel;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeFailedEvent failed) {
            Exchange exchange = failed.getExchange();
            String routeId = exchange.getFromRouteId();
            Throwable cause = exchange.getException();
            if (routeId != null && cause != null) {
                String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
                lastFailures.put(routeId, new Failure(Instant.now(), message));
            }
        }
    }

    public List<RouteView> routes() {
        List<RouteView> views = new ArrayList<>();
        for (Route route : camel.getRoutes()) {
            views.add(view(route.getRouteId()));
        }
        views.sort(java.util.Comparator.comparing(RouteView::id));
        return views;
    }

    public RouteView view(String routeId) {
        Route route = camel.getRoute(routeId);
        if (route == null) {
            return null;
        }
        ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
        ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        ManagedRouteMBean mbean = managed == null ? null : managed.getManagedRoute(routeId);
        long inflight = camel.getInflightRepository().size(routeId);
        if (mbean == null) {
            return new RouteView(routeId, route.getDescription(), String.valueOf(status), 0, 0, inflight, 0, 0, 0,
                    lastFailures.get(routeId));
        }
        // Camel reports -1 before the first exchange: no time yet is 0 here
        return new RouteView(routeId, route.getDescription(), String.valueOf(status), mbean.getExchangesTotal(),
                mbean.getExchangesFailed(), inflight, Math.max(0, mbean.getMeanProcessingTime()),
                Math.max(0, mbean.getMaxProcessingTime()), Math.max(0, mbean.getLastProcessingTime()),
                lastFailures.get(routeId));
    }
}
