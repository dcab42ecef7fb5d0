package vn.lienthong.edxml.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lienthong.edxml.EdxmlError;
import vn.lienthong.edxml.Samples;
import vn.lienthong.edxml.TestPackets;
import vn.lienthong.edxml.ValidationIssue;

class EdxmlValidatorTest {

    private final EdxmlValidator validator = new EdxmlValidator();

    @Test
    void aCompletePacketHasNoIssues() throws IOException {
        assertThat(validate(TestPackets.congVanText())).isEmpty();
    }

    @Test
    void everySdkStatusSampleIsValid() throws IOException {
        for (String code : List.of("inbox_01", "rejection_02", "acceptance_03", "assignment_04", "processing_05",
                "finish_06", "cancellation_13", "change-acceptance_15", "change-rejection_16")) {
            byte[] sample = Files.readAllBytes(Samples.path("vpcp-sdk-example/status_" + code + ".edxml"));
            assertThat(validator.validate(new ByteArrayInputStream(sample))).as(code).isEmpty();
        }
    }

    @Test
    void namesTheMissingFieldsByPath() throws IOException {
        String packet = TestPackets.congVanText()
                .replaceFirst("<edXML:Subject>[^<]*</edXML:Subject>", "")
                .replaceFirst("<edXML:CodeNumber>[^<]*</edXML:CodeNumber>", "")
                .replaceFirst("(?s)<edXML:To>.*?</edXML:To>", "");
        assertThat(validate(packet)).extracting(ValidationIssue::path, ValidationIssue::error).contains(
                org.assertj.core.groups.Tuple.tuple("/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/Subject",
                        EdxmlError.MISSING_FIELD),
                org.assertj.core.groups.Tuple.tuple("/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/Code/CodeNumber",
                        EdxmlError.MISSING_FIELD),
                org.assertj.core.groups.Tuple.tuple("/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To",
                        EdxmlError.MISSING_FIELD));
    }

    @Test
    void anAgencyCodeOutsideTheGrammarsIsOnlyAWarning() throws IOException {
        String packet = TestPackets.congVanText().replace("<edXML:OrganId>000.00.00.H41</edXML:OrganId>",
                "<edXML:OrganId>28.22.H17</edXML:OrganId>");
        List<ValidationIssue> issues = validate(packet);
        assertThat(issues).singleElement().satisfies(issue -> {
            assertThat(issue.error()).isEqualTo(EdxmlError.BAD_AGENCY_CODE);
            assertThat(issue.isWarning()).isTrue();
            assertThat(issue.path()).endsWith("/MessageHeader/To[1]/OrganId");
        });
        assertThat(ValidationIssue.errorsOf(issues)).isEmpty();
        // a missing code is still an error
        String missing = TestPackets.congVanText().replace("<edXML:OrganId>000.00.00.H41</edXML:OrganId>", "");
        assertThat(ValidationIssue.errorsOf(validate(missing))).extracting(ValidationIssue::error)
                .containsExactly(EdxmlError.MISSING_FIELD);
        assertThat(AgencyCodes.isValid("000.00.00.G22")).isTrue();
        assertThat(AgencyCodes.isValid("H37.02.02")).isTrue();
        assertThat(AgencyCodes.isValid("H37.DN.001")).isTrue();
        assertThat(AgencyCodes.isValid("vxp.saas.03")).isFalse();
        assertThat(AgencyCodes.isValid("000.00.00.g22")).isFalse();
    }

    @Test
    void refusesBadDatesAndTimestamps() throws IOException {
        String packet = TestPackets.congVanText()
                .replace("<edXML:PromulgationDate>2026/11/20", "<edXML:PromulgationDate>20/11/2026")
                .replace("<edXML:DueDate>2026/12/01", "<edXML:DueDate>2026/02/30")
                .replace("2026/11/20 08:30:00", "2026-11-20T08:30:00");
        assertThat(validate(packet)).extracting(ValidationIssue::error)
                .containsExactlyInAnyOrder(EdxmlError.BAD_DATE, EdxmlError.BAD_DATE, EdxmlError.BAD_TIMESTAMP);
    }

    @Test
    void refusesUnknownStatusCodes() throws IOException {
        String status = Files.readString(Samples.path("vpcp-sdk-example/status_inbox_01.edxml"))
                .replace("<edXML:StatusCode>01", "<edXML:StatusCode>07");
        assertThat(validate(status)).singleElement().satisfies(issue ->
                assertThat(issue.error()).isEqualTo(EdxmlError.BAD_STATUS_CODE));
    }

    @Test
    void refusesAPriorityOutsideZeroToFour() throws IOException {
        String packet = TestPackets.congVanText().replace("<edXML:Priority>1", "<edXML:Priority>5");
        assertThat(validate(packet)).extracting(ValidationIssue::error).containsExactly(EdxmlError.BAD_PRIORITY);
    }

    @Test
    void aRevocationMustNameTheOriginal() throws IOException {
        String packet = TestPackets.congVanText().replace("<edXML:BussinessDocType>0", "<edXML:BussinessDocType>1");
        assertThat(validate(packet)).extracting(ValidationIssue::error).containsExactly(EdxmlError.MISSING_ORIGINAL);
        String unknownKind = TestPackets.congVanText().replace("<edXML:BussinessDocType>0", "<edXML:BussinessDocType>9");
        assertThat(validate(unknownKind)).extracting(ValidationIssue::error)
                .containsExactly(EdxmlError.BAD_BUSINESS_DOC_TYPE);
    }

    @Test
    void crossChecksTheManifestAndTheAttachments() throws IOException {
        String packet = TestPackets.congVanText();
        String orphanReference = packet.replace("<ContentId>cid:a1</ContentId>", "<ContentId>cid:zz</ContentId>");
        assertThat(validate(orphanReference)).extracting(ValidationIssue::error).containsExactlyInAnyOrder(
                EdxmlError.REFERENCE_WITHOUT_ATTACHMENT, EdxmlError.ATTACHMENT_WITHOUT_REFERENCE);
        // "cid:" written on one side only still matches
        String bareId = packet.replace("<ContentId>cid:a1</ContentId>", "<ContentId>a1</ContentId>");
        assertThat(validate(bareId)).isEmpty();
    }

    @Test
    void reportsBadBase64() throws IOException {
        String packet = TestPackets.congVanText().replaceFirst("(ContentTransferEncoded[^>]*>)", "$1%%%");
        assertThat(validate(packet)).extracting(ValidationIssue::error).containsExactly(EdxmlError.BAD_BASE64);
    }

    @Test
    void refusesASecondFromWhateverTheOrder() throws IOException {
        String packet = TestPackets.congVanText();
        String vpcpFirst = packet.replace("<edXML:From>", "<edXML:From><edXML:OrganId>000.00.00.G22</edXML:OrganId>"
                + "</edXML:From><edXML:From>");
        assertThat(validate(vpcpFirst)).singleElement().satisfies(issue -> {
            assertThat(issue.error()).isEqualTo(EdxmlError.DUPLICATE_ELEMENT);
            assertThat(issue.path()).endsWith("MessageHeader/From");
        });
    }

    @Test
    void aPacketThatCannotBeReadIsOneIssue() throws IOException {
        byte[] malformed = Files.readAllBytes(Samples.path("malformed/edoc-unbound-prefix.edxml"));
        assertThat(validator.validate(new ByteArrayInputStream(malformed))).singleElement()
                .satisfies(issue -> assertThat(issue.error()).isEqualTo(EdxmlError.MALFORMED_XML));
    }

    private List<ValidationIssue> validate(String packet) throws IOException {
        return validator.validate(new ByteArrayInputStream(packet.getBytes(StandardCharsets.UTF_8)));
    }
}
