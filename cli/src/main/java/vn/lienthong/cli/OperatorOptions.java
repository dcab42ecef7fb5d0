package vn.lienthong.cli;

import picocli.CommandLine.Option;

/** How a command reaches the operator API: address, operator user and password (HTTP Basic). */
final class OperatorOptions extends GatewayOptions {

    static final String USER_VARIABLE = "LIENTHONG_USER";
    static final String PASSWORD_VARIABLE = "LIENTHONG_PASSWORD";

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
        String base = base();
        String name = required(user, "--user", USER_VARIABLE,
                "tài khoản người vận hành", "operator user");
        String secret = required(typed(password), "--password", PASSWORD_VARIABLE, "mật khẩu", "password");
        return new OperatorClient(Endpoints.operatorApi(base), name, secret);
    }
}
