package vn.lienthong.cli;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code purge}: removes the packets of finished documents past the retention age (ADMIN). */
@Command(name = "purge", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Xóa gói tin của văn bản đã chuyển xong và cũ hơn thời hạn lưu trữ; giữ thông tin văn bản, "
                + "sự kiện và chứng cứ (purge the packets of finished documents older than the retention period, "
                + "keeping metadata, events and evidence). Cần quyền ADMIN (needs ADMIN)")
final class PurgeCommand extends OperatorCommand {

    @Option(names = "--older-than", paramLabel = "DURATION",
            description = "tuổi tối thiểu, ISO-8601 (minimum age), ví dụ P365D; mặc định gateway.retention.keep-packets-for")
    String olderThan;

    @Option(names = "--dry-run", description = "chỉ đếm, không xóa (only count)")
    boolean dryRun;

    @Override
    JsonNode ask(OperatorClient client) throws Exception {
        String query = "?dryRun=" + dryRun + (olderThan == null ? ""
                : "&olderThan=" + URLEncoder.encode(olderThan, StandardCharsets.UTF_8));
        return client.post("/retention/purge" + query, Map.of());
    }

    @Override
    void print(JsonNode answer, PrintWriter out) {
        out.println((dryRun ? "Sẽ xóa (would purge): " : "Đã xóa (purged): ") + text(answer, "documents")
                + " văn bản nhận trước (documents received before) " + time(answer, "before") + ", "
                + text(answer, "packetFiles") + " tệp (files), " + text(answer, "bytes") + " byte"
                + (answer.path("more").asBoolean() ? "; còn nữa, chạy lại (more remain, run again)" : ""));
    }
}
