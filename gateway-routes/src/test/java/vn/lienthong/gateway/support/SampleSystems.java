package vn.lienthong.gateway.support;

import java.net.URI;

import vn.lienthong.vdxp.VdxpClient;

/** VDXP clients of the sample directory's systems (test-only secrets), for a gateway on a local port. */
public final class SampleSystems {

    private SampleSystems() {
    }

    public static VdxpClient client(int port, String systemId, String secret) {
        return new VdxpClient(URI.create("http://127.0.0.1:" + port + "/vdxp"), systemId, secret);
    }

    /** Văn phòng Tỉnh ủy and Ban Tuyên giáo (Party). */
    public static VdxpClient tinhUy(int port) {
        return client(port, "qlvb-tinhuy", "tinhuy-secret-2026");
    }

    /** UBND tỉnh and Sở Nội vụ (State). */
    public static VdxpClient ubnd(int port) {
        return client(port, "qlvb-ubnd", "ubnd-secret-2026");
    }

    /** Văn phòng Chính phủ (State). */
    public static VdxpClient vpcp(int port) {
        return client(port, "vpcp", "vpcp-secret-2026");
    }
}
