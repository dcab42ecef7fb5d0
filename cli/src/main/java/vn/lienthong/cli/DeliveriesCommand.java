package vn.lienthong.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code deliveries}: a page of deliveries, e.g. the failed ones to resend. */
@Command(name = "deliveries", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Các lượt chuyển phát, ví dụ những lượt lỗi cần gửi lại (deliveries, e.g. the failed ones "
                + "to resend: --state FAILED)")
final class DeliveriesCommand extends OperatorCommand {

    @Option(names = "--state", paramLabel = "STATE", description = "trạng thái chuyển phát (delivery state), "
            + "ví dụ (e.g.) FAILED")
    String state;

    @Option(names = "--recipient", paramLabel = "CODE", description = "mã đơn vị nhận (recipient code)")
    String recipient;

    @Option(names = "--page", paramLabel = "N", description = "trang, từ 0 (page, from 0)")
    Integer page;

    @Option(names = "--size", paramLabel = "N", description = "số dòng mỗi trang (rows per page)")
    Integer size;

    @Override
    JsonNode ask(OperatorClient client) throws Exception {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("state", state);
        query.put("recipient", recipient);
        query.put("page", page);
        query.put("size", size);
        return client.get("/deliveries", query);
    }

    @Override
    void print(JsonNode answer, PrintWriter out) {
        Table table = new Table(40, "Id", "DocId", "Nhận (recipient)", "Cách (mode)", "Trạng thái (state)",
                "Lần (attempts)", "Cập nhật (updated)", "Gửi (sender)", "Trích yếu (subject)", "Lỗi (last error)");
        for (JsonNode delivery : answer.path("content")) {
            table.row(text(delivery, "id"), text(delivery, "docId"), text(delivery, "recipient"),
                    text(delivery, "mode"), text(delivery, "state"), text(delivery, "attempts"),
                    time(delivery, "updatedAt"), text(delivery, "sender"), text(delivery, "subject"),
                    text(delivery, "lastError"));
        }
        table.print(out);
        out.println(pageLine(answer, "lượt chuyển phát (deliveries)"));
    }
}
