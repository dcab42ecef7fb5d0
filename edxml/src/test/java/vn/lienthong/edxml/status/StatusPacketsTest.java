package vn.lienthong.edxml.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lienthong.edxml.TestPackets;
import vn.lienthong.edxml.io.EdxmlReader;
import vn.lienthong.edxml.io.EdxmlWriter;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.ResponseFor;
import vn.lienthong.edxml.model.StatusCode;
import vn.lienthong.edxml.model.StatusHeader;
import vn.lienthong.edxml.validation.EdxmlValidator;

class StatusPacketsTest {

    @Test
    void knowsTheNineCodesAndWhoSendsThem() {
        assertThat(StatusCode.values()).extracting(StatusCode::code)
                .containsExactly("01", "02", "03", "04", "05", "06", "13", "15", "16");
        assertThat(StatusCode.fromCode("13")).contains(StatusCode.TAKE_BACK_REQUESTED);
        assertThat(StatusCode.TAKE_BACK_REQUESTED.issuer()).isEqualTo(StatusCode.Issuer.SENDER);
        assertThat(StatusCode.fromCode("07")).isEmpty();

        List<String> recipients = List.of(TestPackets.UBND);
        assertThat(StatusPackets.whyNotAllowed(StatusCode.ARRIVED, TestPackets.UBND, TestPackets.TINH_UY, recipients))
                .isEmpty();
        assertThat(StatusPackets.whyNotAllowed(StatusCode.ARRIVED, TestPackets.TINH_UY, TestPackets.TINH_UY, recipients))
                .isPresent();
        assertThat(StatusPackets.whyNotAllowed(StatusCode.TAKE_BACK_REQUESTED, TestPackets.TINH_UY, TestPackets.TINH_UY,
                recipients)).isEmpty();
        assertThat(StatusPackets.whyNotAllowed(StatusCode.TAKE_BACK_REQUESTED, TestPackets.UBND, TestPackets.TINH_UY,
                recipients)).get().asString().contains("13");
    }

    @Test
    void buildsAValidStatusThatAnswersADocument() throws IOException {
        ResponseFor original = StatusPackets.responseFor(TestPackets.congVan("a1").messageHeader());
        assertThat(original.code()).isEqualTo("125/CV/VPTU");
        for (StatusCode code : StatusCode.values()) {
            StatusHeader status = StatusPackets.status(Organization.of(TestPackets.UBND, "UBND tỉnh Nghệ An"),
                    original, code, null, null, ZonedDateTime.parse("2026-11-21T01:02:03Z"));
            assertThat(status.timestamp()).isEqualTo("2026/11/21 08:02:03");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (EdxmlWriter writer = EdxmlWriter.create(out)) {
                writer.writeHeader(status);
            }
            byte[] packet = out.toByteArray();
            assertThat(new EdxmlValidator().validate(new ByteArrayInputStream(packet))).isEmpty();
            try (EdxmlReader reader = EdxmlReader.open(new ByteArrayInputStream(packet))) {
                assertThat(reader.header()).isEqualTo(status);
            }
        }
    }
}
