package vn.lienthong.adapters.soap;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.cxf.helpers.CastUtils;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import vn.lienthong.adapters.exchange.ExchangeService;
import vn.lienthong.adapters.exchange.ExchangeService.CallerSystem;
import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.adapters.exchange.LogSafe;
import vn.lienthong.adapters.exchange.LoginThrottle;
import vn.lienthong.adapters.http.ClientAddress;

/**
 * Authenticates a SOAP call (HTTP Basic) and admits it against its system's request rate in the POST_STREAM
 * phase, before a byte of the body is parsed: an unknown or unauthenticated caller never gets the XML parser
 * to work for it. Failed logins are slowed down per system id and per address as on the VDXP API (54). The
 * caller is left on the message for {@link LienthongSoapEndpoint}.
 */
final class SoapAuthentication extends AbstractPhaseInterceptor<Message> {

    static final String CALLER = SoapAuthentication.class.getName() + ".caller";

    private static final Logger LOG = LoggerFactory.getLogger(SoapAuthentication.class);

    /** The throttle's channel: SOAP failures are counted apart from the VDXP API's. */
    private static final String CHANNEL = "soap";

    private final ExchangeService exchange;
    private final LoginThrottle throttle;

    SoapAuthentication(ExchangeService exchange, LoginThrottle throttle) {
        super(Phase.POST_STREAM); // after the MIME parts are set up (MTOM), before the envelope is read
        this.exchange = exchange;
        this.throttle = throttle;
    }

    @Override
    public void handleMessage(Message message) {
        if ("GET".equals(message.get(Message.HTTP_REQUEST_METHOD))) {
            return; // the WSDL is public
        }
        String systemId = null;
        try {
            BasicCredentials credentials = BasicCredentials.parse(authorization(message))
                    .orElseThrow(() -> new GatewayException(GatewayError.MISSING_CREDENTIALS, "HTTP Basic"));
            systemId = credentials.systemId();
            String address = address(message);
            throttle.checkAllowed(CHANNEL, systemId, address); // before the secret is compared
            // an unknown system and a wrong secret get the same answer (15), so ids cannot be probed
            CallerSystem caller = exchange.findSystem(credentials.systemId())
                    .filter(found -> credentials.secretMatches(found.secret()))
                    .orElse(null);
            if (caller == null) {
                throttle.failed(CHANNEL, systemId, address);
                throw new GatewayException(GatewayError.BAD_CREDENTIALS, null);
            }
            throttle.succeeded(CHANNEL, systemId);
            exchange.admit(caller);
            message.put(CALLER, caller);
        } catch (GatewayException e) {
            if (e.error() != GatewayError.MISSING_CREDENTIALS) {
                LOG.info("SOAP từ chối trước khi đọc thân (refused before reading the body) {} [{}]: {}",
                        e.error().code(), LogSafe.text(systemId), LogSafe.text(e.getMessage()));
            }
            throw refusal(e);
        }
    }

    /**
     * The fault for a refusal met before the operation is known: its detail is written here, in the shape
     * of {@link LienthongFault}'s (CXF can marshal that one only once it knows the operation), so clients
     * read the same errorCode; {@link SoapFaultShaper} sets its faultcode and HTTP status.
     */
    private static Fault refusal(GatewayException e) {
        Fault fault = new Fault(new Refused(e));
        Element detail = fault.getOrCreateDetail();
        Document document = detail.getOwnerDocument();
        Element info = document.createElementNS(LienthongSoapService.NAMESPACE, "LienthongFault");
        Element code = document.createElementNS(LienthongSoapService.NAMESPACE, "errorCode");
        code.setTextContent(e.error().code());
        Element description = document.createElementNS(LienthongSoapService.NAMESPACE, "errorDesc");
        description.setTextContent(e.describe());
        info.appendChild(code);
        info.appendChild(description);
        detail.appendChild(info);
        return fault;
    }

    /** The cause of a fault raised before the body was read, carrying the gateway's error. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient GatewayError error;

        Refused(GatewayException refusal) {
            super(refusal.describe(), null, false, false);
            this.error = refusal.error();
        }

        GatewayError error() {
            return error;
        }
    }

    /** The caller this interceptor authenticated for the request being served. */
    static CallerSystem caller(Message message) {
        Object caller = message == null ? null : message.getExchange().getInMessage().get(CALLER);
        if (!(caller instanceof CallerSystem system)) {
            throw new GatewayException(GatewayError.MISSING_CREDENTIALS, "HTTP Basic");
        }
        return system;
    }

    /** The caller's address as the transport filter resolved it (a trusted proxy's X-Forwarded-For), or the peer's. */
    private static String address(Message message) {
        Object request = message.get(AbstractHTTPDestination.HTTP_REQUEST);
        return request instanceof HttpServletRequest http ? ClientAddress.of(http) : null;
    }

    private static String authorization(Message message) {
        Map<String, List<String>> headers = CastUtils.cast((Map<?, ?>) message.get(Message.PROTOCOL_HEADERS));
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if ("Authorization".equalsIgnoreCase(header.getKey()) && header.getValue() != null
                    && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}
