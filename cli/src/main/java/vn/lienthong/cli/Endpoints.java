package vn.lienthong.cli;

import java.net.URI;
import java.net.URISyntaxException;

/** Where the APIs are under the gateway's base address ({@code --url} or LIENTHONG_URL). */
final class Endpoints {

    static final String DEFAULT_URL = "http://localhost:8080";
    static final String URL_VARIABLE = "LIENTHONG_URL";

    private Endpoints() {
    }

    /** The option, else LIENTHONG_URL, else http://localhost:8080; without a trailing slash. */
    static String base(String option, LienthongCli cli) {
        String url = option != null ? option : cli.env(URL_VARIABLE);
        url = url == null ? DEFAULT_URL : url.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException(url, "not an http(s) address");
            }
        } catch (URISyntaxException e) {
            throw new CliException(LienthongCli.EXIT_USAGE, "Địa chỉ cổng liên thông không hợp lệ (bad gateway address): "
                    + url + " — ví dụ (e.g.) " + DEFAULT_URL);
        }
        return url;
    }

    /** The VDXP-compatible API: {@code <base>/vdxp}; an address that already ends in /vdxp is kept. */
    static URI vdxp(String base) {
        return URI.create(base.endsWith("/vdxp") ? base : base + "/vdxp");
    }

    /** The operator API: {@code <base>/api/v1} (a trailing /vdxp, copied from an SDK setting, is dropped). */
    static String operatorApi(String base) {
        String root = base.endsWith("/vdxp") ? base.substring(0, base.length() - "/vdxp".length()) : base;
        return root + "/api/v1";
    }
}
