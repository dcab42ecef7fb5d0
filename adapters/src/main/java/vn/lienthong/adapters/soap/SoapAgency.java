package vn.lienthong.adapters.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import vn.lienthong.adapters.exchange.ExchangeService;

/** One agency of the directory as the SOAP service lists it (listAgencies; its XML type is still named Agency). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Agency", propOrder = {"code", "parentCode", "name", "email", "side"})
public class SoapAgency {

    /** The agency's identification code (mã định danh, QĐ 20/2020). */
    @XmlElement(required = true)
    private String code;
    private String parentCode;
    private String name;
    private String email;
    /** PARTY or STATE. */
    private String side;

    public SoapAgency() {
    }

    public static SoapAgency of(ExchangeService.AgencyEntry entry) {
        SoapAgency agency = new SoapAgency();
        agency.code = entry.code();
        agency.parentCode = entry.parentCode();
        agency.name = entry.name();
        agency.email = entry.email();
        agency.side = entry.side();
        return agency;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getParentCode() {
        return parentCode;
    }

    public void setParentCode(String parentCode) {
        this.parentCode = parentCode;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getSide() {
        return side;
    }

    public void setSide(String side) {
        this.side = side;
    }
}
