package vn.lienthong.cli;

import static vn.lienthong.cli.OperatorCommand.text;
import static vn.lienthong.cli.OperatorCommand.time;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Links to other axes on the operator API (/api/v1/directory/links): list, show, add, import. Each is an
 * {@link OperatorCommand}; they share the drawing of the links table.
 */
@Command(name = "links", mixinStandardHelpOptions = true,
        description = "Liên kết đến các trục khác (links to other axes)",
        subcommands = {LinkCommands.List.class, LinkCommands.Show.class, LinkCommands.Add.class,
                LinkCommands.Import.class})
final class LinkCommands implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static void linkTable(PrintWriter out, Iterable<JsonNode> links) {
        Table table = new Table(60, "Liên kết (link)", "Tên (name)", "Địa chỉ (endpoint)", "Hệ thống (system id)",
                "Trạng thái (state)", "Lỗi từ (failing since)", "Tồn (backlog)", "Thành công gần nhất (last success)",
                "Lỗi gần nhất (last error)");
        for (JsonNode link : links) {
            table.row(text(link, "id"), text(link, "name"), text(link, "endpoint"), text(link, "systemId"),
                    text(link, "state"), time(link, "failingSince"), text(link, "backlog"),
                    time(link, "lastSuccessAt"), text(link, "lastError"));
        }
        table.print(out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Các liên kết và trạng thái (links and their state: UP, FAILING, UNKNOWN, DISABLED)")
    static final class List extends OperatorCommand {

        @Override
        JsonNode ask(OperatorClient client) throws Exception {
            return client.get("/directory/links");
        }

        @Override
        void print(JsonNode links, PrintWriter out) {
            linkTable(out, links);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Một liên kết: trạng thái, đơn vị phía sau, gói tin nhận gần đây (one link: state, agencies "
                    + "behind it, packets lately taken from it)")
    static final class Show extends OperatorCommand {

        @Parameters(paramLabel = "LINK_ID")
        String id;

        @Override
        JsonNode ask(OperatorClient client) throws Exception {
            return client.get("/directory/links/" + OperatorClient.segment(id));
        }

        @Override
        void print(JsonNode link, PrintWriter out) {
            linkTable(out, java.util.List.of(link));
            out.println();
            out.println("Đơn vị phía sau (agencies behind it): " + link.path("agencies").size());
            for (JsonNode code : link.path("agencies")) {
                out.println("  " + code.asText());
            }
            out.println();
            Table receipts = new Table(80, "Thời điểm (time)", "DocId ở trục kia (remote DocId)", "Loại (type)",
                    "Kết quả (outcome)", "Lý do (reason)");
            for (JsonNode receipt : link.path("receipts")) {
                String outcome = receipt.path("documentId").isNull() || text(receipt, "documentId").isEmpty()
                        ? "từ chối (refused) " + text(receipt, "errorCode")
                        : "đã nhận (accepted) " + text(receipt, "documentId");
                receipts.row(time(receipt, "receivedAt"), text(receipt, "remoteDocId"),
                        text(receipt, "messageType"), outcome, text(receipt, "reason"));
            }
            receipts.print(out);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Thêm liên kết (add a link; ADMIN)")
    static final class Add extends OperatorCommand {

        @Option(names = "--id", required = true, paramLabel = "LINK_ID", description = "chữ, số, . _ - (letters, digits)")
        String id;

        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Option(names = "--endpoint", required = true, paramLabel = "URL",
                description = "API VDXP của trục kia, ví dụ (the other axis's VDXP API, e.g.) https://truc.example/vdxp")
        String endpoint;

        @Option(names = "--link-system", required = true, paramLabel = "SYSTEM_ID",
                description = "mã hệ thống trục kia cấp cho cổng này (the system id the other axis gave this gateway)")
        String systemId;

        @Option(names = "--link-secret", arity = "0..1", interactive = true, paramLabel = "SECRET",
                description = "khóa bí mật đó; không ghi giá trị thì hỏi (its secret; asked for when given no value)")
        String secret;

        @Option(names = "--client-keystore", paramLabel = "P12",
                description = "tệp PKCS#12 chứng thư máy khách TLS trên máy cổng (a TLS client certificate on the gateway)")
        String clientKeystore;

        @Option(names = "--client-keystore-password", paramLabel = "PASSWORD")
        String clientKeystorePassword;

        @Override
        JsonNode ask(OperatorClient client) throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", id);
            body.put("name", name);
            body.put("endpoint", endpoint);
            body.put("systemId", systemId);
            body.put("secret", secret == null ? System.getenv("LIENTHONG_LINK_SECRET") : secret);
            body.put("clientKeystore", clientKeystore);
            body.put("clientKeystorePassword", clientKeystorePassword);
            return client.post("/directory/links", body);
        }

        @Override
        void print(JsonNode link, PrintWriter out) {
            linkTable(out, java.util.List.of(link));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Nhập danh sách đơn vị của trục liên kết (getAgenciesList); không có --apply thì chỉ xem trước "
                    + "(import the link's agency list; without --apply, only a preview)")
    static final class Import extends OperatorCommand {

        @Parameters(paramLabel = "LINK_ID")
        String id;

        @Option(names = "--apply", description = "thực hiện (do it; ADMIN)")
        boolean apply;

        @Override
        JsonNode ask(OperatorClient client) throws Exception {
            String path = "/directory/links/" + OperatorClient.segment(id) + "/import";
            return apply ? client.post(path, Map.of()) : client.get(path);
        }

        @Override
        void print(JsonNode plan, PrintWriter out) {
            out.println(plan.path("applied").asBoolean() ? "Đã nhập (imported):" : "Xem trước, chưa thay đổi gì "
                    + "(preview, nothing changed; --apply to do it):");
            for (JsonNode entry : plan.path("add")) {
                out.println("  + " + text(entry, "code") + "  " + text(entry, "name") + "  (" + text(entry, "side") + ")");
            }
            for (JsonNode entry : plan.path("change")) {
                out.println("  ~ " + text(entry, "code") + "  " + text(entry, "currentName") + " -> "
                        + text(entry, "name") + (id.equals(text(entry, "currentLink")) ? ""
                        : "  (liên kết (link) " + text(entry, "currentLink") + " -> " + id + ")"));
            }
            for (JsonNode code : plan.path("local")) {
                out.println("  = " + code.asText() + "  đơn vị tại cổng này, giữ nguyên (local here, left alone)");
            }
            out.println("Thêm (add) " + plan.path("add").size() + ", đổi (change) " + plan.path("change").size()
                    + ", tại chỗ (local) " + plan.path("local").size() + ", không đổi (unchanged) "
                    + plan.path("unchanged").asInt());
        }
    }
}
