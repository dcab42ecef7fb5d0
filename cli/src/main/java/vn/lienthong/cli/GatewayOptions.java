package vn.lienthong.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What the system's and the operator's options share: the gateway's address ({@code --url}), and a credential
 * taken from its option, else from its environment variable.
 */
abstract class GatewayOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @Option(names = "--url", paramLabel = "URL", order = 100,
            description = "địa chỉ cổng liên thông (gateway address); mặc định (default) LIENTHONG_URL, "
                    + "rồi (then) " + Endpoints.DEFAULT_URL)
    String url;

    /** The base address in use. */
    String base() {
        return Endpoints.base(url, LienthongCli.of(mixee));
    }

    /** The option's value, else the variable's; a usage error naming both when neither is set. */
    String required(String given, String option, String variable, String vietnamese, String english) {
        String value = given != null ? given : LienthongCli.of(mixee).env(variable);
        if (value == null) {
            throw new CliException(LienthongCli.EXIT_USAGE, "Thiếu " + vietnamese + ": dùng " + option + " hoặc biến "
                    + variable + " (missing " + english + ": " + option + " or " + variable + ")");
        }
        return value;
    }

    /** What was typed at a prompt ({@code --secret}, {@code --password} without a value); null when nothing was. */
    static String typed(char[] answer) {
        return answer != null && answer.length > 0 ? new String(answer) : null;
    }
}
