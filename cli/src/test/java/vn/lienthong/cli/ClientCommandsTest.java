package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the client commands say before and without a gateway: usage, missing credentials, no answer. */
class ClientCommandsTest {

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        CliRunner help = CliRunner.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("send", "inbox", "get", "ack", "status", "routes", "agencies", "deliveries",
                "documents", "resend", "Mã thoát (exit codes)", "6");
        CliRunner send = CliRunner.run("send", "--help");
        assertThat(send.out()).contains("--from", "--status", "--url", "--system", "--secret", "LIENTHONG_SECRET");
    }

    @Test
    void missingCredentialsAreAUsageErrorNamingTheOptionAndTheVariable() {
        CliRunner noSystem = CliRunner.run("inbox");
        assertThat(noSystem.exitCode()).isEqualTo(LienthongCli.EXIT_USAGE);
        assertThat(noSystem.err()).contains("Thiếu mã hệ thống", "--system", "LIENTHONG_SYSTEM");

        CliRunner noSecret = CliRunner.run(Map.of("LIENTHONG_SYSTEM", "qlvb-ubnd"), "inbox");
        assertThat(noSecret.exitCode()).isEqualTo(LienthongCli.EXIT_USAGE);
        assertThat(noSecret.err()).contains("Thiếu khóa bí mật", "LIENTHONG_SECRET");

        CliRunner noUser = CliRunner.run("routes");
        assertThat(noUser.exitCode()).isEqualTo(LienthongCli.EXIT_USAGE);
        assertThat(noUser.err()).contains("Thiếu tài khoản người vận hành", "LIENTHONG_USER");
    }

    @Test
    void aGatewayThatDoesNotAnswerIsSaidSoWithExitSix() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed;
        CliRunner inbox = CliRunner.run(Map.of("LIENTHONG_URL", url, "LIENTHONG_SYSTEM", "qlvb-ubnd",
                "LIENTHONG_SECRET", "x"), "inbox");
        assertThat(inbox.exitCode()).as(inbox.toString()).isEqualTo(LienthongCli.EXIT_UNREACHABLE);
        assertThat(inbox.err()).contains("Không kết nối được cổng liên thông", url);

        CliRunner routes = CliRunner.run("routes", "--url", url, "--user", "vanhanh", "--password", "x");
        assertThat(routes.exitCode()).as(routes.toString()).isEqualTo(LienthongCli.EXIT_UNREACHABLE);
        assertThat(routes.err()).contains("Không kết nối được cổng liên thông", url + "/api/v1");
    }

    @Test
    void badArgumentsAreRefusedBeforeAnyCall() {
        CliRunner badCode = CliRunner.run("status", "send", "--doc", "x.edxml", "--code", "07", "--from", "000.00.00.H41",
                "--system", "s", "--secret", "k");
        assertThat(badCode.exitCode()).isEqualTo(LienthongCli.EXIT_USAGE);
        assertThat(badCode.err()).contains("Mã trạng thái không hợp lệ", "01, 02, 03");

        CliRunner both = CliRunner.run("ack", "x", "--fail", "--processing");
        assertThat(both.exitCode()).isEqualTo(LienthongCli.EXIT_USAGE);

        CliRunner badUrl = CliRunner.run("inbox", "--url", "localhost:8080", "--system", "s", "--secret", "k");
        assertThat(badUrl.exitCode()).isEqualTo(LienthongCli.EXIT_USAGE);
        assertThat(badUrl.err()).contains("Địa chỉ cổng liên thông không hợp lệ");

        CliRunner badTime = CliRunner.run("documents", "search", "--from", "21/11/2026", "--user", "u", "--password", "p");
        assertThat(badTime.exitCode()).isEqualTo(LienthongCli.EXIT_USAGE);
    }

    @Test
    void theApisAreFoundUnderTheBaseAddress() {
        assertThat(Endpoints.vdxp("http://gw:8080").toString()).isEqualTo("http://gw:8080/vdxp");
        assertThat(Endpoints.vdxp("http://gw:8080/vdxp").toString()).isEqualTo("http://gw:8080/vdxp");
        assertThat(Endpoints.vdxp("https://gw/lienthong").toString()).isEqualTo("https://gw/lienthong/vdxp");
        assertThat(Endpoints.operatorApi("http://gw:8080")).isEqualTo("http://gw:8080/api/v1");
        assertThat(Endpoints.operatorApi("http://gw:8080/vdxp")).isEqualTo("http://gw:8080/api/v1");
    }
}
