package vn.lienthong.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code documents search}: a page of documents; every filter optional. */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Tìm văn bản; mọi điều kiện đều không bắt buộc (search documents; every filter optional)")
final class DocumentSearchCommand extends OperatorCommand {

    @Option(names = "--document-id", paramLabel = "ID", description = "DocumentId của văn bản (edXML DocumentId)")
    String documentId;

    @Option(names = "--code", paramLabel = "SỐ/KÝ HIỆU",
            description = "số/ký hiệu, toàn bộ hoặc một phần, ví dụ (e.g.) 125/CV-VPTU")
    String code;

    @Option(names = "--sender", paramLabel = "CODE", description = "mã đơn vị gửi (sender code)")
    String sender;

    @Option(names = "--recipient", paramLabel = "CODE", description = "mã đơn vị nhận (recipient code)")
    String recipient;

    @Option(names = "--state", paramLabel = "STATE", description = "trạng thái chuyển phát (delivery state), "
            + "ví dụ (e.g.) DELIVERED, FAILED")
    String state;

    @Option(names = "--type", paramLabel = "TYPE", description = "edoc hoặc (or) status")
    String messageType;

    @Option(names = "--from", paramLabel = "TIME", description = "nhận từ (received from): 2026-11-21, "
            + "2026-11-21T10:00 (giờ Việt Nam, Vietnam time) hoặc (or) 2026-11-21T03:00:00Z")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "nhận đến (received until); một ngày tính cả "
            + "ngày đó (a day counts whole)")
    String to;

    @Option(names = "--page", paramLabel = "N", description = "trang, từ 0 (page, from 0)")
    Integer page;

    @Option(names = "--size", paramLabel = "N", description = "số dòng mỗi trang (rows per page); mặc định 20")
    Integer size;

    @Option(names = "--sort", paramLabel = "FIELD,DIR", description = "receivedAt|priority|sender , asc|desc; "
            + "mặc định (default) receivedAt,desc")
    String sort;

    @Override
    JsonNode ask(OperatorClient client) throws Exception {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("documentId", documentId);
        query.put("code", code);
        query.put("sender", sender);
        query.put("recipient", recipient);
        query.put("state", state);
        query.put("messageType", messageType);
        query.put("from", from == null ? null : Times.bound(from, false));
        query.put("to", to == null ? null : Times.bound(to, true));
        query.put("page", page);
        query.put("size", size);
        query.put("sort", sort);
        return client.get("/documents", query);
    }

    @Override
    void print(JsonNode answer, PrintWriter out) {
        Table table = new Table(40, "DocId", "Loại (type)", "Số/ký hiệu (code)", "Gửi (sender)",
                "Nhận (recipients)", "Nhận lúc (received)", "Trích yếu (subject)");
        for (JsonNode document : answer.path("content")) {
            StringJoiner recipients = new StringJoiner(", ");
            for (JsonNode r : document.path("recipients")) {
                recipients.add((text(r, "code") + " " + text(r, "state")).strip());
            }
            table.row(text(document, "docId"), text(document, "messageType"), text(document, "code"),
                    text(document, "sender"), recipients.toString(), time(document, "receivedAt"),
                    text(document, "subject"));
        }
        if (table.isEmpty()) {
            out.println("Không có văn bản nào khớp (no document matches)");
        } else {
            table.print(out);
        }
        out.println(pageLine(answer, "văn bản (documents)"));
    }
}
