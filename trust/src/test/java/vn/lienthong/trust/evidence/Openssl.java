package vn.lienthong.trust.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import vn.lienthong.certs.SamplePki;

/** Runs the real {@code openssl} command (openssl 3 on this machine) for interop checks. */
public final class Openssl {

    /** Exit code and what it printed. */
    public record Result(int exitCode, String output) {
    }

    private Openssl() {
    }

    /**
     * {@code openssl cms -verify -binary -inform DER -in <cms> -CAfile <root+agency CA> -out <content>}.
     *
     * @return the exit code and output; the content written is in {@code content}
     */
    public static Result cmsVerify(byte[] cms, Path dir, Path content) throws IOException, InterruptedException {
        Path in = Files.createTempFile(dir, "signed-", ".p7s");
        Files.write(in, cms);
        return run(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", in.toString(),
                "-CAfile", SamplePki.caBundlePath().toString(), "-out", content.toString());
    }

    public static Result run(Path dir, String... command) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(arguments).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("openssl did not finish: " + arguments);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
