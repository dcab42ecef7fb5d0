package vn.lienthong.adapters.soap;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.jws.WebService;

import org.apache.cxf.io.CacheSizeExceededException;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.lienthong.adapters.exchange.ExchangeService;
import vn.lienthong.adapters.exchange.ExchangeService.CallerSystem;
import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.adapters.exchange.MessageType;
import vn.lienthong.adapters.exchange.LogSafe;
import vn.lienthong.adapters.exchange.SpooledPacket;

/**
 * The SOAP service: checks the parameters' shape of a caller {@link SoapAuthentication} authenticated (HTTP
 * Basic, before the body is parsed), and hands everything else to the gateway's {@link ExchangeService}. It
 * holds no business rule.
 *
 * <p>Publish it with {@link SoapAdapterConfiguration#publish}, which also turns MTOM and the attachment
 * limits on.
 */
@WebService(serviceName = "LienthongService", portName = "LienthongPort",
        targetNamespace = LienthongSoapService.NAMESPACE,
        endpointInterface = "vn.lienthong.adapters.soap.LienthongSoapService")
public class LienthongSoapEndpoint implements LienthongSoapService {

    /** The channel name submissions carry. */
    public static final String CHANNEL = "soap";

    private static final Logger LOG = LoggerFactory.getLogger(LienthongSoapEndpoint.class);
    private static final String OCTET_STREAM = "application/octet-stream";

    private final ExchangeService exchange;
    private final SoapSettings settings;

    public LienthongSoapEndpoint(ExchangeService exchange, SoapSettings settings) {
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String sendDocument(String messageType, DataHandler packet) throws LienthongFault {
        return call("sendDocument", caller -> {
            String type = messageType(messageType, true);
            if (packet == null) {
                throw new GatewayException(GatewayError.MISSING_PARAMETER, "packet");
            }
            // the attachment is read straight from the request (CXF reads MTOM parts lazily) into the spool
            try (ExchangeService.Upload upload = exchange.beginUpload(caller, -1);
                 InputStream body = packet.getInputStream();
                 SpooledPacket spooled = SpooledPacket.spool(body, settings.spoolDir(), settings.maxPacketBytes())) {
                ExchangeService.Receipt receipt = exchange.submit(caller,
                        new ExchangeService.Submission(type, spooled, CHANNEL));
                tellRetiredRecipients(receipt.retiredRecipients());
                return receipt.docId();
            } catch (CacheSizeExceededException e) {
                throw new GatewayException(GatewayError.PACKET_TOO_LARGE, "tối đa " + settings.maxPacketBytes() + " byte");
            }
        });
    }

    /**
     * Retired codes the packet addressed, and the successors that received it, as a SOAP header of the answer
     * ({@code RetiredRecipients} with one {@code RetiredRecipient code=".." successor=".."} each): the body stays
     * as the WSDL says, and a client that does not know the header ignores it (it is not mustUnderstand).
     */
    private static void tellRetiredRecipients(Map<String, String> retired) {
        if (retired.isEmpty()) {
            return;
        }
        try {
            org.w3c.dom.Document document = javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance()
                    .newDocumentBuilder().newDocument();
            org.w3c.dom.Element list = document.createElementNS(LienthongSoapService.NAMESPACE, "lt:RetiredRecipients");
            retired.forEach((code, successor) -> {
                org.w3c.dom.Element one = document.createElementNS(LienthongSoapService.NAMESPACE, "lt:RetiredRecipient");
                one.setAttribute("code", code);
                one.setAttribute("successor", successor);
                list.appendChild(one);
            });
            org.apache.cxf.headers.Header header = new org.apache.cxf.headers.Header(
                    new javax.xml.namespace.QName(LienthongSoapService.NAMESPACE, "RetiredRecipients"), list);
            header.setDirection(org.apache.cxf.headers.Header.Direction.DIRECTION_OUT);
            // the invoker copies this context's header list onto the response
            new org.apache.cxf.jaxws.context.WebServiceContextImpl().getMessageContext()
                    .put(org.apache.cxf.headers.Header.HEADER_LIST, new java.util.ArrayList<>(List.of(header)));
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<PendingDocument> listPending(String messageType) throws LienthongFault {
        return call("listPending", caller -> exchange.inbox(caller, messageType(messageType, false)).stream()
                .map(PendingDocument::of)
                .toList());
    }

    @Override
    public DataHandler getDocument(String docId) throws LienthongFault {
        return call("getDocument", caller -> {
            ExchangeService.StoredPacket stored = exchange.fetch(caller, required(docId, "docId"));
            // streamed from the store as the MTOM attachment is written
            return new DataHandler(new FileDataSource(stored.file().toFile()) {
                @Override
                public String getContentType() {
                    return OCTET_STREAM;
                }
            });
        });
    }

    @Override
    public void acknowledge(String docId, String status, String description) throws LienthongFault {
        call("acknowledge", caller -> {
            String id = required(docId, "docId");
            ExchangeService.TransportAck ack = ExchangeService.TransportAck.parse(required(status, "status"))
                    .orElseThrow(() -> new GatewayException(GatewayError.BAD_PARAMETER,
                            "status phải là done, fail hoặc processing"));
            exchange.acknowledge(caller, id, ack, description);
            return null;
        });
    }

    @Override
    public List<SoapAgency> listAgencies() throws LienthongFault {
        return call("listAgencies", caller -> exchange.agencies().stream().map(SoapAgency::of).toList());
    }

    // ---------------------------------------------------------------- authentication and refusals

    private interface Operation<T> {
        T apply(CallerSystem caller) throws IOException;
    }

    /**
     * Runs the operation for the caller {@link SoapAuthentication} authenticated before the body was read, and
     * turns every failure into a fault with its gateway code.
     */
    private <T> T call(String operation, Operation<T> body) throws LienthongFault {
        String systemId = null;
        try {
            CallerSystem caller = SoapAuthentication.caller(PhaseInterceptorChain.getCurrentMessage());
            systemId = caller.systemId();
            return body.apply(caller);
        } catch (GatewayException e) {
            LOG.info("SOAP {} từ chối (refused) {} [{}]: {}", operation, e.error().code(), LogSafe.text(systemId),
                    LogSafe.text(e.getMessage()));
            throw LienthongFault.of(e);
        } catch (IOException | RuntimeException e) {
            LOG.error("SOAP {} lỗi hệ thống (internal error) [{}]", operation, LogSafe.text(systemId), e);
            throw LienthongFault.of(GatewayError.INTERNAL_ERROR, null);
        }
    }

    /** The exchange's one rule; sendDocument's WSDL declares the parameter required, listPending's optional. */
    private static String messageType(String value, boolean required) {
        return MessageType.parse(required ? required(value, "messageType") : value);
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new GatewayException(GatewayError.MISSING_PARAMETER, name);
        }
        return value.trim();
    }
}
