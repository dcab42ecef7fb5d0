package vn.lienthong.edxml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import vn.lienthong.edxml.io.EdxmlWriter;
import vn.lienthong.edxml.model.AttachmentInfo;
import vn.lienthong.edxml.model.Bussiness;
import vn.lienthong.edxml.model.DocumentCode;
import vn.lienthong.edxml.model.DocumentType;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.ManifestReference;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.OtherInfo;
import vn.lienthong.edxml.model.PromulgationInfo;
import vn.lienthong.edxml.model.SignerInfo;
import vn.lienthong.edxml.model.TraceHeader;
import vn.lienthong.edxml.model.TraceHeaderList;

/** A valid công văn from Văn phòng Tỉnh ủy to UBND tỉnh, built from the model, for tests to vary. */
public final class TestPackets {

    public static final String TINH_UY = "000.00.00.D41";
    public static final String UBND = "000.00.00.H41";

    private TestPackets() {
    }

    public static EdocHeader congVan(String contentId) {
        MessageHeader message = new MessageHeader(
                Organization.of(TINH_UY, "Văn phòng Tỉnh ủy Nghệ An (mẫu)"),
                List.of(Organization.of(UBND, "UBND tỉnh Nghệ An")),
                TINH_UY + ",2026/11/20,125-CV/VPTU",
                new DocumentCode("125", "CV/VPTU"),
                new PromulgationInfo("Nghệ An", "2026/11/20"),
                new DocumentType("1", "0", "Công văn"),
                "V/v triển khai trục liên thông văn bản",
                "Nội dung tóm tắt & <ký tự đặc biệt>",
                new SignerInfo("TL. BAN THƯỜNG VỤ", "Chánh Văn phòng", "Nguyễn Văn A"),
                "2026/12/01",
                new OtherInfo("1", "Liên thông văn bản quốc gia", "NVA", "2", "3", "false", List.of("Phụ lục I")),
                null, "1", List.of("Các sở, ban, ngành"), null);
        TraceHeaderList hops = new TraceHeaderList(null, List.of(new TraceHeader(TINH_UY, "2026/11/20 08:30:00")),
                new Bussiness(null, "0", "Văn bản điện tử mới", "0", null, null, null));
        List<ManifestReference> manifest = contentId == null ? List.of()
                : List.of(new ManifestReference("cid:" + contentId, "application/pdf", "Công văn", "cong-van.pdf"));
        return new EdocHeader(message, hops, null, "1.0", manifest);
    }

    /** The packet with one attachment of the given bytes. */
    public static byte[] congVanBytes(byte[] attachment) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EdxmlWriter writer = EdxmlWriter.create(out)) {
            writer.writeHeader(congVan("a1"));
            writer.writeAttachment(new AttachmentInfo("cid:a1", "cong-van.pdf", "Công văn", "application/pdf"),
                    new ByteArrayInputStream(attachment));
        }
        return out.toByteArray();
    }

    public static String congVanText() throws IOException {
        return new String(congVanBytes("%PDF-1.4 thử".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
