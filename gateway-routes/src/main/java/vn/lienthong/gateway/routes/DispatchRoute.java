package vn.lienthong.gateway.routes;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import vn.lienthong.gateway.tracking.TrackingStore;

/**
 * dispatch: puts each recorded delivery on its persistent queue, then marks it QUEUED. When the broker
 * cannot take it, the delivery stays PENDING in the outbox and the sweeper tries again; the DocId has
 * been answered either way, because the document and its deliveries are already durable.
 */
public class DispatchRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:dispatch";

    private final TrackingStore tracking;

    public DispatchRoute(TrackingStore tracking) {
        this.tracking = tracking;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("dispatch").description("Đưa vào hàng đợi (dispatch)")
                .errorHandler(noErrorHandler())
                .split(body())
                    .doTry()
                        .setHeader("lienthongDeliveryId", simple("${body.deliveryId}"))
                        .setHeader("lienthongQueue", simple("${body.queue}"))
                        .setHeader("JMSPriority", simple("${body.jmsPriority}"))
                        .setBody(simple("${body.deliveryId}"))
                        .toD("jms:queue:${header.lienthongQueue}?exchangePattern=InOnly&preserveMessageQos=true")
                        .process(exchange -> tracking.markQueued(
                                exchange.getMessage().getHeader("lienthongDeliveryId", String.class)))
                    .doCatch(Exception.class)
                        .log(LoggingLevel.WARN, "Chưa đưa được vào hàng đợi, sẽ thử lại (not queued yet, the sweeper"
                                + " retries) ${header.lienthongDeliveryId}: ${exception.message}")
                    .end()
                .end();
    }
}
