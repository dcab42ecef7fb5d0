package vn.lienthong.adapters.soap;

import java.util.List;

import jakarta.activation.DataHandler;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;
import jakarta.xml.bind.annotation.XmlMimeType;

/**
 * The gateway's SOAP contract (document/literal wrapped, SOAP 1.1, MTOM). Callers authenticate with HTTP
 * Basic: user = system id, password = the system's secret. Every refusal is a {@link LienthongFault} whose
 * {@code errorCode} is the same code the VDXP-compatible HTTP API answers.
 *
 * <p>Packets travel as MTOM attachments ({@code xs:base64Binary} with
 * {@code xmime:expectedContentTypes="application/octet-stream"}, so that generated clients stream them as
 * a DataHandler instead of a byte array). A packet sent inline (no MTOM) is accepted only up to a small size.
 */
@WebService(name = "LienthongSoapService", targetNamespace = LienthongSoapService.NAMESPACE)
@SOAPBinding(style = SOAPBinding.Style.DOCUMENT, use = SOAPBinding.Use.LITERAL,
        parameterStyle = SOAPBinding.ParameterStyle.WRAPPED)
public interface LienthongSoapService {

    /** The namespace of the service, its messages and its types. */
    String NAMESPACE = "urn:lienthong:gateway:1";

    /**
     * Submits a packet.
     *
     * @param messageType {@code edoc} (a document) or {@code status} (a status packet)
     * @param packet      the edXML packet, as an MTOM attachment
     * @return the DocId the gateway gave the packet (the same one again when the packet was already accepted)
     */
    @WebMethod(operationName = "sendDocument")
    @WebResult(name = "docId")
    String sendDocument(@WebParam(name = "messageType") String messageType,
                        @WebParam(name = "packet") @XmlMimeType("application/octet-stream") DataHandler packet)
            throws LienthongFault;

    /**
     * The packets waiting in the caller's inbox.
     *
     * @param messageType {@code edoc} (the default when omitted) or {@code status}
     */
    @WebMethod(operationName = "listPending")
    @WebResult(name = "document")
    List<PendingDocument> listPending(@WebParam(name = "messageType") String messageType) throws LienthongFault;

    /** One packet of the caller's inbox, as an MTOM attachment. */
    @WebMethod(operationName = "getDocument")
    @WebResult(name = "packet")
    @XmlMimeType("application/octet-stream")
    DataHandler getDocument(@WebParam(name = "docId") String docId) throws LienthongFault;

    /**
     * The transport acknowledgement of a packet taken from the inbox (not the business status, which
     * travels as a status packet).
     *
     * @param status      {@code done}, {@code fail} or {@code processing}
     * @param description free text, optional
     */
    @WebMethod(operationName = "acknowledge")
    void acknowledge(@WebParam(name = "docId") String docId,
                     @WebParam(name = "status") String status,
                     @WebParam(name = "description") String description) throws LienthongFault;

    /** The agency directory. */
    @WebMethod(operationName = "listAgencies")
    @WebResult(name = "agency")
    List<SoapAgency> listAgencies() throws LienthongFault;
}
