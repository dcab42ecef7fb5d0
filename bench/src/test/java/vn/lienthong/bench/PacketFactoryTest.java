package vn.lienthong.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.certs.SamplePki;
import vn.lienthong.edxml.dsig.EdxmlSignatureVerifier;
import vn.lienthong.edxml.io.EdxmlReader;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.validation.EdxmlValidator;

class PacketFactoryTest {

    @TempDir
    Path dir;

    @Test
    void signedPacketsAreValidEdxmlOfTheAskedSizeEachWithItsOwnDocumentId() throws Exception {
        List<PacketFactory.GeneratedPacket> packets =
                new PacketFactory("000.00.00.D41", "000.00.00.H41", "T1", true, dir).generate(3, 100_000);

        assertThat(packets).hasSize(3);
        assertThat(packets).extracting(PacketFactory.GeneratedPacket::documentId).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("000.00.00.D41,") && id.contains("/BENCH-T1-"));
        for (PacketFactory.GeneratedPacket packet : packets) {
            assertThat(packet.bytes()).isEqualTo(Files.size(packet.file())).isBetween(97_000L, 103_000L);
            try (InputStream in = Files.newInputStream(packet.file())) {
                assertThat(new EdxmlValidator().validate(in)).isEmpty();
            }
            assertThat(EdxmlSignatureVerifier.create().withTrustAnchors(SamplePki.caCertificates())
                    .verify(packet.file()).isValid()).isTrue();
            EdocHeader header = (EdocHeader) EdxmlReader.readHeader(packet.file());
            assertThat(header.messageHeader().documentId()).isEqualTo(packet.documentId());
            assertThat(header.messageHeader().to()).extracting(o -> o.organId()).containsExactly("000.00.00.H41");
        }
    }

    @Test
    void theAttachmentIsAZipWithTheSignedPdfAndAStoredRandomAppendix() throws Exception {
        Path zip = PacketFactory.writeZip(dir.resolve("a.zip"), 50_000);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry pdf = in.getNextEntry();
            assertThat(pdf.getName()).endsWith(".pdf");
            assertThat(new String(in.readNBytes(5))).isEqualTo("%PDF-");
            in.readAllBytes();
            ZipEntry appendix = in.getNextEntry();
            assertThat(appendix.getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(in.readAllBytes()).hasSize(50_000); // the CRC is checked as it is read
        }
    }

    @Test
    void aSmallTargetGivesTheSmallestPacketThatHoldsTheSignedPdf() throws Exception {
        PacketFactory.GeneratedPacket packet =
                new PacketFactory("000.00.00.D41", "000.00.00.H41", "T2", false, dir).generate(1, 1_000).get(0);
        assertThat(packet.bytes()).isBetween(5_000L, 20_000L);
    }
}
