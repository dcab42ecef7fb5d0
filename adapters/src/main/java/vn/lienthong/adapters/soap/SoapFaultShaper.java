package vn.lienthong.adapters.soap;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.cxf.helpers.CastUtils;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

import vn.lienthong.adapters.exchange.GatewayError;

/**
 * Shapes a fault before CXF writes it:
 * <ul>
 * <li>a packet sent inline (base64, no MTOM) over the inline limit fails in CXF's XML reader; it becomes
 * the gateway's PACKET_TOO_LARGE fault, saying to use MTOM;</li>
 * <li>the caller's mistakes (the codes whose HTTP status is 4xx) get the faultcode {@code soap:Client}
 * instead of {@code soap:Server};</li>
 * <li>a request without credentials gets HTTP 401 with a {@code WWW-Authenticate: Basic} challenge, so that
 * clients which send credentials only when challenged (.NET, java.net.Authenticator) work.</li>
 * </ul>
 * Every other fault keeps SOAP 1.1's HTTP 500.
 */
final class SoapFaultShaper extends AbstractPhaseInterceptor<Message> {

    static final String CHALLENGE = "Basic realm=\"lienthong\", charset=\"UTF-8\"";

    SoapFaultShaper() {
        super(Phase.PRE_LOGICAL); // before WebFaultOutInterceptor writes the detail and the status is read
    }

    @Override
    public void handleMessage(Message message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault)) {
            return;
        }
        if (!(fault.getCause() instanceof LienthongFault) && isInlineLimit(fault)) {
            fault = new Fault(LienthongFault.of(GatewayError.PACKET_TOO_LARGE,
                    "gói tin lớn phải gửi dạng MTOM (send large packets as MTOM attachments)"));
            message.setContent(Exception.class, fault);
        }
        GatewayError error;
        if (fault.getCause() instanceof LienthongFault refusal) {
            error = byCode(refusal.errorCode());
        } else if (fault.getCause() instanceof SoapAuthentication.Refused early) {
            error = early.error();
        } else {
            return;
        }
        if (error == null) {
            return;
        }
        if (error.httpStatus() < 500) {
            fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
        }
        if (error == GatewayError.MISSING_CREDENTIALS) {
            fault.setStatusCode(401);
            Map<String, List<String>> headers = CastUtils.cast((Map<?, ?>) message.get(Message.PROTOCOL_HEADERS));
            if (headers == null) {
                headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                message.put(Message.PROTOCOL_HEADERS, headers);
            }
            headers.put("WWW-Authenticate", List.of(CHALLENGE));
        }
    }

    /** Woodstox's refusal of a text node over {@code org.apache.cxf.stax.maxTextLength}. */
    private static boolean isInlineLimit(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Text size limit")) {
                return true;
            }
        }
        return false;
    }

    private static GatewayError byCode(String code) {
        for (GatewayError error : GatewayError.values()) {
            if (error.code().equals(code)) {
                return error;
            }
        }
        return null;
    }
}
