package vn.lienthong.adapters.soap;

import jakarta.xml.ws.WebFault;

import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;

/**
 * Every refusal of the SOAP service: a SOAP fault whose faultstring is the Vietnamese description and whose
 * detail carries the same {@code errorCode} as the VDXP-compatible HTTP API.
 */
@WebFault(name = "LienthongFault", targetNamespace = LienthongSoapService.NAMESPACE,
        faultBean = "vn.lienthong.adapters.soap.LienthongFaultInfo")
public class LienthongFault extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient LienthongFaultInfo faultInfo;

    public LienthongFault(String message, LienthongFaultInfo faultInfo) {
        super(message);
        this.faultInfo = faultInfo;
    }

    public LienthongFault(String message, LienthongFaultInfo faultInfo, Throwable cause) {
        super(message, cause);
        this.faultInfo = faultInfo;
    }

    /** The fault for a gateway refusal. */
    public static LienthongFault of(GatewayException refusal) {
        return new LienthongFault(refusal.describe(),
                new LienthongFaultInfo(refusal.error().code(), refusal.describe()));
    }

    public static LienthongFault of(GatewayError error, String detail) {
        return of(new GatewayException(error, detail));
    }

    /** The JAX-WS accessor of the detail (clients generated from the WSDL have the same one). */
    public LienthongFaultInfo getFaultInfo() {
        return faultInfo;
    }

    public String errorCode() {
        return faultInfo == null ? null : faultInfo.getErrorCode();
    }
}
