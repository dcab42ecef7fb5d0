package vn.lienthong.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The lienthong command-line tool: what an integrator or an operator reaches for. Each area is a
 * subcommand group; messages are Vietnamese first, English in parentheses.
 */
@Command(name = "lienthong", mixinStandardHelpOptions = true, version = "lienthong 0.1.0",
        description = "Công cụ dòng lệnh của cổng liên thông văn bản (Liên thông gateway command-line tool)",
        subcommands = {EdxmlCommands.class})
public final class LienthongCli implements Runnable {

    /** Exit code when a packet is invalid or a signature is bad or missing. */
    public static final int EXIT_INVALID = 1;
    /** Exit code when a file cannot be read or written. */
    public static final int EXIT_IO = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line; tests run it in-process. */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new LienthongCli());
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("Lỗi (error): " + e.getMessage());
            return e instanceof java.io.IOException ? EXIT_IO : CommandLine.ExitCode.SOFTWARE;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
