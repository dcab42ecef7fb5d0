package vn.lienthong.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code retire CODE --successor CODE}: an agency code that changed (a merged province's closed code) is retired with
 * the agency that receives in its place (ADMIN). Retiring a code again changes its successor and rule.
 */
@Command(name = "retire", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Cho mã đơn vị thôi sử dụng, chỉ định mã kế thừa (retire an agency code with its successor);"
                + " văn bản gửi tới mã cũ được chuyển cho mã kế thừa hoặc bị từ chối với mã 75 (documents to the old"
                + " code go to the successor, or are refused with 75); mã cũ không gửi văn bản mới được nữa (76)")
final class RetireCommand extends OperatorCommand {

    /** What happens to a document addressed to the retired code (the gateway's names). */
    enum OnDocument { FORWARD, REFUSE }

    @Parameters(index = "0", paramLabel = "CODE", description = "mã thôi sử dụng (the code retired)")
    String code;

    @Option(names = "--successor", required = true, paramLabel = "CODE",
            description = "mã đơn vị kế thừa, đã có trong danh bạ (the successor's code, in the directory)")
    String successor;

    @Option(names = "--on-document", paramLabel = "FORWARD|REFUSE",
            description = "văn bản gửi tới mã cũ: FORWARD chuyển cho mã kế thừa, REFUSE từ chối (75); mặc định theo"
                    + " gateway.directory.retired-recipients (what happens to documents addressed to it)")
    OnDocument onDocument;

    @Option(names = "--note", paramLabel = "TEXT", description = "ghi chú, ví dụ quyết định (a note, e.g. the decision)")
    String note;

    @Override
    JsonNode ask(OperatorClient client) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("successor", successor);
        body.put("onDocument", onDocument == null ? null : onDocument.name());
        body.put("note", note);
        return client.post("/directory/agencies/" + OperatorClient.segment(code) + "/retire", body);
    }

    @Override
    void print(JsonNode retirement, PrintWriter out) {
        String rule = text(retirement, "onDocument");
        out.println("Mã " + text(retirement, "code") + " đã thôi sử dụng, mã kế thừa " + text(retirement, "successorCode")
                + " (retired; successor " + text(retirement, "successorCode") + ")");
        out.println("Văn bản gửi tới mã cũ (documents to the old code): " + switch (rule) {
            case "FORWARD" -> "chuyển cho mã kế thừa (forwarded to the successor)";
            case "REFUSE" -> "từ chối, mã lỗi 75 (refused with 75)";
            default -> "theo cấu hình gateway.directory.retired-recipients (as the gateway is configured)";
        });
        if (!text(retirement, "note").isEmpty()) {
            out.println("Ghi chú (note): " + text(retirement, "note"));
        }
        out.println("Từ (since): " + time(retirement, "retiredAt"));
    }
}
