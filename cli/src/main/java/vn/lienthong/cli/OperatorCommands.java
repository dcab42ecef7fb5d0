package vn.lienthong.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** An operator's commands on the operator API (/api/v1): routes, agencies, deliveries, documents, resend. */
final class OperatorCommands {

    private OperatorCommands() {
    }

    /** Prints the API's JSON as it came (indented) when --json is asked; true when it did. */
    private static boolean printedJson(OperatorOptions options, PrintWriter out, JsonNode answer) throws Exception {
        if (!options.json) {
            return false;
        }
        out.println(VdxpCommands.JSON.writeValueAsString(answer));
        out.flush();
        return true;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    private static String time(JsonNode node, String field) {
        return Times.show(text(node, field));
    }

    private static String yesNo(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isBoolean() ? (value.asBoolean() ? "có (yes)" : "không (no)") : "";
    }

    /** The footer of a page: how many in all, which page of how many (the API counts pages from 0). */
    static String pageLine(JsonNode page, String what) {
        long total = page.path("totalElements").asLong();
        int size = page.path("size").asInt();
        int number = page.path("page").asInt();
        long pages = size <= 0 ? 1 : Math.max(1, (total + size - 1) / size);
        return total + " " + what + ", trang " + (number + 1) + "/" + pages + " (page " + (number + 1) + " of "
                + pages + "; --page " + number + " --size " + size + ")";
    }

    /** A duration in ms, or nothing when the API says there is none yet (a negative value). */
    private static String millis(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() && value.asLong() < 0 ? "" : text(node, field);
    }

    @Command(name = "routes", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Các tuyến xử lý và số liệu của chúng (the gateway's routes and their figures)")
    static final class Routes implements Callable<Integer> {

        @Mixin
        OperatorOptions operator;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            JsonNode routes = operator.client().get("/routes");
            PrintWriter out = spec.commandLine().getOut();
            if (printedJson(operator, out, routes)) {
                return 0;
            }
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
            return 0;
        }
    }

    @Command(name = "agencies", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Các đơn vị và tình trạng kết nối (agencies and their connection status)")
    static final class Agencies implements Callable<Integer> {

        @Mixin
        OperatorOptions operator;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            JsonNode agencies = operator.client().get("/agencies");
            PrintWriter out = spec.commandLine().getOut();
            if (printedJson(operator, out, agencies)) {
                return 0;
            }
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
            return 0;
        }
    }

    @Command(name = "deliveries", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Các lượt chuyển phát, ví dụ những lượt lỗi cần gửi lại (deliveries, e.g. the failed ones "
                    + "to resend: --state FAILED)")
    static final class Deliveries implements Callable<Integer> {

        @Option(names = "--state", paramLabel = "STATE", description = "trạng thái chuyển phát (delivery state), "
                + "ví dụ (e.g.) FAILED")
        String state;

        @Option(names = "--recipient", paramLabel = "CODE", description = "mã đơn vị nhận (recipient code)")
        String recipient;

        @Option(names = "--page", paramLabel = "N", description = "trang, từ 0 (page, from 0)")
        Integer page;

        @Option(names = "--size", paramLabel = "N", description = "số dòng mỗi trang (rows per page)")
        Integer size;

        @Mixin
        OperatorOptions operator;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("state", state);
            query.put("recipient", recipient);
            query.put("page", page);
            query.put("size", size);
            JsonNode answer = operator.client().get("/deliveries", query);
            PrintWriter out = spec.commandLine().getOut();
            if (printedJson(operator, out, answer)) {
                return 0;
            }
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
            out.flush();
            return 0;
        }
    }

    @Command(name = "documents", mixinStandardHelpOptions = true,
            description = "Tra cứu văn bản đã qua cổng (documents that passed the gateway)",
            subcommands = {Documents.Search.class, Documents.Show.class})
    static final class Documents implements Runnable {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }

        @Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
                description = "Tìm văn bản; mọi điều kiện đều không bắt buộc (search documents; every filter optional)")
        static final class Search implements Callable<Integer> {

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

            @Mixin
            OperatorOptions operator;

            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() throws Exception {
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
                JsonNode answer = operator.client().get("/documents", query);
                PrintWriter out = spec.commandLine().getOut();
                if (printedJson(operator, out, answer)) {
                    return 0;
                }
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
                out.flush();
                return 0;
            }
        }

        @Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
                description = "Thông tin một văn bản, các lượt chuyển phát và diễn biến (a document's metadata, "
                        + "deliveries and event timeline; never its content)")
        static final class Show implements Callable<Integer> {

            @Parameters(paramLabel = "DOCID", description = "DocId của văn bản ở cổng (the gateway's DocId)")
            String docId;

            @Mixin
            OperatorOptions operator;

            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() throws Exception {
                JsonNode document = operator.client().get("/documents/" + OperatorClient.segment(docId));
                PrintWriter out = spec.commandLine().getOut();
                if (printedJson(operator, out, document)) {
                    return 0;
                }
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
                out.flush();
                return 0;
            }

            private static void printOrNone(PrintWriter out, Table table) {
                if (table.isEmpty()) {
                    out.println("(không có, none)");
                } else {
                    table.print(out);
                }
            }
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Xóa gói tin của văn bản đã chuyển xong và cũ hơn thời hạn lưu trữ; giữ thông tin văn bản, "
                    + "sự kiện và chứng cứ (purge the packets of finished documents older than the retention period, "
                    + "keeping metadata, events and evidence). Cần quyền ADMIN (needs ADMIN)")
    static final class Purge implements Callable<Integer> {

        @CommandLine.Option(names = "--older-than", paramLabel = "DURATION",
                description = "tuổi tối thiểu, ISO-8601 (minimum age), ví dụ P365D; mặc định gateway.retention.keep-packets-for")
        String olderThan;

        @CommandLine.Option(names = "--dry-run", description = "chỉ đếm, không xóa (only count)")
        boolean dryRun;

        @Mixin
        OperatorOptions operator;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            String query = "?dryRun=" + dryRun + (olderThan == null ? ""
                    : "&olderThan=" + java.net.URLEncoder.encode(olderThan, java.nio.charset.StandardCharsets.UTF_8));
            JsonNode answer = operator.client().post("/retention/purge" + query, Map.of());
            PrintWriter out = spec.commandLine().getOut();
            if (printedJson(operator, out, answer)) {
                return 0;
            }
            out.println((dryRun ? "Sẽ xóa (would purge): " : "Đã xóa (purged): ") + text(answer, "documents")
                    + " văn bản nhận trước (documents received before) " + time(answer, "before") + ", "
                    + text(answer, "packetFiles") + " tệp (files), " + text(answer, "bytes") + " byte"
                    + (answer.path("more").asBoolean() ? "; còn nữa, chạy lại (more remain, run again)" : ""));
            out.flush();
            return 0;
        }
    }

    @Command(name = "resend", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Gửi lại các lượt chuyển phát (resend deliveries); in từng id: đã gửi lại hoặc bỏ qua "
                    + "(prints each id: resent or skipped); mã thoát 4 nếu có id bị bỏ qua (exit 4 if any was skipped)")
    static final class Resend implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "DELIVERY_ID", description = "id của lượt chuyển phát (delivery ids)")
        List<String> ids;

        @Mixin
        OperatorOptions operator;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            JsonNode answer = operator.client().post("/deliveries/resend", Map.of("ids", ids));
            PrintWriter out = spec.commandLine().getOut();
            if (printedJson(operator, out, answer)) {
                return answer.path("skipped").isEmpty() ? 0 : LienthongCli.EXIT_REFUSED;
            }
            for (JsonNode id : answer.path("resent")) {
                out.println(id.asText() + ": đã gửi lại (resent)");
            }
            for (JsonNode id : answer.path("skipped")) {
                out.println(id.asText() + ": bỏ qua (skipped)");
            }
            out.flush();
            return answer.path("skipped").isEmpty() ? 0 : LienthongCli.EXIT_REFUSED;
        }
    }
}
