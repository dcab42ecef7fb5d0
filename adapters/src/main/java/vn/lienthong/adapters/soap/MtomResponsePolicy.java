package vn.lienthong.adapters.soap;

import java.util.Locale;

import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;

/**
 * Answers in the style of the request: MTOM (multipart/related) to a caller that sent MTOM, plain SOAP to
 * one that did not, so that clients without MTOM support can list, acknowledge and read faults. The one
 * exception is a getDocument answer, always MTOM: a packet inlined as base64 would be built in memory.
 */
final class MtomResponsePolicy extends AbstractPhaseInterceptor<Message> {

    static final String PACKET_OPERATION = "getDocument";

    MtomResponsePolicy() {
        super(Phase.PRE_LOGICAL); // before the attachment and JAXB writers look at mtom-enabled
    }

    @Override
    public void handleMessage(Message message) {
        Exchange exchange = message.getExchange();
        if (exchange == null) {
            return;
        }
        Message request = exchange.getInMessage();
        Object contentType = request == null ? null : request.get(Message.CONTENT_TYPE);
        boolean requestWasMtom = contentType != null
                && contentType.toString().toLowerCase(Locale.ROOT).contains("application/xop+xml");
        BindingOperationInfo operation = exchange.getBindingOperationInfo();
        boolean packetAnswer = message != exchange.getOutFaultMessage() && operation != null
                && PACKET_OPERATION.equals(operation.getName().getLocalPart());
        message.put(Message.MTOM_ENABLED, requestWasMtom || packetAnswer);
    }
}
