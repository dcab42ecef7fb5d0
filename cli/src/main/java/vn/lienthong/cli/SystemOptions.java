package vn.lienthong.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import vn.lienthong.vdxp.VdxpClient;

/** How a command reaches the VDXP-compatible API as a document system: address, system id, secret. */
final class SystemOptions {

    static final String SYSTEM_VARIABLE = "LIENTHONG_SYSTEM";
    static final String SECRET_VARIABLE = "LIENTHONG_SECRET";

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @Option(names = "--url", paramLabel = "URL", order = 100,
            description = "địa chỉ cổng liên thông (gateway address); mặc định (default) LIENTHONG_URL, "
                    + "rồi (then) " + Endpoints.DEFAULT_URL)
    String url;

    @Option(names = "--system", paramLabel = "SYSTEM_ID", order = 101,
            description = "mã hệ thống trong danh bạ (system id); mặc định (default) LIENTHONG_SYSTEM")
    String system;

    @Option(names = "--secret", paramLabel = "SECRET", interactive = true, arity = "0..1", order = 102,
            prompt = "Khóa bí mật (secret): ",
            description = "khóa bí mật của hệ thống (system secret); mặc định (default) LIENTHONG_SECRET; "
                    + "--secret không kèm giá trị để nhập từ bàn phím (without a value: asked)")
    char[] secret;

    /** The base address in use. */
    String base() {
        return Endpoints.base(url, LienthongCli.of(mixee));
    }

    VdxpClient client() {
        LienthongCli cli = LienthongCli.of(mixee);
        String systemId = system != null ? system : cli.env(SYSTEM_VARIABLE);
        String key = secret != null && secret.length > 0 ? new String(secret) : cli.env(SECRET_VARIABLE);
        if (systemId == null) {
            throw new CliException(LienthongCli.EXIT_USAGE,
                    "Thiếu mã hệ thống: dùng --system hoặc biến LIENTHONG_SYSTEM (missing system id: --system or LIENTHONG_SYSTEM)");
        }
        if (key == null) {
            throw new CliException(LienthongCli.EXIT_USAGE,
                    "Thiếu khóa bí mật: dùng --secret hoặc biến LIENTHONG_SECRET (missing secret: --secret or LIENTHONG_SECRET)");
        }
        return new VdxpClient(Endpoints.vdxp(base()), systemId, key);
    }
}
