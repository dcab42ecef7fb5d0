package vn.lienthong.gateway.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.certs.SamplePdfGenerator;
import vn.lienthong.edxml.io.EdxmlReader;
import vn.lienthong.edxml.io.EdxmlWriter;
import vn.lienthong.edxml.model.AttachmentInfo;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.ManifestReference;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.gateway.support.GatewayTest;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;

/**
 * Issue 10.5, the cost of one packet: packets crafted to make the intake work hard (a huge envelope, many PDF
 * signatures, attachments that unpack to much, many attachments) are sent by an authenticated system through the
 * VDXP API and refused with their codes (66-69), while packets at the bounds pass. Low bounds here.
 */
class PacketCostLimitsTest extends GatewayTest {

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        registry.add("gateway.limits.packet.max-header-size", () -> "128KB");
        registry.add("gateway.limits.packet.max-pdf-signatures", () -> "2");
        registry.add("gateway.limits.packet.max-unpacked-size", () -> "1MB");
        registry.add("gateway.limits.packet.max-attachments", () -> "3");
    }

    private static final Random RANDOM = new Random(10);

    /** A công văn from the Tỉnh ủy to UBND with these attachments (name, content), or with this header. */
    private Path packet(List<String> names, List<byte[]> contents, java.util.function.UnaryOperator<EdocHeader> change)
            throws IOException {
        Path template = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY,
                List.of(Packets.UBND), newDocumentId(Packets.TINH_UY, "/CHI-PHI"));
        EdocHeader header;
        List<ManifestReference> manifest = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            manifest.add(new ManifestReference("cid:" + (i + 1), "application/octet-stream", names.get(i), names.get(i)));
        }
        try (EdxmlReader reader = EdxmlReader.open(template)) {
            EdocHeader read = (EdocHeader) reader.header();
            header = change.apply(new EdocHeader(read.messageHeader(), read.traceHeaderList(), null, "1.0", manifest));
        }
        Path out = Files.createTempFile(work, "cost-", ".edxml");
        try (OutputStream stream = Files.newOutputStream(out); EdxmlWriter writer = EdxmlWriter.create(stream)) {
            writer.writeHeader(header);
            for (int i = 0; i < names.size(); i++) {
                writer.writeAttachment(new AttachmentInfo("cid:" + (i + 1), names.get(i), names.get(i),
                        "application/octet-stream"), new ByteArrayInputStream(contents.get(i)));
            }
        }
        return out;
    }

    private Path packet(List<String> names, List<byte[]> contents) throws IOException {
        return packet(names, contents, header -> header);
    }

    private VdxpClient.Answer sendHere(Path packet) throws Exception {
        return SampleSystems.tinhUy(port).sendEdoc(packet, "edoc", Packets.TINH_UY);
    }

    private static byte[] pdf(String file) throws IOException {
        try (InputStream in = SamplePdfGenerator.open(file)) {
            return in.readAllBytes();
        }
    }

    private static byte[] zipOfRandom(int bytes) throws IOException {
        byte[] noise = new byte[bytes];
        RANDOM.nextBytes(noise); // does not compress: each archive stays far from the zip-bomb ratio
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry(java.util.UUID.randomUUID() + ".bin"));
            out.write(noise);
            out.closeEntry();
        }
        return zip.toByteArray();
    }

    @Test
    void packetsAtTheBoundsPass() throws Exception {
        VdxpClient.Answer sample = sendHere(Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY,
                List.of(Packets.UBND), newDocumentId(Packets.TINH_UY, "/MAU")));
        assertThat(sample.ok()).as(sample.json().toString()).isTrue();
        // three attachments, two signatures, about 0.9 MB unpacked
        VdxpClient.Answer atBounds = sendHere(packet(List.of("ky-hai-lan.pdf", "phu-luc.zip", "ghi-chu.txt"),
                List.of(pdf(SamplePdfGenerator.SIGNED_TWICE), zipOfRandom(800_000), "ghi chú".getBytes())));
        assertThat(atBounds.ok()).as(atBounds.json().toString()).isTrue();
    }

    @Test
    void aHugeEnvelopeIsRefusedWith66() throws Exception {
        List<Organization> many = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            many.add(Organization.of(Packets.UBND, "Đơn vị nhận số " + i + " của một phong bì rất dài"));
        }
        Path huge = packet(List.of("ghi-chu.txt"), List.of("x".getBytes()),
                header -> header.withMessageHeader(header.messageHeader().withTo(many)));
        assertThat(Files.size(huge)).isGreaterThan(200_000);
        VdxpClient.Answer answer = sendHere(huge);
        assertThat(answer.errorCode()).as(answer.json().toString()).isEqualTo("66");
        assertThat(answer.errorDesc()).contains("edXMLEnvelope");
    }

    @Test
    void morePdfSignaturesThanTheBoundAreRefusedWith67() throws Exception {
        VdxpClient.Answer answer = sendHere(packet(List.of("ky-hai-lan.pdf", "cong-van.pdf"),
                List.of(pdf(SamplePdfGenerator.SIGNED_TWICE), pdf(SamplePdfGenerator.SIGNED))));
        assertThat(answer.errorCode()).as(answer.json().toString()).isEqualTo("67");
        assertThat(answer.errorDesc()).contains("chữ ký");
    }

    @Test
    void attachmentsThatUnpackToTooMuchTogetherAreRefusedWith68() throws Exception {
        // each archive alone is harmless; the packet's two together unpack to 1.2 MB, over 1 MB
        VdxpClient.Answer answer = sendHere(packet(List.of("phu-luc-1.zip", "phu-luc-2.zip"),
                List.of(zipOfRandom(600_000), zipOfRandom(600_000))));
        assertThat(answer.errorCode()).as(answer.json().toString()).isEqualTo("68");
    }

    @Test
    void moreAttachmentsThanTheBoundAreRefusedWith69() throws Exception {
        List<String> names = List.of("1.txt", "2.txt", "3.txt", "4.txt");
        List<byte[]> contents = names.stream().map(String::getBytes).toList();
        VdxpClient.Answer answer = sendHere(packet(names, contents));
        assertThat(answer.errorCode()).as(answer.json().toString()).isEqualTo("69");
        assertThat(answer.errorDesc()).contains("3");
    }
}
