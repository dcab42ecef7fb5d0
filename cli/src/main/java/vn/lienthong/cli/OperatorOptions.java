package vn.lienthong.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How a command reaches the operator API: address, operator user and password (HTTP Basic). */
final class OperatorOptions {

    static final String USER_VARIABLE = "LIENTHONG_USER";
    static final String PASSWORD_VARIABLE = "LIENTHONG_PASSWORD";

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @Option(names = "--url", paramLabel = "URL", order = 100,
            description = "địa chỉ cổng liên thông (gateway address); mặc định (default) LIENTHONG_URL, "
                    + "rồi (then) " + Endpoints.DEFAULT_URL)
    String url;

    @Option(names = "--user", paramLabel = "USER", order = 101,
            description = "tài khoản người vận hành (operator user); mặc định (default) LIENTHONG_USER")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", interactive = true, arity = "0..1", order = 102,
            prompt = "Mật khẩu (password): ",
            description = "mật khẩu (password); mặc định (default) LIENTHONG_PASSWORD; --password không kèm giá trị "
                    + "để nhập từ bàn phím (without a value: asked)")
    char[] password;

    @Option(names = "--json", order = 103, description = "in nguyên câu trả lời JSON (print the raw JSON answer)")
    boolean json;

    OperatorClient client() {
        LienthongCli cli = LienthongCli.of(mixee);
        String base = Endpoints.base(url, cli);
        String name = user != null ? user : cli.env(USER_VARIABLE);
        String secret = password != null && password.length > 0 ? new String(password) : cli.env(PASSWORD_VARIABLE);
        if (name == null) {
            throw new CliException(LienthongCli.EXIT_USAGE, "Thiếu tài khoản người vận hành: dùng --user hoặc biến "
                    + "LIENTHONG_USER (missing operator user: --user or LIENTHONG_USER)");
        }
        if (secret == null) {
            throw new CliException(LienthongCli.EXIT_USAGE, "Thiếu mật khẩu: dùng --password hoặc biến "
                    + "LIENTHONG_PASSWORD (missing password: --password or LIENTHONG_PASSWORD)");
        }
        return new OperatorClient(Endpoints.operatorApi(base), name, secret);
    }
}
