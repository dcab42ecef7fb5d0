package vn.lienthong.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vn.lienthong.vdxp.VdxpClient;

/** A document system's commands on the VDXP-compatible API: send, inbox, get, ack. */
final class VdxpCommands {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VdxpCommands() {
    }

    @Command(name = "send", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Gửi gói tin lên cổng liên thông (sendEdoc); in mỗi tệp một dòng: DocId hoặc mã và lý do "
                    + "từ chối (send packets; one line per file: its DocId or the refusal's code and message).",
                    "Thanh tiến độ ở stderr khi gửi nhiều tệp (a progress bar on stderr for several files)."})
    static final class Send extends SystemCommand {

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "các tệp .edxml (packet files)")
        List<Path> files;

        @Option(names = "--from", required = true, paramLabel = "CODE",
                description = "mã định danh đơn vị gửi, hệ thống phải được gửi thay cho đơn vị này "
                        + "(the sending agency's code, one the system acts for)")
        String from;

        @Option(names = "--status", description = "gửi gói tin trạng thái (messagetype status) thay vì văn bản "
                + "(status packets instead of documents)")
        boolean status;

        @Option(names = "--no-progress", description = "không vẽ thanh tiến độ (no progress bar)")
        boolean noProgress;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            VdxpClient client = system.client();
            String base = system.base();
            String messageType = status ? "status" : "edoc";
            ProgressBar bar = files.size() > 1 && !noProgress
                    ? new ProgressBar(spec.commandLine().getErr(), files.size()) : null;
            int exit = 0;
            int done = 0;
            if (bar != null) {
                bar.show(0);
            }
            for (Path file : files) {
                String line;
                int outcome;
                if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                    line = file + ": không đọc được tệp (cannot read the file)";
                    outcome = LienthongCli.EXIT_IO;
                } else {
                    VdxpClient.Answer answer;
                    try {
                        answer = Vdxp.call(base, () -> client.sendEdoc(file, messageType, from));
                    } catch (CliException e) {
                        if (bar != null) {
                            bar.finish();
                        }
                        throw e;
                    }
                    if (answer.ok()) {
                        line = file + ": đã gửi (sent) DocId " + answer.docId();
                        outcome = 0;
                    } else {
                        line = file + ": từ chối (refused) " + Vdxp.refusal(answer);
                        outcome = Vdxp.exitCode(answer);
                    }
                }
                exit = worse(exit, outcome);
                if (bar != null) {
                    bar.hide();
                }
                out.println(line);
                out.flush();
                done++;
                if (bar != null) {
                    bar.show(done);
                }
            }
            if (bar != null) {
                bar.finish();
            }
            return exit;
        }

        /** Credentials refused (5) outrank other refusals (4), which outrank unreadable files (3). */
        static int worse(int a, int b) {
            return rank(a) >= rank(b) ? a : b;
        }

        private static int rank(int exit) {
            return switch (exit) {
                case 0 -> 0;
                case LienthongCli.EXIT_IO -> 1;
                case LienthongCli.EXIT_REFUSED -> 2;
                case LienthongCli.EXIT_AUTH -> 3;
                default -> 4;
            };
        }
    }

    @Command(name = "inbox", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Danh sách văn bản (hoặc trạng thái) đang chờ hệ thống nhận (getReceivedEdocList: "
                    + "what waits for the system)")
    static final class Inbox extends SystemCommand {

        @Option(names = "--status", description = "gói tin trạng thái thay vì văn bản (status packets instead of documents)")
        boolean status;

        @Option(names = "--json", description = "in nguyên câu trả lời JSON (print the raw JSON answer)")
        boolean json;

        @Override
        public Integer call() throws Exception {
            VdxpClient client = system.client();
            VdxpClient.Answer answer = requireOk(() -> client.getReceivedEdocList(status ? "status" : "edoc"));
            if (json) {
                return printJson(answer.json());
            }
            PrintWriter out = spec.commandLine().getOut();
            Table table = new Table("DocId", "Từ (from)", "Đến (to)", "Thời gian (time)", "Trạng thái (status)");
            for (JsonNode item : answer.data()) {
                table.row(item.path("docId").asText(), item.path("from").asText(), item.path("to").asText(),
                        item.path("created_time").asText(), statusText(item));
            }
            if (table.isEmpty()) {
                out.println(status ? "Không có trạng thái nào đang chờ (no status pending)"
                        : "Không có văn bản nào đang chờ (no document pending)");
            } else {
                table.print(out);
                out.println(table.size() + (status ? " trạng thái đang chờ (status packets pending)"
                        : " văn bản đang chờ (documents pending)"));
            }
            out.flush();
            return 0;
        }

        private static String statusText(JsonNode item) {
            String code = item.path("status").asText();
            String description = item.path("status_desc").asText();
            if (description.isEmpty()) {
                return code;
            }
            return code.isEmpty() ? description : code + " (" + description + ")";
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Tải gói tin về tệp (downloadEdoc, streamed) và in nơi lưu (download a packet; print where "
                    + "it was saved)")
    static final class Get extends SystemCommand {

        @Parameters(paramLabel = "DOCID", description = "DocId trong hộp thư đến (the DocId in the inbox)")
        String docId;

        @Option(names = "--out", paramLabel = "FILE|DIR",
                description = "tệp, hoặc thư mục (có sẵn, hoặc kết thúc bằng /) để lưu DOCID.edxml; mặc định thư mục "
                        + "hiện tại (a file, or a directory for DOCID.edxml; default: the current directory)")
        String out;

        @Override
        public Integer call() throws Exception {
            VdxpClient client = system.client();
            String base = system.base();
            Path target = target();
            Path dir = target.toAbsolutePath().getParent();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new CliException(LienthongCli.EXIT_IO, "Không tạo được thư mục (cannot create the directory) "
                        + dir + ": " + e.getMessage());
            }
            Path part;
            try {
                part = Files.createTempFile(dir, "." + target.getFileName(), ".part");
            } catch (IOException e) {
                throw new CliException(LienthongCli.EXIT_IO, "Không ghi được vào (cannot write to) " + dir + ": " + e);
            }
            try {
                long size = download(client, base, part);
                if (size < 0) {
                    // refused, or a server without downloadEdoc: getEdoc answers with the code and message
                    try (java.io.OutputStream out = Files.newOutputStream(part)) {
                        Vdxp.requireOk(Vdxp.call(base, () -> client.getEdoc(docId, out)));
                    }
                    size = Files.size(part);
                }
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                PrintWriter stdout = spec.commandLine().getOut();
                stdout.println("Đã lưu (saved) " + target + " (" + size + " byte)");
                stdout.flush();
                return 0;
            } finally {
                Files.deleteIfExists(part);
            }
        }

        /** Streams downloadEdoc into {@code part}; -1 when the gateway gave no packet. */
        private long download(VdxpClient client, String base, Path part) throws InterruptedException {
            HttpResponse<InputStream> response = Vdxp.call(base, () -> client.downloadEdoc(docId));
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return -1;
                }
                long size;
                try {
                    size = Files.copy(body, part, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    if (Files.exists(part) && !Files.isWritable(part)) {
                        throw new CliException(LienthongCli.EXIT_IO, "Không ghi được (cannot write) " + part + ": " + e);
                    }
                    throw Vdxp.unreachable(base, e);
                }
                return size == 0 ? -1 : size;
            } catch (IOException e) {
                throw Vdxp.unreachable(base, e);
            }
        }

        private Path target() {
            String safeName = docId.replaceAll("[^A-Za-z0-9._-]", "_") + ".edxml";
            if (out == null) {
                return Path.of(safeName);
            }
            Path path = Path.of(out);
            if (out.endsWith("/") || out.endsWith(java.io.File.separator) || Files.isDirectory(path)) {
                return path.resolve(safeName);
            }
            return path;
        }
    }

    @Command(name = "ack", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Báo đã nhận gói tin (updateStatus): done, hoặc fail, processing "
                    + "(acknowledge pulled packets: done by default)")
    static final class Ack extends SystemCommand {

        @Parameters(arity = "1..*", paramLabel = "DOCID", description = "DocId trong hộp thư đến (DocIds in the inbox)")
        List<String> docIds;

        @CommandLine.ArgGroup(exclusive = true)
        Outcome outcome;

        static final class Outcome {
            @Option(names = "--fail", description = "không nhận được, trả lại (fail: could not take it)")
            boolean fail;

            @Option(names = "--processing", description = "đang xử lý, vẫn để trong hộp thư (processing: keep it listed)")
            boolean processing;
        }

        @Option(names = "--description", paramLabel = "TEXT",
                description = "ghi chú kèm theo (a note; Vietnamese is escaped in the signed header)")
        String description;

        @Override
        public Integer call() throws InterruptedException {
            String status = outcome == null ? "done" : outcome.fail ? "fail" : "processing";
            VdxpClient client = system.client();
            PrintWriter out = spec.commandLine().getOut();
            int exit = 0;
            for (String docId : docIds) {
                Map<String, String> params = new LinkedHashMap<>();
                params.put("docid", docId);
                params.put("status", status);
                if (description != null) {
                    params.put("description", description);
                }
                VdxpClient.Answer answer = Vdxp.call(system.base(), () -> client.call("updateStatus", params));
                if (answer.ok()) {
                    out.println(docId + ": đã báo (acknowledged) " + status);
                } else {
                    if (Vdxp.isForeign(answer)) {
                        Vdxp.requireOk(answer);
                    }
                    out.println(docId + ": từ chối (refused) " + Vdxp.refusal(answer));
                    exit = Send.worse(exit, Vdxp.exitCode(answer));
                }
                out.flush();
            }
            return exit;
        }
    }
}
