package vn.lienthong.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;

import vn.lienthong.vdxp.VdxpClient;

/** Calls of the VDXP-compatible API, with the gateway's refusals and the network's failures told plainly. */
final class Vdxp {

    /** The codes that mean "these credentials do not open the API": wrong HMAC, unknown system, none. */
    private static final Set<String> CREDENTIAL_CODES = Set.of("15", "16", "17");

    @FunctionalInterface
    interface Call<T> {
        T call() throws IOException, InterruptedException;
    }

    private Vdxp() {
    }

    /** Runs a call; network failures and non-API answers become {@link CliException}s (exit 6). */
    static <T> T call(String base, Call<T> call) throws InterruptedException {
        try {
            return call.call();
        } catch (ConnectException | HttpTimeoutException e) {
            throw unreachable(base, e);
        } catch (JsonProcessingException e) {
            throw new CliException(LienthongCli.EXIT_UNREACHABLE, "Câu trả lời không phải của API VDXP tại " + base
                    + "/vdxp (the answer is not the VDXP API's JSON): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw unreachable(base, e);
        } catch (IllegalArgumentException e) {
            // java.net.http refuses a header value (VdxpClient sends every parameter as a header)
            throw new CliException(LienthongCli.EXIT_USAGE, "Tham số không gửi được trong tiêu đề HTTP "
                    + "(a parameter cannot travel in an HTTP header): " + e.getMessage());
        }
    }

    static CliException unreachable(String base, Exception e) {
        return new CliException(LienthongCli.EXIT_UNREACHABLE, "Không kết nối được cổng liên thông tại " + base
                + " (cannot reach the gateway): " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }

    /** "15 Sai mã hệ thống ..." : the gateway's code and message. */
    static String refusal(VdxpClient.Answer answer) {
        if (answer.errorCode().isEmpty()) {
            return "HTTP " + answer.httpStatus() + " " + answer.json();
        }
        return answer.errorCode() + " " + answer.errorDesc();
    }

    /** Whether an answer is a refusal of the API itself (no ErrorCode: not the gateway's JSON). */
    static boolean isForeign(VdxpClient.Answer answer) {
        return !answer.ok() && answer.errorCode().isEmpty();
    }

    static int exitCode(VdxpClient.Answer refused) {
        if (isForeign(refused)) {
            return LienthongCli.EXIT_UNREACHABLE;
        }
        return CREDENTIAL_CODES.contains(refused.errorCode()) ? LienthongCli.EXIT_AUTH : LienthongCli.EXIT_REFUSED;
    }

    /** The answer when OK; otherwise the refusal, code and message, as a {@link CliException}. */
    static VdxpClient.Answer requireOk(VdxpClient.Answer answer) {
        if (answer.ok()) {
            return answer;
        }
        if (isForeign(answer)) {
            throw new CliException(LienthongCli.EXIT_UNREACHABLE,
                    "Câu trả lời không mong đợi (unexpected answer): " + refusal(answer));
        }
        throw new CliException(exitCode(answer), "Cổng liên thông từ chối (the gateway refused): " + refusal(answer));
    }
}
