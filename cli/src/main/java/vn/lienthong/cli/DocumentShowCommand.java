package vn.lienthong.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code documents show DOCID}: a document's metadata, deliveries and timeline; never its content. */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Thông tin một văn bản, các lượt chuyển phát và diễn biến (a document's metadata, "
                + "deliveries and event timeline; never its content)")
final class DocumentShowCommand extends OperatorCommand {

    @Parameters(paramLabel = "DOCID", description = "DocId của văn bản ở cổng (the gateway's DocId)")
    String docId;

    @Override
    JsonNode ask(OperatorClient client) throws Exception {
        return client.get("/documents/" + OperatorClient.segment(docId));
    }

    @Override
    void print(JsonNode document, PrintWriter out) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("DocId", text(document, "docId"));
        fields.put("Loại gói tin (message type)", text(document, "messageType"));
        fields.put("DocumentId", text(document, "documentId"));
        fields.put("Số/ký hiệu (code)", text(document, "code"));
        fields.put("Loại văn bản (type)", text(document, "typeName"));
        fields.put("Trích yếu (subject)", text(document, "subject"));
        String senderSystem = text(document, "senderSystem");
        String channel = text(document, "channel");
        String via = String.join(", ", List.of(senderSystem, channel).stream().filter(s -> !s.isEmpty()).toList());
        fields.put("Gửi (sender)", text(document, "sender") + (via.isEmpty() ? "" : " (" + via + ")"));
        fields.put("Độ khẩn (priority)", text(document, "priority"));
        fields.put("Nghiệp vụ (business doc type)", text(document, "businessDocType"));
        fields.put("Mã trạng thái (status code)", text(document, "statusCode"));
        fields.put("Văn bản liên quan (related DocId)", text(document, "relatedDocId"));
        fields.put("Nhận lúc (received)", time(document, "receivedAt"));
        fields.put("Kích thước (size)", document.has("size") ? text(document, "size") + " byte" : "");
        fields.put("SHA-256", text(document, "sha256"));
        JsonNode signature = document.path("signature");
        fields.put("Chữ ký số (signature)", signature.isObject()
                ? (text(signature, "status") + " " + text(signature, "signer")).strip() : "");
        int width = fields.keySet().stream().mapToInt(Table::width).max().orElse(0);
        fields.forEach((name, value) -> {
            if (!value.isEmpty()) {
                out.println(name + ":" + " ".repeat(width - Table.width(name) + 1) + value);
            }
        });

        out.println();
        out.println("Chuyển phát (deliveries):");
        Table deliveries = new Table(50, "Id", "Nhận (recipient)", "Cách (mode)", "Trạng thái (state)",
                "Lần (attempts)", "Trạng thái xử lý (business)", "Cập nhật (updated)", "Đã chuyển (delivered)",
                "Lỗi (last error)");
        for (JsonNode d : document.path("deliveries")) {
            deliveries.row(text(d, "id"), text(d, "recipient"), text(d, "mode"), text(d, "state"),
                    text(d, "attempts"), text(d, "businessStatus"), time(d, "updatedAt"),
                    time(d, "deliveredAt"), text(d, "lastError"));
        }
        printOrNone(out, deliveries);

        out.println();
        out.println("Diễn biến (events):");
        Table events = new Table(60, "Lúc (at)", "Sự kiện (type)", "Nội dung (label)", "Bởi (actor)",
                "Chi tiết (detail)");
        for (JsonNode e : document.path("events")) {
            events.row(time(e, "at"), text(e, "type"), text(e, "label"), text(e, "actor"), text(e, "detail"));
        }
        printOrNone(out, events);

        JsonNode related = document.path("related");
        if (related.isArray() && !related.isEmpty()) {
            out.println();
            out.println("Gói tin liên quan (related):");
            Table table = new Table("DocId", "Loại (type)", "Mã trạng thái (status)", "Gửi (sender)",
                    "Nhận lúc (received)");
            for (JsonNode r : related) {
                table.row(text(r, "docId"), text(r, "messageType"), text(r, "statusCode"), text(r, "sender"),
                        time(r, "receivedAt"));
            }
            table.print(out);
        }
    }
}
