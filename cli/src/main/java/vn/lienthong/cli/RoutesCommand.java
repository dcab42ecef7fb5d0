package vn.lienthong.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;

/** {@code routes}: the gateway's routes and their figures. */
@Command(name = "routes", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Các tuyến xử lý và số liệu của chúng (the gateway's routes and their figures)")
final class RoutesCommand extends OperatorCommand {

    @Override
    JsonNode ask(OperatorClient client) throws Exception {
        return client.get("/routes");
    }

    @Override
    void print(JsonNode routes, PrintWriter out) {
        Table table = new Table("Tuyến (route)", "Trạng thái (state)", "Tổng (total)", "Lỗi (failed)",
                "Đang chạy (inflight)", "TB ms (mean)", "Max ms", "Lỗi gần nhất (last failure)");
        for (JsonNode route : routes) {
            JsonNode failure = route.path("lastFailure");
            String last = failure.isObject()
                    ? (Times.show(text(failure, "at")) + " " + text(failure, "message")).strip() : "";
            table.row(text(route, "id"), text(route, "state"), text(route, "exchangesTotal"),
                    text(route, "exchangesFailed"), text(route, "exchangesInflight"),
                    millis(route, "meanProcessingMillis"), millis(route, "maxProcessingMillis"), last);
        }
        table.print(out);
    }
}
