package vn.lienthong.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.lienthong.vdxp.VdxpClient;

/** Signed evidence (a system's side, VDXP getEvidence) and the tamper-evident log (operator API). */
final class EvidenceCommands {

    private EvidenceCommands() {
    }

    @Command(name = "evidence", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Tải bằng chứng đã ký của một văn bản đã gửi hoặc đã nhận (getEvidence), mỗi bằng chứng một"
                    + " tệp .p7s (download the signed evidence of a document sent or received, one .p7s per record)",
                    "Kiểm tra (check): openssl cms -verify -binary -inform DER -in X.p7s -CAfile ca-bundle.pem"
                            + " -out record.json"})
    static final class Evidence extends SystemCommand {

        @Parameters(paramLabel = "DOCID", description = "DocId đã gửi, hoặc DocId trong hộp thư đến (the DocId sent, "
                + "or the one in the inbox)")
        String docId;

        @Option(names = "--out", paramLabel = "DIR", description = "thư mục lưu các tệp .p7s; mặc định thư mục hiện"
                + " tại (directory for the .p7s files; default: the current directory)")
        Path out;

        @Option(names = "--json", description = "in nguyên câu trả lời JSON (print the raw JSON answer)")
        boolean json;

        @Override
        public Integer call() throws Exception {
            VdxpClient client = system.client();
            VdxpClient.Answer answer = requireOk(() -> client.getEvidence(docId));
            if (json) {
                return printJson(answer.json());
            }
            PrintWriter stdout = spec.commandLine().getOut();
            Path dir = out == null ? Path.of(".") : out;
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new CliException(LienthongCli.EXIT_IO, "Không tạo được thư mục (cannot create the directory) "
                        + dir + ": " + e.getMessage());
            }
            Table table = new Table("#", "Sự kiện (event)", "Gửi (sender)", "Nhận (recipient)", "Thời gian (time)");
            java.util.List<Path> saved = new java.util.ArrayList<>();
            int n = 0;
            for (JsonNode item : answer.data()) {
                n++;
                String event = item.path("event").asText();
                String name = safe(docId) + "-" + n + "-" + safe(event) + "-" + safe(item.path("recipient").asText())
                        + ".p7s";
                Path file = dir.resolve(name);
                try {
                    Files.write(file, Base64.getDecoder().decode(item.path("cms").asText()));
                } catch (IOException e) {
                    throw new CliException(LienthongCli.EXIT_IO, "Không ghi được (cannot write) " + file + ": " + e);
                }
                saved.add(file);
                table.row(String.valueOf(n), event, item.path("sender").asText(), item.path("recipient").asText(),
                        Times.show(item.path("time").asText()));
            }
            if (table.isEmpty()) {
                stdout.println("Chưa có bằng chứng nào (no evidence yet)");
            } else {
                table.print(stdout);
                for (int i = 0; i < saved.size(); i++) {
                    stdout.println((i + 1) + ": " + saved.get(i));
                }
                stdout.println(table.size() + " bằng chứng đã lưu (evidence files saved)");
            }
            stdout.flush();
            return 0;
        }

        private static String safe(String value) {
            return value.replaceAll("[^A-Za-z0-9._-]", "_");
        }
    }

    @Command(name = "chain", mixinStandardHelpOptions = true,
            description = "Nhật ký chống sửa đổi (the tamper-evident log)", subcommands = ChainVerify.class)
    static final class Chain implements Runnable {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "Thiếu lệnh con (missing subcommand): verify");
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Kiểm tra toàn bộ chuỗi nhật ký và nêu bản ghi hỏng đầu tiên (verify the whole chain and "
                    + "name the first broken record)", "Mã thoát 1 khi chuỗi bị hỏng (exit code 1 when broken)"})
    static final class ChainVerify implements Callable<Integer> {

        @Mixin
        OperatorOptions operator;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            JsonNode report = operator.client().get("/chain/verify");
            PrintWriter out = spec.commandLine().getOut();
            boolean intact = report.path("intact").asBoolean();
            if (operator.json) {
                out.println(VdxpCommands.JSON.writeValueAsString(report));
                out.flush();
                return intact ? 0 : LienthongCli.EXIT_INVALID;
            }
            JsonNode head = report.path("signedHead");
            if (head.isObject()) {
                out.println("Đầu chuỗi đã ký (signed head): bản ghi (record) " + head.path("seq").asText() + ", "
                        + Times.show(head.path("signedAt").asText()) + ", "
                        + (head.path("valid").asBoolean() ? "chữ ký hợp lệ (signature valid)" : head.path("reason").asText()));
            } else {
                out.println("Chưa có đầu chuỗi đã ký (no signed head yet)");
            }
            JsonNode broken = report.path("firstBreak");
            if (broken.isObject()) {
                out.println("HỎNG (BROKEN): bản ghi số (record) " + broken.path("seq").asText()
                        + (broken.hasNonNull("eventId") ? ", sự kiện (event id) " + broken.path("eventId").asText() : "")
                        + (broken.hasNonNull("documentId") ? ", văn bản (document) " + broken.path("documentId").asText()
                                : "")
                        + " [" + broken.path("kind").asText() + "]");
                out.println(broken.path("reason").asText());
            } else if (intact) {
                out.println("NGUYÊN VẸN (INTACT): " + report.path("recordsChecked").asText() + " bản ghi (records), "
                        + "bản ghi cuối (last) " + report.path("lastSeq").asText() + " " + report.path("lastHash").asText());
            } else {
                out.println("HỎNG (BROKEN): đầu chuỗi đã ký không hợp lệ (the signed head is not valid)");
            }
            out.flush();
            return intact ? 0 : LienthongCli.EXIT_INVALID;
        }
    }
}
