package vn.lienthong.adapters.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** The detail of a {@link LienthongFault}: the gateway's error code and its Vietnamese description. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "LienthongFaultInfo", propOrder = {"errorCode", "errorDesc"})
public class LienthongFaultInfo {

    @XmlElement(required = true)
    private String errorCode;

    @XmlElement(required = true)
    private String errorDesc;

    public LienthongFaultInfo() {
    }

    public LienthongFaultInfo(String errorCode, String errorDesc) {
        this.errorCode = errorCode;
        this.errorDesc = errorDesc;
    }

    /** The code of {@link vn.lienthong.adapters.exchange.GatewayError}, as on the HTTP API. */
    public String getErrorCode() {
        return errorCode;
    }

    public void setErrorCode(String errorCode) {
        this.errorCode = errorCode;
    }

    /** What the caller reads (Vietnamese). */
    public String getErrorDesc() {
        return errorDesc;
    }

    public void setErrorDesc(String errorDesc) {
        this.errorDesc = errorDesc;
    }
}
