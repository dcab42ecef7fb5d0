package vn.lienthong.adapters.push;

import jakarta.activation.DataHandler;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;
import jakarta.xml.bind.annotation.XmlMimeType;

/**
 * The SOAP contract an agency's system implements to be pushed to (document/literal wrapped, SOAP 1.1,
 * MTOM). The gateway calls {@link #receiveDocument} once per delivery; any answer means received, a SOAP
 * fault means not received (the gateway retries later).
 *
 * <p>{@code deliveryId} is the idempotency key: a delivery the gateway could not confirm (a timeout, a lost
 * answer) is pushed again with the same delivery id, and the receiver must then answer without storing the
 * packet a second time.
 */
@WebService(name = "LienthongReceiver", targetNamespace = LienthongReceiver.NAMESPACE)
@SOAPBinding(style = SOAPBinding.Style.DOCUMENT, use = SOAPBinding.Use.LITERAL,
        parameterStyle = SOAPBinding.ParameterStyle.WRAPPED)
public interface LienthongReceiver {

    String NAMESPACE = "urn:lienthong:receiver:1";

    /**
     * @param deliveryId  the delivery's id (idempotency key)
     * @param docId       the packet's DocId at the gateway
     * @param messageType {@code edoc} or {@code status}
     * @param from        the sending agency's code
     * @param to          the receiving agency's code
     * @param packet      the edXML packet (MTOM attachment); read it before returning
     * @return an acknowledgement of the receiver's choosing (its own id for the document, say), for the logs
     */
    @WebMethod(operationName = "receiveDocument")
    @WebResult(name = "acknowledgement")
    String receiveDocument(@WebParam(name = "deliveryId") String deliveryId,
                           @WebParam(name = "docId") String docId,
                           @WebParam(name = "messageType") String messageType,
                           @WebParam(name = "from") String from,
                           @WebParam(name = "to") String to,
                           @WebParam(name = "packet") @XmlMimeType("application/octet-stream") DataHandler packet);
}
