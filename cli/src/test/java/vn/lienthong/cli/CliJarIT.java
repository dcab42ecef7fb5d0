package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The repackaged jar runs on its own, as the README says. */
class CliJarIT {

    @Test
    void theJarValidatesAndInspectsRealPackets() throws Exception {
        Result validate = run("edxml", "validate", EdxmlCommandsTest.sample("vpcp-sdk-example/status_finish_06.edxml").toString());
        assertThat(validate.exit).as(validate.output).isZero();
        assertThat(validate.output).contains("hợp lệ (valid)");

        Result inspect = run("edxml", "inspect", EdxmlCommandsTest.sample("test-uploads/1da394ba-2117-4354-a23f-6ec3e47ba81b.edxml").toString());
        assertThat(inspect.exit).as(inspect.output).isZero();
        assertThat(inspect.output).contains("\"messageType\" : \"edoc\"");

        Result malformed = run("edxml", "validate", EdxmlCommandsTest.sample("malformed/edoc-unbound-prefix.edxml").toString());
        assertThat(malformed.exit).isEqualTo(LienthongCli.EXIT_INVALID);
        assertThat(malformed.output).contains("MALFORMED_XML");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        Path jar = Paths.get("target", "lienthong.jar");
        assertThat(jar).exists();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
