package vn.lienthong.gateway.routes;

import org.apache.camel.builder.RouteBuilder;

import vn.lienthong.gateway.tracking.TrackingStore;

/**
 * dispatch: puts each recorded delivery on its persistent queue, then marks it QUEUED. It runs after the
 * sender has its answer: intake hands the deliveries over through an in-memory queue and returns, because
 * the document and its PENDING deliveries are already durable (the outbox). When the broker cannot take a
 * message, the rest of the batch is left PENDING too and the sweeper tries again; an outage is logged once
 * ({@link BrokerOutage}). When the in-memory queue is full, or the node dies, the sweeper covers it as well.
 */
public class DispatchRoute extends RouteBuilder {

    /** Where intake, the sweeper and operators' resends put lists of {@link DispatchRequest}. */
    public static final String ENDPOINT = "seda:dispatch?size=10000&discardWhenFull=true&waitForTaskToComplete=Never";
    private final TrackingStore tracking;
    private final BrokerOutage outage;
    /** Senders that put messages on the broker at once ({@code gateway.routes.dispatch-senders}). */
    private final int senders;

    public DispatchRoute(TrackingStore tracking, BrokerOutage outage, int senders) {
        this.tracking = tracking;
        this.outage = outage;
        this.senders = senders;
    }

    @Override
    public void configure() {
        from(ENDPOINT + "&concurrentConsumers=" + senders).routeId("dispatch").description("Đưa vào hàng đợi (dispatch)")
                .errorHandler(noErrorHandler())
                .doTry()
                    .split(body()).stopOnException()
                        .setHeader("lienthongDeliveryId", simple("${body.deliveryId}"))
                        .setHeader("lienthongQueue", simple("${body.queue}"))
                        .setHeader("JMSPriority", simple("${body.jmsPriority}"))
                        .setBody(simple("${body.deliveryId}"))
                        .toD("jms:queue:${header.lienthongQueue}?exchangePattern=InOnly&preserveMessageQos=true")
                        .process(exchange -> markQueued(
                                exchange.getMessage().getHeader("lienthongDeliveryId", String.class)))
                    .end()
                    .process(exchange -> outage.succeeded())
                .endDoTry()
                .doCatch(Exception.class)
                    .process(exchange -> outage.failed(String.valueOf(
                            exchange.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Exception.class))))
                .end();
    }

    /** The message is on the broker; should the database miss this, the delivery only stays PENDING a while. */
    private void markQueued(String deliveryId) {
        try {
            tracking.markQueued(deliveryId);
        } catch (RuntimeException e) {
            log.debug("{} not marked QUEUED: {}", deliveryId, e.toString());
        }
    }
}
