package vn.lienthong.cli;

import picocli.CommandLine.Option;

import vn.lienthong.vdxp.VdxpClient;

/** How a command reaches the VDXP-compatible API as a document system: address, system id, secret. */
final class SystemOptions extends GatewayOptions {

    static final String SYSTEM_VARIABLE = "LIENTHONG_SYSTEM";
    static final String SECRET_VARIABLE = "LIENTHONG_SECRET";

    @Option(names = "--system", paramLabel = "SYSTEM_ID", order = 101,
            description = "mã hệ thống trong danh bạ (system id); mặc định (default) LIENTHONG_SYSTEM")
    String system;

    @Option(names = "--secret", paramLabel = "SECRET", interactive = true, arity = "0..1", order = 102,
            prompt = "Khóa bí mật (secret): ",
            description = "khóa bí mật của hệ thống (system secret); mặc định (default) LIENTHONG_SECRET; "
                    + "--secret không kèm giá trị để nhập từ bàn phím (without a value: asked)")
    char[] secret;

    VdxpClient client() {
        String systemId = required(system, "--system", SYSTEM_VARIABLE,
                "mã hệ thống", "system id");
        String key = required(typed(secret), "--secret", SECRET_VARIABLE, "khóa bí mật", "secret");
        return new VdxpClient(Endpoints.vdxp(base()), systemId, key);
    }
}
