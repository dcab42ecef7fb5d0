package vn.lienthong.gateway.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.certs.SamplePki;
import vn.lienthong.gateway.directory.DirectoryRepository;
import vn.lienthong.trust.certificates.CertificateIdentity;
import vn.lienthong.gateway.support.GatewayTest;

/**
 * The gateway serves HTTPS with its own certificate (profile tls), and a system may authenticate with a TLS
 * client certificate issued by the agency CA instead of its secret: real mutual-TLS calls.
 */
@ActiveProfiles("tls")
class ClientCertificateTest extends GatewayTest {

    @Autowired
    DirectoryRepository directory;

    private HttpClient client(String clientKey) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("root", SamplePki.rootCa());
        trust.init(anchors);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        if (clientKey != null) {
            keys.init(SamplePki.keyStore(clientKey), SamplePki.PASSWORD.toCharArray());
        } else {
            KeyStore empty = KeyStore.getInstance("PKCS12");
            empty.load(null, null);
            keys.init(empty, new char[0]);
        }
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private JsonNode call(HttpClient client, String operation, String parameters) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/vdxp/" + operation))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (parameters != null) {
            request.header("XroadVnpt-parameters", parameters);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void aSystemAuthenticatesWithItsRegisteredClientCertificate() throws Exception {
        directory.setClientCertificate("qlvb-tinhuy",
                CertificateIdentity.sha256Fingerprint(SamplePki.certificate("000.00.00.D41")));

        JsonNode list = call(client("000.00.00.D41"), "getReceivedEdocList", "{\"messagetype\":\"edoc\"}");
        assertThat(list.path("status").asText()).as(list.toString()).isEqualTo("OK");

        JsonNode unregistered = call(client("000.00.00.H41"), "getReceivedEdocList", null);
        assertThat(unregistered.path("ErrorCode").asText()).isEqualTo("15");

        JsonNode none = call(client(null), "getReceivedEdocList", null);
        assertThat(none.path("ErrorCode").asText()).isEqualTo("17");
    }
}
