package vn.lienthong.gateway.operations;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Service;

import vn.lienthong.gateway.directory.DirectoryRepository;
import vn.lienthong.gateway.routes.DispatchRequest;
import vn.lienthong.gateway.routes.DispatchRoute;
import vn.lienthong.gateway.tracking.DeliveryState;
import vn.lienthong.gateway.tracking.TrackingStore;

/** What an operator does to deliveries: resend the FAILED (or REJECTED) ones, hold and release an agency's. */
@Service
public class DeliveryOperations {

    private final TrackingStore tracking;
    private final DirectoryRepository directory;
    private final ProducerTemplate camel;

    public DeliveryOperations(TrackingStore tracking, DirectoryRepository directory, ProducerTemplate camel) {
        this.tracking = tracking;
        this.directory = directory;
        this.camel = camel;
    }

    /** Holds deliveries to an agency: they wait in the outbox until {@link #resumeAgency}. */
    public boolean suspendAgency(String code) {
        return directory.setSuspended(code, true);
    }

    /** Releases an agency's held deliveries: every one is dispatched now. */
    public boolean resumeAgency(String code, String operator) {
        if (!directory.setSuspended(code, false)) {
            return false;
        }
        List<DispatchRequest> requests = new ArrayList<>();
        for (TrackingStore.DeliveryRow delivery : tracking.waitingFor(code)) {
            if (delivery.state() == DeliveryState.HELD) {
                tracking.release(delivery.id(), operator);
            }
            requests.add(new DispatchRequest(delivery.id(), delivery.mode(), delivery.priority()));
        }
        if (!requests.isEmpty()) {
            camel.sendBody(DispatchRoute.ENDPOINT, requests);
        }
        return true;
    }

    /**
     * Puts each delivery back in the outbox and dispatches it; returns the ids that were resent (a delivery
     * that is not FAILED or REJECTED is left alone).
     */
    public List<String> resend(List<String> deliveryIds, String operator) {
        List<String> resent = new ArrayList<>();
        List<DispatchRequest> requests = new ArrayList<>();
        for (String id : deliveryIds) {
            if (tracking.resend(id, operator)) {
                tracking.findDelivery(id).ifPresent(d -> {
                    resent.add(id);
                    requests.add(new DispatchRequest(d.id(), d.mode(), d.priority()));
                });
            }
        }
        if (!requests.isEmpty()) {
            camel.sendBody(DispatchRoute.ENDPOINT, requests);
        }
        return resent;
    }
}
