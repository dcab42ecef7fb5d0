/**
 * The gateway's SOAP service (code-first JAX-WS on CXF, document/literal wrapped, MTOM): the same
 * operations as the VDXP-compatible HTTP API for document systems that speak SOAP. It authenticates with
 * HTTP Basic, translates, and delegates everything else to {@link vn.lienthong.adapters.exchange.ExchangeService}.
 */
@XmlSchema(namespace = LienthongSoapService.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
package vn.lienthong.adapters.soap;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
