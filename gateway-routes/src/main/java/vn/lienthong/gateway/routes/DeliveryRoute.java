package vn.lienthong.gateway.routes;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * delivery: the consumers of the delivery queues. A pull delivery becomes visible in its recipient's
 * inbox, in a broker transaction too, so that the message is acknowledged only after the database has it; a push delivery is sent to the recipient's endpoint inside a broker transaction, so that a
 * failure rolls back and the broker redelivers it with a growing delay, and after the last attempt moves
 * it to the dead-letter queue, where it is marked FAILED for an operator to resend.
 */
public class DeliveryRoute extends RouteBuilder {

    public static final String DEAD_LETTER_QUEUE = "DLQ";

    /** Artemis's message property: the broker holds the message until this time (epoch milliseconds). */
    static final String SCHEDULED_DELIVERY =
            org.apache.activemq.artemis.api.core.Message.HDR_SCHEDULED_DELIVERY_TIME.toString();

    private final DeliveryWorker worker;
    private final int pullConsumers;
    private final int pushConsumers;

    public DeliveryRoute(DeliveryWorker worker, int pullConsumers, int pushConsumers) {
        this.worker = worker;
        this.pullConsumers = pullConsumers;
        this.pushConsumers = pushConsumers;
    }

    @Override
    public void configure() {
        // transacted: the broker forgets the message only once the inbox has it (a failure or a dead node
        // between the two leaves the message on the queue)
        from("jms:queue:" + DispatchRequest.PULL_QUEUE + "?transacted=true&concurrentConsumers=" + pullConsumers
                        + "&errorHandlerLogStackTrace=false")
                .routeId("delivery-pull").description("Chuyển vào hộp thư đến (pull delivery)")
                .errorHandler(noErrorHandler())
                .process(exchange -> worker.makeAvailable(exchange.getMessage().getBody(String.class)));

        from("jms:queue:" + DispatchRequest.PUSH_QUEUE + "?transacted=true&concurrentConsumers=" + pushConsumers
                        + "&errorHandlerLogStackTrace=false") // the worker logs why; the broker retries
                .routeId("delivery-push").description("Đẩy đến hệ thống nhận (push delivery)")
                .errorHandler(noErrorHandler())
                .doTry()
                    .process(exchange -> worker.push(exchange.getMessage().getBody(String.class),
                            exchange.getMessage().getHeader("JMSXDeliveryCount", Integer.class)))
                .doCatch(DeliveryWorker.PushInProgress.class, Pusher.Wait.class)
                    // Another consumer is pushing it. A rollback would spend one of the delivery's attempts
                    // toward the dead-letter queue for a push that has not failed, so this message is consumed
                    // and a new one is scheduled for when that consumer's claim ends (or, for a delivery waiting
                    // its turn behind another, for when it should look again).
                    .process(DeliveryRoute::lookAgainWhenTheClaimEnds)
                    .to("jms:queue:" + DispatchRequest.PUSH_QUEUE + "?exchangePattern=InOnly&preserveMessageQos=true")
                .end();

        from("jms:queue:" + DEAD_LETTER_QUEUE)
                .routeId("dead-letter").description("Hàng thư chết (dead letters)")
                .errorHandler(noErrorHandler())
                .process(exchange -> worker.deadLettered(exchange.getMessage().getBody(String.class)));
    }

    /** The same delivery id, with its priority, delivered by the broker once the other consumer's claim ends. */
    private static void lookAgainWhenTheClaimEnds(Exchange exchange) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        java.time.Instant lookAgainAt = caught instanceof Pusher.Wait wait ? wait.lookAgainAt()
                : ((DeliveryWorker.PushInProgress) caught).lookAgainAt();
        Message message = exchange.getMessage();
        message.removeHeaders("*", "JMSPriority", "JMSDeliveryMode");
        message.setHeader(SCHEDULED_DELIVERY, lookAgainAt.toEpochMilli());
    }
}
