package vn.lienthong.adapters.soap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import org.apache.cxf.Bus;
import org.apache.cxf.attachment.AttachmentDeserializer;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.staxutils.StaxUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.adapters.exchange.ExchangeService;

/**
 * Publishes the SOAP service on the application's CXF bus at {@value #ADDRESS}, relative to the CXF
 * servlet: with {@code cxf.path=/services} the service is {@code /services/lienthong} and its WSDL
 * {@code /services/lienthong?wsdl}.
 *
 * <p>The application imports this class and provides three beans: the CXF {@link Bus} (the
 * {@code cxf-spring-boot-starter-jaxws} auto-configuration does), its {@link ExchangeService}, and
 * {@link SoapSettings}.
 */
@Configuration(proxyBeanMethods = false)
public class SoapAdapterConfiguration {

    /** The service's address under the CXF servlet. */
    public static final String ADDRESS = "/lienthong";

    @Bean
    public EndpointImpl lienthongSoapEndpoint(Bus bus, ExchangeService exchange, SoapSettings settings,
                                              org.springframework.beans.factory.ObjectProvider<
                                                      vn.lienthong.adapters.exchange.LoginThrottle> throttle) {
        return publish(bus, ADDRESS, exchange, settings,
                throttle.getIfAvailable(vn.lienthong.adapters.exchange.LoginThrottle::standard));
    }

    /**
     * Publishes the service on {@code bus}: at a path under the CXF servlet ({@code "/lienthong"}), or at an
     * absolute {@code http://host:port/path} address when the bus has a standalone HTTP server transport.
     */
    public static EndpointImpl publish(Bus bus, String address, ExchangeService exchange, SoapSettings settings) {
        return publish(bus, address, exchange, settings, vn.lienthong.adapters.exchange.LoginThrottle.standard());
    }

    /** The same, with failed logins slowed down by a shared {@code throttle}. */
    public static EndpointImpl publish(Bus bus, String address, ExchangeService exchange, SoapSettings settings,
                                       vn.lienthong.adapters.exchange.LoginThrottle throttle) {
        try {
            Files.createDirectories(settings.spoolDir());
            Files.createDirectories(settings.attachmentDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EndpointImpl endpoint = new EndpointImpl(bus, new LienthongSoapEndpoint(exchange, settings));
        endpoint.setProperties(properties(settings));
        endpoint.getInInterceptors().add(new SoapAuthentication(exchange, throttle));
        endpoint.getOutInterceptors().add(new MtomResponsePolicy());
        endpoint.getOutFaultInterceptors().add(new MtomResponsePolicy());
        endpoint.getOutFaultInterceptors().add(new SoapFaultShaper());
        endpoint.publish(address);
        return endpoint;
    }

    /** The endpoint properties: MTOM, where and from what size CXF buffers attachments, and the limits. */
    static Map<String, Object> properties(SoapSettings settings) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(Message.MTOM_ENABLED, Boolean.TRUE);
        properties.put(AttachmentDeserializer.ATTACHMENT_DIRECTORY, settings.attachmentDir().toString());
        properties.put(AttachmentDeserializer.ATTACHMENT_MEMORY_THRESHOLD, settings.attachmentMemoryThreshold());
        properties.put(AttachmentDeserializer.ATTACHMENT_MAX_SIZE, settings.maxPacketBytes());
        properties.put(StaxUtils.MAX_TEXT_LENGTH, settings.maxInlineChars());
        // the body's XML is bounded as the VDXP API bounds a packet: depth, elements, characters
        properties.put(StaxUtils.MAX_ELEMENT_DEPTH, 32);
        properties.put(StaxUtils.MAX_CHILD_ELEMENTS, 10_000);
        properties.put(StaxUtils.MAX_ELEMENT_COUNT, 20_000L);
        properties.put(StaxUtils.MAX_XML_CHARACTERS, settings.maxInlineChars() + 1024L * 1024);
        properties.put(StaxUtils.MAX_ATTRIBUTE_COUNT, 64);
        properties.put(StaxUtils.MAX_ATTRIBUTE_SIZE, 64 * 1024);
        return properties;
    }
}
