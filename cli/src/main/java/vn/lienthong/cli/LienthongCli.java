package vn.lienthong.cli;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Map;
import java.util.function.Function;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The lienthong command-line tool: what an integrator or an operator reaches for. Each area is a
 * subcommand group; messages are Vietnamese first, English in parentheses.
 */
@Command(name = "lienthong", mixinStandardHelpOptions = true, version = "lienthong 0.1.0",
        description = "Công cụ dòng lệnh của cổng liên thông văn bản (Liên thông gateway command-line tool)",
        subcommands = {EdxmlCommands.class,
                VdxpCommands.Send.class, VdxpCommands.Inbox.class, VdxpCommands.Get.class, VdxpCommands.Ack.class,
                StatusCommands.class,
                // the operator API's commands: one file each, an OperatorCommand (add a new one here)
                RoutesCommand.class, AgenciesCommand.class, DeliveriesCommand.class, DocumentsCommand.class,
                ResendCommand.class, PurgeCommand.class, RetireCommand.class,
                LinkCommands.class,
                EvidenceCommands.Evidence.class, EvidenceCommands.Chain.class},
        exitCodeListHeading = "%nMã thoát (exit codes):%n",
        exitCodeList = {
                "0:thành công (success)",
                "1:gói tin hoặc chữ ký không hợp lệ (invalid packet or signature)",
                "2:sai cách dùng hoặc thiếu thông tin đăng nhập (wrong usage, missing credentials)",
                "3:không đọc/ghi được tệp (file cannot be read or written)",
                "4:cổng liên thông từ chối (the gateway refused: ErrorCode)",
                "5:sai thông tin xác thực hoặc không đủ quyền (credentials refused, role not enough)",
                "6:không kết nối được cổng liên thông (gateway unreachable or not answering its API)"})
public final class LienthongCli implements Runnable {

    /** Exit code when a packet is invalid or a signature is bad or missing. */
    public static final int EXIT_INVALID = 1;
    /** Exit code of a wrong command line, and of missing credentials (picocli's usage code). */
    public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;
    /** Exit code when a file cannot be read or written. */
    public static final int EXIT_IO = 3;
    /** Exit code when the gateway refused a request (an ErrorCode other than the credentials' ones). */
    public static final int EXIT_REFUSED = 4;
    /** Exit code when the gateway refused the credentials (VDXP 15, 16, 17; operator API 401, 403). */
    public static final int EXIT_AUTH = 5;
    /** Exit code when the gateway cannot be reached or does not answer as its API does. */
    public static final int EXIT_UNREACHABLE = 6;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Function<String, String> environment;

    LienthongCli(Function<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line; tests run it in-process. */
    public static CommandLine newCommandLine() {
        return newCommandLine(System::getenv);
    }

    /** The command line with the given environment (LIENTHONG_URL, LIENTHONG_SYSTEM, ...); for tests. */
    static CommandLine newCommandLine(Map<String, String> environment) {
        return newCommandLine(environment::get);
    }

    private static CommandLine newCommandLine(Function<String, String> environment) {
        CommandLine commandLine = new CommandLine(new LienthongCli(environment));
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof CliException failure) {
                cmd.getErr().println(failure.getMessage());
                return failure.exitCode();
            }
            if (e instanceof ConnectException || e instanceof HttpConnectTimeoutException) {
                cmd.getErr().println("Không kết nối được cổng liên thông (cannot reach the gateway): " + e);
                return EXIT_UNREACHABLE;
            }
            cmd.getErr().println("Lỗi (error): " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return e instanceof java.io.IOException ? EXIT_IO : CommandLine.ExitCode.SOFTWARE;
        });
        return commandLine;
    }

    /** An environment variable, or null when unset or blank. */
    String env(String name) {
        String value = environment.apply(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** The tool itself, from any command's spec. */
    static LienthongCli of(CommandLine.Model.CommandSpec spec) {
        return (LienthongCli) spec.root().userObject();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
