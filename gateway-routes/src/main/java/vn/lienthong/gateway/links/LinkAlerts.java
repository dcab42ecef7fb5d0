package vn.lienthong.gateway.links;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import vn.lienthong.gateway.operator.Alerts;

/**
 * LINK_FAILING: one alert per link failing for longer than {@code gateway.operators.alerts.recipient-failing-for},
 * with its backlog. The agencies behind a link raise none of their own (a link down would otherwise raise one per
 * remote agency): their deliveries fail because the link does.
 */
public class LinkAlerts implements Alerts.Source {

    private final LinkRepository links;
    private final Duration failingFor;

    public LinkAlerts(LinkRepository links, Duration failingFor) {
        this.links = links;
        this.failingFor = failingFor;
    }

    @Override
    public List<Alerts.Alert> alerts(Instant now) {
        List<Alerts.Alert> alerts = new ArrayList<>();
        for (Link link : links.list()) {
            if (!link.enabled() || link.failingSince() == null
                    || Duration.between(link.failingSince(), now).compareTo(failingFor) < 0) {
                continue;
            }
            alerts.add(new Alerts.Alert("LINK_FAILING", "WARNING", link.id(), "Liên kết " + link.id() + " ("
                    + link.name() + ") không hoạt động, " + links.backlog(link.id()) + " văn bản chờ chuyển: "
                    + link.lastError() + " (link failing, deliveries waiting)", link.failingSince()));
        }
        return alerts;
    }
}
