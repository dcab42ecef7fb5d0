package vn.lienthong.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;

/** {@code agencies}: the agencies and their connection status. */
@Command(name = "agencies", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Các đơn vị và tình trạng kết nối (agencies and their connection status)")
final class AgenciesCommand extends OperatorCommand {

    @Override
    JsonNode ask(OperatorClient client) throws Exception {
        return client.get("/agencies");
    }

    @Override
    void print(JsonNode agencies, PrintWriter out) {
        Table table = new Table(40, "Mã (code)", "Tên (name)", "Khối (side)", "Cách nhận (mode)",
                "Hoạt động (enabled)", "Tạm dừng (suspended)", "Tồn (backlog)", "Lỗi liên tiếp (failures)",
                "Thành công gần nhất (last success)", "Lỗi gần nhất (last failure)");
        for (JsonNode agency : agencies) {
            String lastFailure = (time(agency, "lastFailureAt") + " " + text(agency, "lastFailure")).strip();
            table.row(text(agency, "code"), text(agency, "name"), text(agency, "side"), text(agency, "deliveryMode"),
                    yesNo(agency, "enabled"), yesNo(agency, "suspended"), text(agency, "backlog"),
                    text(agency, "consecutiveFailures"), time(agency, "lastSuccessAt"), lastFailure);
        }
        table.print(out);
    }
}
