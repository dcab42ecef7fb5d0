package vn.lienthong.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.edxml.EdxmlException;
import vn.lienthong.edxml.io.EdxmlReader;
import vn.lienthong.edxml.io.EdxmlWriter;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.PacketHeader;
import vn.lienthong.edxml.model.StaffInfo;
import vn.lienthong.edxml.model.StatusCode;
import vn.lienthong.edxml.model.StatusHeader;
import vn.lienthong.edxml.status.StatusPackets;

/** Business statuses (01 đã đến … 16) answering a document. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Trạng thái xử lý văn bản (business statuses)",
        subcommands = {StatusCommands.Send.class})
final class StatusCommands implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "send", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Lập gói tin trạng thái trả lời văn bản trong PACKET_FILE và gửi đi (messagetype status) "
                    + "(build a status packet answering the document in PACKET_FILE and send it)")
    static final class Send extends SystemCommand {

        @Option(names = "--doc", required = true, paramLabel = "PACKET_FILE",
                description = "gói tin văn bản được trả lời, như đã tải về bằng get (the document packet, as got)")
        Path doc;

        @Option(names = "--code", required = true, paramLabel = "CODE",
                description = "mã trạng thái (status code): 01 đã đến, 02 từ chối, 03 đã tiếp nhận, 04 phân công, "
                        + "05 đang xử lý, 06 hoàn thành, 13 yêu cầu lấy lại, 15 đồng ý, 16 từ chối cập nhật/lấy lại")
        String code;

        @Option(names = "--from", required = true, paramLabel = "CODE",
                description = "mã định danh đơn vị báo trạng thái (the reporting agency's code)")
        String from;

        @Option(names = "--description", paramLabel = "TEXT",
                description = "mô tả; mặc định tên trạng thái (description; default: the status's name)")
        String description;

        @Option(names = "--staff", paramLabel = "NAME", description = "cán bộ xử lý (the clerk)")
        String staff;

        @Option(names = "--department", paramLabel = "NAME", description = "phòng ban của cán bộ (the clerk's department)")
        String department;

        @Option(names = "--save", paramLabel = "FILE", description = "lưu cả gói tin trạng thái đã lập (also keep the built packet)")
        Path save;

        @Override
        public Integer call() throws Exception {
            StatusCode statusCode = parseCode(code);
            EdocHeader original = readDocument(doc);
            Organization reporter = original.messageHeader().to().stream()
                    .filter(o -> from.equals(o.organId())).findFirst()
                    .orElseGet(() -> from.equals(original.from().organId()) ? original.from() : Organization.of(from, from));
            StaffInfo staffInfo = staff == null && department == null ? null : new StaffInfo(department, staff, null, null);
            StatusHeader status = StatusPackets.status(reporter, StatusPackets.responseFor(original.messageHeader()),
                    statusCode, description, staffInfo, ZonedDateTime.now());

            VdxpClient client = system.client();
            Path packet = save != null ? save : Files.createTempFile("lienthong-status-", ".edxml");
            try {
                try (OutputStream out = Files.newOutputStream(packet); EdxmlWriter writer = EdxmlWriter.create(out)) {
                    writer.writeHeader(status);
                } catch (IOException e) {
                    throw new CliException(LienthongCli.EXIT_IO, "Không ghi được (cannot write) " + packet + ": " + e.getMessage());
                }
                VdxpClient.Answer answer = requireOk(() -> client.sendEdoc(packet, "status", from));
                PrintWriter stdout = spec.commandLine().getOut();
                stdout.println("Đã gửi trạng thái (status sent) " + statusCode.code() + " " + statusCode.label()
                        + " cho văn bản (for) " + original.messageHeader().documentId() + ": DocId " + answer.docId());
                if (save != null) {
                    stdout.println("Gói tin trạng thái (status packet): " + save);
                }
                stdout.flush();
                return 0;
            } finally {
                if (save == null) {
                    Files.deleteIfExists(packet);
                }
            }
        }

        static StatusCode parseCode(String value) {
            String normalized = value.strip().length() == 1 ? "0" + value.strip() : value.strip();
            return StatusCode.fromCode(normalized).orElseThrow(() -> new CliException(LienthongCli.EXIT_USAGE,
                    "Mã trạng thái không hợp lệ (unknown status code) '" + value + "'; hợp lệ (valid): "
                            + Arrays.stream(StatusCode.values()).map(StatusCode::code).collect(Collectors.joining(", "))));
        }

        private static EdocHeader readDocument(Path file) throws IOException {
            PacketHeader header;
            try (EdxmlReader reader = EdxmlReader.open(file)) {
                header = reader.header();
            } catch (EdxmlException e) {
                throw new CliException(LienthongCli.EXIT_INVALID, file + ": " + e.error().name() + " " + e.getMessage());
            } catch (java.nio.file.NoSuchFileException e) {
                throw new CliException(LienthongCli.EXIT_IO, "Không đọc được tệp (cannot read the file) " + file);
            }
            if (!(header instanceof EdocHeader edoc)) {
                throw new CliException(LienthongCli.EXIT_INVALID, file + ": không phải gói tin văn bản mà là "
                        + header.messageType() + " (not a document packet)");
            }
            return edoc;
        }
    }
}
