package vn.lienthong.gateway.operator;

import java.util.ArrayList;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.core.server.ActiveMQServer;

import vn.lienthong.gateway.routes.DeliveryRoute;
import vn.lienthong.gateway.routes.DispatchRequest;

/**
 * Depth, consumers and traffic of the gateway's queues, from the embedded broker directly or from an
 * external one through Artemis's management address.
 */
public class QueueInspector {

    /** The queues operators watch. */
    public static final List<String> QUEUES = List.of(DispatchRequest.PULL_QUEUE, DispatchRequest.PUSH_QUEUE,
            DeliveryRoute.DEAD_LETTER_QUEUE);

    public record QueueView(String name, long messageCount, long consumerCount, long deliveringCount,
                            long messagesAdded, boolean deadLetter) {
    }

    private final ActiveMQServer embedded;
    private final ConnectionFactory connectionFactory;

    /** {@code embedded} is null when the broker is external. */
    public QueueInspector(ActiveMQServer embedded, ConnectionFactory connectionFactory) {
        this.embedded = embedded;
        this.connectionFactory = connectionFactory;
    }

    public List<QueueView> queues() {
        List<QueueView> views = new ArrayList<>();
        for (String name : QUEUES) {
            views.add(embedded != null ? fromServer(name) : fromManagement(name));
        }
        return views;
    }

    private QueueView fromServer(String name) {
        org.apache.activemq.artemis.core.server.Queue queue = embedded.locateQueue(SimpleString.of(name));
        if (queue == null) {
            return new QueueView(name, 0, 0, 0, 0, isDeadLetter(name));
        }
        return new QueueView(name, queue.getMessageCount(), queue.getConsumerCount(), queue.getDeliveringCount(),
                queue.getMessagesAdded(), isDeadLetter(name));
    }

    private QueueView fromManagement(String name) {
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            QueueSession session = (QueueSession) connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue management = session.createQueue("activemq.management");
            QueueRequestor requestor = new QueueRequestor(session, management);
            return new QueueView(name, attribute(session, requestor, name, "messageCount"),
                    attribute(session, requestor, name, "consumerCount"),
                    attribute(session, requestor, name, "deliveringCount"),
                    attribute(session, requestor, name, "messagesAdded"), isDeadLetter(name));
        } catch (Exception e) {
            return new QueueView(name, -1, -1, -1, -1, isDeadLetter(name));
        }
    }

    private static long attribute(QueueSession session, QueueRequestor requestor, String queue, String attribute)
            throws Exception {
        Message request = session.createMessage();
        JMSManagementHelper.putAttribute(request, "queue." + queue, attribute);
        Message reply = requestor.request(request);
        Object value = JMSManagementHelper.getResult(reply);
        return value instanceof Number number ? number.longValue() : -1;
    }

    private static boolean isDeadLetter(String name) {
        return DeliveryRoute.DEAD_LETTER_QUEUE.equals(name);
    }

}
