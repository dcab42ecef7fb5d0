package vn.lienthong.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import vn.lienthong.edxml.EdxmlException;
import vn.lienthong.edxml.ValidationIssue;
import vn.lienthong.edxml.io.EdxmlReader;
import vn.lienthong.edxml.validation.EdxmlValidator;

/** Commands on edXML packets: validate, inspect, sign, verify. */
@Command(name = "edxml", mixinStandardHelpOptions = true,
        description = "Làm việc với gói tin edXML (work with edXML packets)",
        subcommands = {EdxmlCommands.Validate.class, EdxmlCommands.Inspect.class,
                SignCommands.Sign.class, SignCommands.Verify.class})
final class EdxmlCommands implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Kiểm tra gói tin theo QCVN 102:2016; in mỗi lỗi, cảnh báo một dòng; mã định danh ngoài định dạng "
                    + "chuẩn chỉ là cảnh báo (check packets, one line per error or warning; an agency code outside the "
                    + "published grammars is only a warning)")
    static final class Validate implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "các tệp .edxml (packet files)")
        List<Path> files;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            EdxmlValidator validator = new EdxmlValidator();
            int invalid = 0;
            for (Path file : files) {
                List<ValidationIssue> issues;
                try (InputStream in = Files.newInputStream(file)) {
                    issues = validator.validate(in);
                } catch (IOException e) {
                    out.println(file + ": không đọc được tệp (cannot read): " + e.getMessage());
                    invalid++;
                    continue;
                }
                for (ValidationIssue issue : issues) {
                    out.println(file + ": " + (issue.isWarning() ? "cảnh báo (warning) " : "")
                            + issue.error().name() + " " + issue.describe());
                }
                if (ValidationIssue.errorsOf(issues).isEmpty()) {
                    out.println(file + ": hợp lệ (valid)");
                } else {
                    invalid++;
                }
            }
            out.flush();
            return invalid == 0 ? 0 : LienthongCli.EXIT_INVALID;
        }
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "In phần đầu gói tin dưới dạng JSON (print the packet header as JSON)")
    static final class Inspect implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "tệp .edxml (packet file)")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PacketSummary summary;
            try (EdxmlReader reader = EdxmlReader.open(file)) {
                summary = PacketSummary.read(reader);
            } catch (EdxmlException e) {
                spec.commandLine().getErr().println(file + ": " + e.error().name() + " " + e.getMessage());
                return LienthongCli.EXIT_INVALID;
            }
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
            spec.commandLine().getOut().println(json.writeValueAsString(summary));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
