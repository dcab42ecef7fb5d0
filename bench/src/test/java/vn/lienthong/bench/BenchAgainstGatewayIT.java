package vn.lienthong.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;
import vn.lienthong.testsupport.GatewayProcess;

/**
 * The smoke run: a few seconds of the benchmark against the REAL gateway jar started as a process. It proves the
 * pieces work together (signed packets accepted, listed, fetched, acknowledged; the gateway's process found from
 * its port and its CPU read; the reference stages measured; the JSON written), not how fast anything is.
 */
class BenchAgainstGatewayIT {

    @TempDir
    Path home;

    @Test
    void aShortSignedRunIsAcceptedAcknowledgedAndReported() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.start(home)) {
            Path json = home.resolve("result.json");
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            int exit = new CommandLine(new BenchCommand(new PrintStream(printed, true, StandardCharsets.UTF_8)))
                    .execute("--url", gateway.url(), "--senders", "2", "--receivers", "1", "--size", "10k", "--signed",
                            "--warmup", "1s", "--duration", "3s", "--count", "300", "--reference", "300ms",
                            "--progress", "1s", "--drain", "15s", "--json", json.toString());
            String output = printed.toString(StandardCharsets.UTF_8);

            assertThat(exit).as(output).isZero();
            assertThat(output).contains("Kết quả / Results", "ratio", "nhận/accepted");
            JsonNode result = new ObjectMapper().readTree(json.toFile());
            assertThat(result.path("errors").size()).as(output).isZero();
            assertThat(result.path("accepted").asLong()).isPositive();
            assertThat(result.path("acknowledged").asLong()).isPositive();
            assertThat(result.path("unacknowledgedAtEnd").asLong()).as("drained").isZero();
            assertThat(result.path("submit").path("count").asLong()).isEqualTo(result.path("accepted").asLong());
            assertThat(result.path("submitToInbox").path("count").asLong()).isPositive();
            assertThat(result.path("gatewayCpuSource").asText()).as("found from the port")
                    .isEqualTo("/proc/" + gateway.pid() + "/stat");
            assertThat(result.path("gatewayCpuMsPerDocument").asDouble()).isPositive();
            assertThat(result.path("reference").size()).isEqualTo(4);
            result.path("reference").forEach(stage -> assertThat(stage.path("cpuMs").asDouble()).isPositive());
            assertThat(result.path("ratioToReference").asDouble()).isPositive();
        }
    }
}
