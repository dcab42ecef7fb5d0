package vn.lienthong.adapters.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.xml.ws.WebServiceException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import vn.lienthong.adapters.exchange.InMemoryExchange;
import vn.lienthong.adapters.exchange.ExchangeService;
import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;

/** The SOAP service over real HTTP: CXF servlet in Tomcat on 127.0.0.1, called by a real CXF client. */
class SoapServiceTest {

    private static final long MAX_PACKET = 1_000_000;
    private static final int MAX_INLINE_CHARS = 64 * 1024;

    @TempDir
    static Path work;

    static InMemoryExchange exchange;
    static SoapSettings settings;
    static SoapTestServer server;
    static Path sample;

    @BeforeAll
    static void start() throws Exception {
        sample = Path.of(System.getProperty("samples.dir"), "vpcp-sdk-example", "edoc_new.edxml");
        exchange = new InMemoryExchange(work.resolve("store"));
        settings = new SoapSettings(MAX_PACKET, work.resolve("spool"), work.resolve("cxf"), 64 * 1024,
                MAX_INLINE_CHARS);
        server = new SoapTestServer(exchange, settings, work);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void clearFailures() {
        exchange.nextSubmitFailure.set(null);
        exchange.clearInboxes();
    }

    private static DataHandler packet(Path file) {
        return new DataHandler(new FileDataSource(file.toFile()));
    }

    private static byte[] read(DataHandler handler) throws IOException {
        try (InputStream in = handler.getInputStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void aSentPacketArrivesByteForByteAndCanBeListedFetchedAndAcknowledged() throws Exception {
        LienthongSoapService tinhuy = server.client("qlvb-tinhuy", "tinhuy-secret-2026");
        String docId = tinhuy.sendDocument("edoc", packet(sample));

        InMemoryExchange.Accepted accepted = exchange.accepted.stream()
                .filter(a -> a.docId().equals(docId)).findFirst().orElseThrow();
        assertThat(accepted.caller().systemId()).isEqualTo("qlvb-tinhuy");
        assertThat(accepted.messageType()).isEqualTo("edoc");
        assertThat(accepted.channel()).isEqualTo("soap");
        assertThat(Files.readAllBytes(accepted.file())).isEqualTo(Files.readAllBytes(sample));
        assertThat(accepted.size()).isEqualTo(Files.size(sample));
        try (var left = Files.list(settings.spoolDir())) {
            assertThat(left).as("the spool is closed after submit").isEmpty();
        }

        exchange.deliver(docId, InMemoryExchange.UBND, "000.00.00.D41", "000.00.00.H41");
        LienthongSoapService ubnd = server.client("qlvb-ubnd", "ubnd-secret-2026");
        List<PendingDocument> pending = ubnd.listPending("edoc");
        assertThat(pending).singleElement().satisfies(item -> {
            assertThat(item.getDocId()).isEqualTo(docId);
            assertThat(item.getMessageType()).isEqualTo("edoc");
            assertThat(item.getFrom()).isEqualTo("000.00.00.D41");
            assertThat(item.getTo()).isEqualTo("000.00.00.H41");
            assertThat(item.getCreatedAt()).isEqualTo(java.time.Instant.parse("2026-11-21T02:30:00Z"));
            assertThat(item.getStatus()).as("the SOAP word for a new document").isEqualTo("initial");
            assertThat(item.getPriority()).isEqualTo(2);
            assertThat(item.getSize()).isEqualTo(Files.size(sample));
            assertThat(item.getSha256()).isEqualTo(accepted.sha256());
        });
        assertThat(ubnd.listPending("status")).as("JAX-WS reads an empty list as null").isNullOrEmpty();
        assertThat(ubnd.listPending(null)).as("edoc by default").hasSize(1);

        assertThat(read(ubnd.getDocument(docId))).isEqualTo(Files.readAllBytes(sample));

        ubnd.acknowledge(docId, "done", "Đã nhận");
        assertThat(exchange.acks).contains(
                new InMemoryExchange.Ack("qlvb-ubnd", docId, ExchangeService.TransportAck.DONE, "Đã nhận"));

        // the sender cannot read the recipient's inbox
        assertThatThrownBy(() -> tinhuy.getDocument(docId)).isInstanceOfSatisfying(LienthongFault.class,
                f -> assertThat(f.errorCode()).isEqualTo("40"));
    }

    @Test
    void listsTheAgencies() throws Exception {
        List<SoapAgency> agencies = server.client("qlvb-ubnd", "ubnd-secret-2026").listAgencies();
        assertThat(agencies).extracting(SoapAgency::getCode)
                .containsExactly("000.00.00.D41", "000.00.00.H41", "000.00.05.H41");
        assertThat(agencies.get(2).getParentCode()).isEqualTo("000.00.00.H41");
        assertThat(agencies.get(0).getName()).isEqualTo("Văn phòng Tỉnh ủy Nghệ An (mẫu)");
        assertThat(agencies.get(1).getSide()).isEqualTo("STATE");
    }

    @Test
    void aWrongSecretIsFault15() {
        assertThatThrownBy(() -> server.client("qlvb-tinhuy", "wrong").listAgencies())
                .isInstanceOfSatisfying(LienthongFault.class, f -> {
                    assertThat(f.errorCode()).isEqualTo("15");
                    assertThat(f.getFaultInfo().getErrorDesc()).isEqualTo(GatewayError.BAD_CREDENTIALS.vietnamese());
                    assertThat(f.getMessage()).isEqualTo(GatewayError.BAD_CREDENTIALS.vietnamese());
                });
        assertThat(exchange.accepted).noneMatch(a -> false);
    }

    @Test
    void anUnknownSystemGetsTheSameFaultAsAWrongPassword() {
        assertThatThrownBy(() -> server.client("khong-co", "x").sendDocument("edoc", packet(sample)))
                .isInstanceOfSatisfying(LienthongFault.class, f -> {
                    assertThat(f.errorCode()).isEqualTo("15");
                    assertThat(f.getMessage()).isEqualTo(GatewayError.BAD_CREDENTIALS.vietnamese());
                });
    }

    @Test
    void noCredentialsIsFault17WithABasicChallenge() throws Exception {
        // a CXF client without credentials sees the 401 as an HTTP error, unless told to read the fault
        assertThatThrownBy(() -> server.client(null, null).listAgencies())
                .isInstanceOf(WebServiceException.class)
                .hasStackTraceContaining("401");
        LienthongSoapService anonymous = server.client(null, null, true,
                Map.of("org.apache.cxf.transport.no_io_exceptions", true));
        assertThatThrownBy(anonymous::listAgencies).isInstanceOfSatisfying(LienthongFault.class, f -> {
            assertThat(f.errorCode()).isEqualTo("17");
            assertThat(f.getMessage()).startsWith(GatewayError.MISSING_CREDENTIALS.vietnamese());
        });

        // on the wire: 401, the challenge, and the fault with its code
        String envelope = listAgenciesEnvelope();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(soapPost(envelope),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Basic realm=\"lienthong\""));
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/xml"));
        assertThat(answer.body()).contains("<errorCode>17</errorCode>").contains("<faultcode>soap:Client</faultcode>");

        // a client that sends credentials only when challenged gets through
        HttpClient challenged = HttpClient.newBuilder().authenticator(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication("qlvb-ubnd", "ubnd-secret-2026".toCharArray());
            }
        }).build();
        HttpResponse<String> ok = challenged.send(soapPost(envelope), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("000.00.05.H41");
    }

    @Test
    void aRefusalOfTheGatewayKeepsItsCodeAndVietnameseText() {
        exchange.nextSubmitFailure.set(new GatewayException(GatewayError.UNKNOWN_RECIPIENT, "000.00.99.H41"));
        assertThatThrownBy(() -> server.client("qlvb-tinhuy", "tinhuy-secret-2026").sendDocument("edoc", packet(sample)))
                .isInstanceOfSatisfying(LienthongFault.class, f -> {
                    assertThat(f.errorCode()).isEqualTo("18");
                    assertThat(f.getFaultInfo().getErrorDesc())
                            .isEqualTo("Đơn vị nhận không tồn tại trong danh bạ: 000.00.99.H41");
                    assertThat(f.getMessage()).isEqualTo(f.getFaultInfo().getErrorDesc());
                });
    }

    @Test
    void anUnexpectedFailureIsFault20WithoutItsDetails() {
        exchange.nextSubmitFailure.set(new IllegalStateException("database on fire at jdbc:h2:secret"));
        assertThatThrownBy(() -> server.client("qlvb-tinhuy", "tinhuy-secret-2026").sendDocument("edoc", packet(sample)))
                .isInstanceOfSatisfying(LienthongFault.class, f -> {
                    assertThat(f.errorCode()).isEqualTo("20");
                    assertThat(f.getMessage()).isEqualTo(GatewayError.INTERNAL_ERROR.vietnamese())
                            .doesNotContain("secret");
                });
    }

    @Test
    void checksTheParametersShape() {
        LienthongSoapService ubnd = server.client("qlvb-ubnd", "ubnd-secret-2026");
        assertThatThrownBy(() -> ubnd.sendDocument("thu", packet(sample)))
                .isInstanceOfSatisfying(LienthongFault.class, f -> assertThat(f.errorCode()).isEqualTo("41"));
        assertThatThrownBy(() -> ubnd.sendDocument(null, packet(sample)))
                .isInstanceOfSatisfying(LienthongFault.class, f -> assertThat(f.errorCode()).isEqualTo("42"));
        assertThatThrownBy(() -> ubnd.sendDocument("edoc", null))
                .isInstanceOfSatisfying(LienthongFault.class, f -> assertThat(f.errorCode()).isEqualTo("42"));
        assertThatThrownBy(() -> ubnd.acknowledge("doc-x", "ok", null))
                .isInstanceOfSatisfying(LienthongFault.class, f -> assertThat(f.errorCode()).isEqualTo("41"));
        assertThatThrownBy(() -> ubnd.getDocument("doc-none"))
                .isInstanceOfSatisfying(LienthongFault.class, f -> assertThat(f.errorCode()).isEqualTo("40"));
    }

    @Test
    void aPacketOverTheLimitIsFault12AndLeavesNothingBehind() throws Exception {
        Path big = work.resolve("big.edxml");
        Files.write(big, new byte[(int) MAX_PACKET + 1]);
        int before = exchange.accepted.size();
        assertThatThrownBy(() -> server.client("qlvb-tinhuy", "tinhuy-secret-2026").sendDocument("edoc", packet(big)))
                .isInstanceOfSatisfying(LienthongFault.class, f -> assertThat(f.errorCode()).isEqualTo("12"));
        assertThat(exchange.accepted).hasSize(before);
        try (var left = Files.list(settings.spoolDir())) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aSmallPacketMayComeInlineButALargeOneMustUseMtom() throws Exception {
        Path status = Path.of(System.getProperty("samples.dir"), "vpcp-sdk-example", "status.edxml");
        LienthongSoapService inline = server.client("qlvb-ubnd", "ubnd-secret-2026", false, Map.of());
        String docId = inline.sendDocument("status", packet(status));
        InMemoryExchange.Accepted accepted = exchange.accepted.stream()
                .filter(a -> a.docId().equals(docId)).findFirst().orElseThrow();
        assertThat(Files.readAllBytes(accepted.file())).isEqualTo(Files.readAllBytes(status));
        // getDocument answers with MTOM even to a caller that did not use it (CXF clients read both)
        exchange.deliver(docId, InMemoryExchange.UBND, "000.00.00.H41", "000.00.00.D41");
        assertThat(read(inline.getDocument(docId))).isEqualTo(Files.readAllBytes(status));

        // edoc_new.edxml is 368 KB: about 490 K characters of base64, over the inline limit of this server
        assertThatThrownBy(() -> inline.sendDocument("edoc", packet(sample)))
                .isInstanceOfSatisfying(LienthongFault.class, f -> {
                    assertThat(f.errorCode()).isEqualTo("12");
                    assertThat(f.getMessage()).contains("MTOM");
                });

        // a caller without MTOM gets plain SOAP back (only getDocument always answers with MTOM)
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<l:listPending xmlns:l=\"urn:lienthong:gateway:1\"><l:messageType>edoc</l:messageType>"
                + "</l:listPending></soap:Body></soap:Envelope>";
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.serviceUrl())
                        .header("Content-Type", "text/xml; charset=UTF-8")
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                .encodeToString("qlvb-ubnd:ubnd-secret-2026".getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/xml"));
        assertThat(plain.body()).startsWith("<soap:Envelope").contains("listPendingResponse");
    }

    @Test
    void publishesAWsdlNamingTheFiveOperations() throws Exception {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(java.net.URI.create(server.serviceUrl() + "?wsdl")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document wsdl = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(answer.body()));
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "wsdl" -> "http://schemas.xmlsoap.org/wsdl/";
                    case "soap" -> "http://schemas.xmlsoap.org/wsdl/soap/";
                    case "xs" -> "http://www.w3.org/2001/XMLSchema";
                    default -> null;
                };
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        assertThat(xpath.evaluate("/wsdl:definitions/@targetNamespace", wsdl)).isEqualTo("urn:lienthong:gateway:1");
        NodeList operations = (NodeList) xpath.evaluate("//wsdl:portType/wsdl:operation/@name", wsdl,
                XPathConstants.NODESET);
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < operations.getLength(); i++) {
            names.add(operations.item(i).getNodeValue());
        }
        assertThat(names).containsExactlyInAnyOrder("sendDocument", "listPending", "getDocument", "acknowledge",
                "listAgencies");
        assertThat(xpath.evaluate("//wsdl:service/@name", wsdl)).isEqualTo("LienthongService");
        assertThat(xpath.evaluate("//wsdl:service/wsdl:port/soap:address/@location", wsdl))
                .isEqualTo(server.serviceUrl().toString());
        assertThat(xpath.evaluate("count(//wsdl:message[wsdl:part[@element='tns:LienthongFault']])", wsdl))
                .isEqualTo("1");
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("expectedContentTypes=\"application/octet-stream\"");
    }

    private static String listAgenciesEnvelope() {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Body><l:listAgencies xmlns:l=\"urn:lienthong:gateway:1\"/></soap:Body></soap:Envelope>";
    }

    private static HttpRequest soapPost(String envelope) {
        return HttpRequest.newBuilder(server.serviceUrl())
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build();
    }
}
