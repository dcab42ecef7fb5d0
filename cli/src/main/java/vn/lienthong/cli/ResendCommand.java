package vn.lienthong.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code resend ID...}: resends deliveries; exit 4 when any was skipped. */
@Command(name = "resend", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Gửi lại các lượt chuyển phát (resend deliveries); in từng id: đã gửi lại hoặc bỏ qua "
                + "(prints each id: resent or skipped); mã thoát 4 nếu có id bị bỏ qua (exit 4 if any was skipped)")
final class ResendCommand extends OperatorCommand {

    @Parameters(arity = "1..*", paramLabel = "DELIVERY_ID", description = "id của lượt chuyển phát (delivery ids)")
    List<String> ids;

    @Override
    JsonNode ask(OperatorClient client) throws Exception {
        return client.post("/deliveries/resend", Map.of("ids", ids));
    }

    @Override
    void print(JsonNode answer, PrintWriter out) {
        for (JsonNode id : answer.path("resent")) {
            out.println(id.asText() + ": đã gửi lại (resent)");
        }
        for (JsonNode id : answer.path("skipped")) {
            out.println(id.asText() + ": bỏ qua (skipped)");
        }
    }

    @Override
    int exitCode(JsonNode answer) {
        return answer.path("skipped").isEmpty() ? 0 : LienthongCli.EXIT_REFUSED;
    }
}
