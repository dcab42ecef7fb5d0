package vn.lienthong.gateway.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.lienthong.certs.SamplePki;
import vn.lienthong.gateway.support.Await;
import vn.lienthong.gateway.support.GatewayTest;

/**
 * A link configured with a TLS client certificate, against a real axis that demands one: this gateway itself,
 * serving HTTPS with the sample PKI (profile tls) and {@code client-auth: need}. Its inbox poll, the link's real
 * calls, works with the certificate (the axis's own certificate checked against {@code gateway.links.trust-store});
 * the same link without the certificate fails the TLS handshake and shows FAILING.
 */
@ActiveProfiles("tls")
class LinkClientCertificateTest extends GatewayTest {

    @Autowired
    LinkRepository links;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.ssl.client-auth", () -> "need");
        registry.add("gateway.links.trust-store", () -> "classpath:vn/lienthong/certs/sample/" + SamplePki.TRUSTSTORE);
        registry.add("gateway.links.trust-store-password", () -> SamplePki.PASSWORD);
        registry.add("gateway.links.poll-interval", () -> "300ms");
    }

    @Test
    void aLinkWithItsClientCertificatePassesMutualTlsAndOneWithoutIsRefused() throws Exception {
        Path keystore = work.resolve("truc-client.p12");
        try (OutputStream out = Files.newOutputStream(keystore)) {
            SamplePki.keyStore(vn.lienthong.gateway.support.Packets.TINH_UY).store(out, SamplePki.PASSWORD.toCharArray());
        }
        String endpoint = "https://localhost:" + port + "/vdxp";
        links.insert(new Link("mtls", "Trục đòi chứng thư máy khách", endpoint, "qlvb-tinhuy", "tinhuy-secret-2026",
                keystore.toString(), SamplePki.PASSWORD, true, null, null, null, null, null));
        links.insert(new Link("khong-chung-thu", "Cùng trục, không chứng thư", endpoint, "qlvb-tinhuy",
                "tinhuy-secret-2026", null, null, true, null, null, null, null, null));

        Link withCertificate = Await.until(Duration.ofSeconds(30), () -> links.find("mtls").orElseThrow(),
                link -> link.lastSuccessAt() != null);
        assertThat(withCertificate.state()).isEqualTo("UP");
        assertThat(withCertificate.lastError()).isNull();

        Link without = Await.until(Duration.ofSeconds(30), () -> links.find("khong-chung-thu").orElseThrow(),
                link -> link.failingSince() != null);
        assertThat(without.state()).isEqualTo("FAILING");
        assertThat(without.lastSuccessAt()).isNull();
        assertThat(without.lastError()).contains("poll");
    }
}
