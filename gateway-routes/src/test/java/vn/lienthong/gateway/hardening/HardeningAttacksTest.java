package vn.lienthong.gateway.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.lienthong.adapters.vdxp.VdxpClient;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;

/**
 * The attacks of the hardening issue, tried as an authenticated system would, through real HTTP calls
 * against the embedded gateway: each must fail with its code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HardeningAttacksTest {

    private static final AtomicInteger NUMBER = new AtomicInteger(100);

    @TempDir
    static Path dataDir;

    @TempDir
    Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("gateway.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static String newDocumentId(String from) {
        return from + ",2026/11/21," + NUMBER.incrementAndGet() + "/HARDEN";
    }

    /** Issue 10.4: a first From naming Văn phòng Chính phủ before the real sender's is refused, not delivered. */
    @Test
    void aSecondFromIsRefusedWhicheverComesFirst() throws Exception {
        Path honest = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY,
                List.of(Packets.UBND), newDocumentId(Packets.TINH_UY));
        String text = Files.readString(honest, StandardCharsets.UTF_8);
        String forged = text.replaceFirst("<edXML:From>", "<edXML:From><edXML:OrganId>" + Packets.VPCP
                + "</edXML:OrganId><edXML:OrganName>Văn phòng Chính phủ</edXML:OrganName></edXML:From><edXML:From>");
        assertThat(forged).isNotEqualTo(text);
        Path attack = work.resolve("two-froms.edxml");
        Files.writeString(attack, forged, StandardCharsets.UTF_8);

        VdxpClient.Answer answer = SampleSystems.tinhUy(port).sendEdoc(attack, "edoc", Packets.TINH_UY);
        assertThat(answer.errorCode()).as(answer.json().toString()).isEqualTo("13");
        assertThat(answer.errorDesc()).contains("From");
        assertThat(answer.docId()).isEmpty();
        assertThat(SampleSystems.tinhUy(port).sendEdoc(honest, "edoc", Packets.TINH_UY).ok()).isTrue();
    }
}
