package vn.lienthong.gateway.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.certs.SamplePdfGenerator;
import vn.lienthong.edxml.io.EdxmlReader;
import vn.lienthong.edxml.io.EdxmlWriter;
import vn.lienthong.edxml.model.AttachmentInfo;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.ManifestReference;
import vn.lienthong.gateway.signatures.PdfSignatureStore;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;
import vn.lienthong.gateway.support.GatewayTest;

/**
 * The PDFs inside packets are opened at intake and their signatures checked and recorded; the receiver
 * sees the verdict in its list, operators see each signature; an unsafe archive refuses the packet.
 */
@ExtendWith(OutputCaptureExtension.class)
class PdfSignaturesAtIntakeTest extends GatewayTest {

    private static int number = 950;

    @Autowired
    PdfSignatureStore pdfSignatures;

    /** A công văn to UBND whose one attachment is {@code content}, named {@code name}. */
    private Path packet(String name, String contentType, byte[] content) throws IOException {
        Path template = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY,
                List.of(Packets.UBND), Packets.TINH_UY + ",2026/11/21," + (++number) + "/PDF");
        EdocHeader header;
        try (EdxmlReader reader = EdxmlReader.open(template)) {
            EdocHeader read = (EdocHeader) reader.header();
            header = new EdocHeader(read.messageHeader(), read.traceHeaderList(), null, "1.0",
                    List.of(new ManifestReference("cid:1", contentType, name, name)));
        }
        Path out = work.resolve("pdf-" + number + ".edxml");
        try (OutputStream stream = Files.newOutputStream(out); EdxmlWriter writer = EdxmlWriter.create(stream)) {
            writer.writeHeader(header);
            writer.writeAttachment(new AttachmentInfo("cid:1", name, name, contentType), new ByteArrayInputStream(content));
        }
        return out;
    }

    private static byte[] samplePdf(String file) throws IOException {
        try (InputStream in = PdfSignaturesAtIntakeTest.class.getResourceAsStream(SamplePdfGenerator.RESOURCE_DIR + file)) {
            return in.readAllBytes();
        }
    }

    /** The official SDK's way: one entry named <UUID>.<ext>. */
    private static byte[] zipped(byte[] content, String entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private String send(Path packet) throws Exception {
        return sendPacket(SampleSystems.tinhUy(port), packet, Packets.TINH_UY);
    }

    @Test
    void signedPdfsAreCheckedAndTheReceiverSeesTheVerdict(CapturedOutput output) throws Exception {
        String good = send(packet("cong-van.pdf", "application/zip",
                zipped(samplePdf(SamplePdfGenerator.SIGNED), "0f8c7e2a-1b2c-4d5e-8f90-123456789abc.pdf")));
        String revoked = send(packet("cong-van-thu-hoi.pdf", "application/pdf", samplePdf(SamplePdfGenerator.SIGNED_BY_REVOKED)));
        String altered = send(packet("cong-van-sua.pdf", "application/pdf", samplePdf(SamplePdfGenerator.ALTERED)));
        String unsigned = send(packet("du-thao.pdf", "application/pdf", samplePdf(SamplePdfGenerator.UNSIGNED)));

        assertThat(pdfSignatures.verdictOf(good)).contains("SIGNED_VALID");
        assertThat(pdfSignatures.of(good)).singleElement().satisfies(signature -> {
            assertThat(signature.status()).isEqualTo("VALID");
            assertThat(signature.signerAgency()).isEqualTo(Packets.TINH_UY);
            assertThat(signature.signingTime()).isNotNull();
        });
        assertThat(pdfSignatures.verdictOf(revoked)).contains("INVALID");
        assertThat(pdfSignatures.of(revoked)).extracting(PdfSignatureStore.Row::status).containsExactly("REVOKED");
        assertThat(pdfSignatures.verdictOf(altered)).contains("INVALID");
        assertThat(pdfSignatures.verdictOf(unsigned)).contains("NOT_SIGNED");

        JsonNode inbox = await().atMost(Duration.ofSeconds(20)).until(() -> SampleSystems.ubnd(port).getReceivedEdocList("edoc").data(),
                list -> list.size() >= 4);
        assertThat(inbox.findValuesAsText("pdfSignatures")).contains("SIGNED_VALID", "INVALID", "NOT_SIGNED");
        for (JsonNode item : inbox) {
            VdxpClient.Answer fetched = SampleSystems.ubnd(port).getEdoc(item.path("docId").asText());
            assertThat(fetched.json().path("pdfSignatures").asText()).isEqualTo(item.path("pdfSignatures").asText());
        }
        // the samples' fonts are not embedded: PDFBox would warn twice per document, burying the operators' warnings
        assertThat(output.getAll()).doesNotContain("fallback font");
    }

    @Test
    void aZipBombIsRefusedWithItsCode() throws Exception {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("7c1e2d3f-0000-4000-8000-000000000000.pdf"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                zip.write(zeros); // 300 MiB of zeros, about 300 KiB compressed
            }
            zip.closeEntry();
        }
        VdxpClient.Answer answer = SampleSystems.tinhUy(port).sendEdoc(packet("bom.pdf", "application/zip",
                bomb.toByteArray()), "edoc", Packets.TINH_UY);
        assertThat(answer.errorCode()).isEqualTo("38");
    }
}
