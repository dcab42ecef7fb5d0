package vn.lienthong.gateway.links;

import org.apache.camel.builder.RouteBuilder;

/** link-poll: at each interval, the inboxes of the links this node holds are pulled into the intake. */
public class LinkPollRoute extends RouteBuilder {

    private final LinkPoller poller;
    private final LinkProperties properties;

    public LinkPollRoute(LinkPoller poller, LinkProperties properties) {
        this.poller = poller;
        this.properties = properties;
    }

    @Override
    public void configure() {
        long period = properties.pollInterval().toMillis();
        from("timer:link-poll?delay=" + period + "&period=" + period)
                .routeId("link-poll").description("Lấy văn bản từ trục liên kết (link inbox poll)")
                .process(exchange -> poller.pollAll());
    }
}
