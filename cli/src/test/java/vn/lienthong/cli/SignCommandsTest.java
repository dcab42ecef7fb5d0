package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.certs.SamplePki;

class SignCommandsTest {

    @TempDir
    Path dir;

    @Test
    void signsAndVerifiesWithTheSamplePki() throws Exception {
        Path keystore = SamplePki.resource("000.00.00.D41.p12");
        Path signed = dir.resolve("signed.edxml");
        CliRunner sign = CliRunner.run("edxml", "sign", EdxmlCommandsTest.sample("vpcp-sdk-example/edoc_update.edxml").toString(),
                "--keystore", keystore.toString(), "--password", SamplePki.PASSWORD, "--out", signed.toString());
        assertThat(sign.exitCode()).as(sign.err()).isZero();
        assertThat(sign.out()).contains("Đã ký", "000.00.00.D41");

        CliRunner verify = CliRunner.run("edxml", "verify", signed.toString(),
                "--trust", SamplePki.resource("root-ca.cert.pem").toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("chữ ký hợp lệ", "organizationIdentifier=000.00.00.D41");

        // untrusted: the signer does not chain to a foreign anchor (the gateway's own EC certificate)
        CliRunner untrusted = CliRunner.run("edxml", "verify", signed.toString(),
                "--trust", SamplePki.resource("gateway.cert.pem").toString());
        assertThat(untrusted.exitCode()).isEqualTo(LienthongCli.EXIT_INVALID);
        assertThat(untrusted.out()).contains("UNTRUSTED");
    }

    @Test
    void aChangedPacketOrAMissingSignatureFails() throws Exception {
        Path signed = dir.resolve("signed.edxml");
        CliRunner.run("edxml", "sign", EdxmlCommandsTest.sample("vpcp-sdk-example/status_inbox_01.edxml").toString(),
                "--keystore", SamplePki.resource("000.00.00.H41.p12").toString(), "--password", SamplePki.PASSWORD,
                "--out", signed.toString());
        Path changed = dir.resolve("changed.edxml");
        Files.writeString(changed, Files.readString(signed).replace("<edXML:StatusCode>01", "<edXML:StatusCode>03"));
        CliRunner tampered = CliRunner.run("edxml", "verify", changed.toString());
        assertThat(tampered.exitCode()).isEqualTo(LienthongCli.EXIT_INVALID);
        assertThat(tampered.out()).contains("DIGEST_MISMATCH");

        CliRunner unsigned = CliRunner.run("edxml", "verify",
                EdxmlCommandsTest.sample("vpcp-sdk-example/status_inbox_01.edxml").toString());
        assertThat(unsigned.exitCode()).isEqualTo(LienthongCli.EXIT_INVALID);
        assertThat(unsigned.out()).contains("UNSIGNED");
    }

    @Test
    void aWrongPasswordIsAClearError() {
        CliRunner run = CliRunner.run("edxml", "sign", EdxmlCommandsTest.sample("vpcp-sdk-example/status.edxml").toString(),
                "--keystore", SamplePki.resource("000.00.00.H41.p12").toString(), "--password", "sai",
                "--out", dir.resolve("x.edxml").toString());
        assertThat(run.exitCode()).isEqualTo(LienthongCli.EXIT_IO);
        assertThat(run.err()).contains("Không mở được khóa ký");
    }
}
