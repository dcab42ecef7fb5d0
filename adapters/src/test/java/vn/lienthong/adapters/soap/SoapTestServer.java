package vn.lienthong.adapters.soap;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.bus.spring.SpringBus;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import vn.lienthong.adapters.exchange.ExchangeService;

/**
 * The SOAP service as the gateway application runs it: a Spring context that imports
 * {@link SoapAdapterConfiguration} with a CXF {@link SpringBus}, and the CXF servlet at {@code /services/*}
 * in an embedded Tomcat on a random port of 127.0.0.1.
 */
final class SoapTestServer implements AutoCloseable {

    private final AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext();
    private final Tomcat tomcat = new Tomcat();
    private final Bus clientBus = BusFactory.newInstance().createBus();
    private final URI base;

    SoapTestServer(ExchangeService exchange, SoapSettings settings, Path workDir) throws LifecycleException {
        spring.registerBean("cxf", SpringBus.class, () -> new SpringBus());
        spring.registerBean(ExchangeService.class, () -> exchange);
        spring.registerBean(SoapSettings.class, () -> settings);
        spring.register(SoapAdapterConfiguration.class);
        spring.refresh();

        tomcat.setBaseDir(workDir.resolve("tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", workDir.toString());
        CXFNonSpringServlet servlet = new CXFNonSpringServlet();
        servlet.setBus(spring.getBean(Bus.class));
        Tomcat.addServlet(context, "cxf", servlet);
        context.addServletMappingDecoded("/services/*", "cxf");
        tomcat.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/services");
    }

    /** The service's address, {@code http://127.0.0.1:<port>/services/lienthong}. */
    URI serviceUrl() {
        return URI.create(base + SoapAdapterConfiguration.ADDRESS);
    }

    /** A CXF JAX-WS client (MTOM on) authenticated with HTTP Basic, or anonymous when systemId is null. */
    LienthongSoapService client(String systemId, String secret) {
        return client(systemId, secret, true, Map.of());
    }

    LienthongSoapService client(String systemId, String secret, boolean mtom, Map<String, Object> extra) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setBus(clientBus);
        factory.setServiceClass(LienthongSoapService.class);
        factory.setAddress(serviceUrl().toString());
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put(Message.MTOM_ENABLED, mtom);
        factory.setProperties(properties);
        if (systemId != null) {
            factory.setUsername(systemId);
            factory.setPassword(secret);
        }
        return factory.create(LienthongSoapService.class);
    }

    @Override
    public void close() throws LifecycleException {
        clientBus.shutdown(true);
        tomcat.stop();
        tomcat.destroy();
        spring.close();
    }
}
