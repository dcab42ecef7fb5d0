package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EdxmlCommandsTest {

    static Path sample(String name) {
        return Paths.get(System.getProperty("samples.dir", "../../shared/samples/edxml")).resolve(name);
    }

    @Test
    void validateSaysValidAndExitsZero() {
        CliRunner run = CliRunner.run("edxml", "validate", sample("vpcp-sdk-example/status_inbox_01.edxml").toString(),
                sample("vpcp-sdk-example/status_cancellation_13.edxml").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(2).allMatch(line -> line.endsWith("hợp lệ (valid)"));
    }

    /** Issue 11.4: what the national axis really carried validates, its unusual agency codes only warned about. */
    @Test
    void everyWellFormedRealSampleValidates() throws Exception {
        java.util.List<String> files;
        try (var walk = Files.walk(sample(""))) {
            files = walk.filter(p -> p.toString().endsWith(".edxml") && !p.toString().contains("malformed"))
                    .map(Path::toString).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(20)
                .anyMatch(f -> f.contains("received-from-vxp")).anyMatch(f -> f.contains("test-uploads"))
                .anyMatch(f -> f.endsWith("edoc_new.edxml"));
        CliRunner run = CliRunner.run(java.util.stream.Stream.concat(java.util.stream.Stream.of("edxml", "validate"),
                files.stream()).toArray(String[]::new));
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out().lines().filter(line -> line.endsWith("hợp lệ (valid)"))).hasSize(files.size());
        assertThat(run.out()).contains("cảnh báo (warning) BAD_AGENCY_CODE", "'vxp.saas.03'", "'28.22.H17'");
    }

    @Test
    void validatePrintsOneLinePerErrorAndExitsNonZero(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.edxml");
        Files.writeString(bad, Files.readString(sample("vpcp-sdk-example/status_inbox_01.edxml"))
                .replace("<edXML:StatusCode>01", "<edXML:StatusCode>99")
                .replaceFirst("<edXML:Timestamp>[^<]*<", "<edXML:Timestamp>28/09/2018<"));
        CliRunner run = CliRunner.run("edxml", "validate", bad.toString(),
                sample("malformed/edoc-unbound-prefix.edxml").toString());
        assertThat(run.exitCode()).isEqualTo(LienthongCli.EXIT_INVALID);
        assertThat(run.out().lines()).hasSize(3);
        assertThat(run.out()).contains("BAD_STATUS_CODE", "/MessageHeader/StatusCode", "BAD_TIMESTAMP", "MALFORMED_XML");
    }

    @Test
    void inspectPrintsTheHeaderAsJson() throws Exception {
        CliRunner run = CliRunner.run("edxml", "inspect", sample("vpcp-sdk-example/edoc_new.edxml").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("messageType").asText()).isEqualTo("edoc");
        assertThat(json.path("signature").asText()).isEqualTo("placeholder");
        assertThat(json.at("/header/messageHeader/from/organId").asText()).isEqualTo("002.00.20.H13");
        assertThat(json.at("/header/businessDocType").asText()).isEqualTo("NEW");
        assertThat(json.at("/attachments/0/zip").asBoolean()).isTrue();
        assertThat(json.at("/attachments/0/decodedBytes").asLong()).isGreaterThan(100_000);

        CliRunner status = CliRunner.run("edxml", "inspect", sample("vpcp-sdk-example/status_finish_06.edxml").toString());
        JsonNode statusJson = new ObjectMapper().readTree(status.out());
        assertThat(statusJson.at("/header/statusCode").asText()).isEqualTo("06");
        assertThat(statusJson.at("/header/statusName").asText()).isEqualTo("Hoàn thành");
    }

    @Test
    void inspectOfAnUnreadablePacketSaysWhyAndExitsNonZero() {
        CliRunner run = CliRunner.run("edxml", "inspect", sample("malformed/edoc-unbound-prefix.edxml").toString());
        assertThat(run.exitCode()).isEqualTo(LienthongCli.EXIT_INVALID);
        assertThat(run.err()).contains("MALFORMED_XML");
    }
}
