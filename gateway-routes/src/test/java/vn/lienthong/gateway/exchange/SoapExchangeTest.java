package vn.lienthong.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.SOAPBinding;

import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.junit.jupiter.api.Test;

import vn.lienthong.adapters.soap.LienthongFault;
import vn.lienthong.adapters.soap.LienthongSoapService;
import vn.lienthong.adapters.soap.PendingDocument;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.GatewayTest;

/** The SOAP service of the running gateway, called by a real CXF client with MTOM and HTTP Basic. */
class SoapExchangeTest extends GatewayTest {

    LienthongSoapService client(String systemId, String secret) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(LienthongSoapService.class);
        factory.setAddress("http://127.0.0.1:" + port + "/services/lienthong");
        factory.setUsername(systemId);
        factory.setPassword(secret);
        factory.setProperties(new java.util.HashMap<>(Map.of("mtom-enabled", Boolean.TRUE)));
        LienthongSoapService service = (LienthongSoapService) factory.create();
        ((SOAPBinding) ((BindingProvider) service).getBinding()).setMTOMEnabled(true);
        return service;
    }

    @Test
    void aSoapSystemSendsAndAnotherReceivesOverSoap() throws Exception {
        String documentId = Packets.TINH_UY + ",2026/11/21,901-CV/VPTU";
        Path packet = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY,
                List.of(Packets.UBND), documentId);
        String docId = client("qlvb-tinhuy", "tinhuy-secret-2026")
                .sendDocument("edoc", new DataHandler(new FileDataSource(packet.toFile())));
        assertThat(docId).matches("[0-9a-f-]{36}");

        LienthongSoapService ubnd = client("qlvb-ubnd", "ubnd-secret-2026");
        List<PendingDocument> pending = await().atMost(Duration.ofSeconds(20)).until(() -> ubnd.listPending("edoc"),
                list -> list != null && !list.isEmpty()); // SOAP answers null for an empty list
        String copy = pending.get(0).getDocId();
        byte[] received;
        try (InputStream in = ubnd.getDocument(copy).getInputStream()) {
            received = in.readAllBytes();
        }
        assertThat(((EdocHeader) Packets.header(received)).messageHeader().documentId()).isEqualTo(documentId);
        ubnd.acknowledge(copy, "done", null);
        List<PendingDocument> after = ubnd.listPending("edoc"); // JAXB hands an empty list over as null
        assertThat(after == null ? List.of() : after).isEmpty();
        assertThat(ubnd.listAgencies()).hasSize(5);
    }

    @Test
    void refusalsAreFaultsWithTheSameCodes() throws Exception {
        Path packet = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.VPCP,
                List.of(Packets.UBND), "x,2026/11/21,902");
        DataHandler body = new DataHandler(new FileDataSource(packet.toFile()));
        assertThatThrownBy(() -> client("qlvb-tinhuy", "tinhuy-secret-2026").sendDocument("edoc", body))
                .isInstanceOfSatisfying(LienthongFault.class, f -> assertThat(f.errorCode()).isEqualTo("19"));
        assertThatThrownBy(() -> client("qlvb-tinhuy", "sai").listPending("edoc"))
                .isInstanceOfSatisfying(LienthongFault.class, f -> assertThat(f.errorCode()).isEqualTo("15"));
        assertThatThrownBy(() -> client("qlvb-ubnd", "ubnd-secret-2026").getDocument("khong-co"))
                .isInstanceOfSatisfying(LienthongFault.class, f -> assertThat(f.errorCode()).isEqualTo("40"));
    }

    @Test
    void theWsdlIsPublished() throws Exception {
        HttpResponse<String> wsdl = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/services/lienthong?wsdl")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("sendDocument", "listPending", "getDocument", "acknowledge", "listAgencies");
        assertThat(Files.exists(dataDir)).isTrue();
    }
}
