package vn.lienthong.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code documents}: the group of the document look-ups ({@code search}, {@code show}). */
@Command(name = "documents", mixinStandardHelpOptions = true,
        description = "Tra cứu văn bản đã qua cổng (documents that passed the gateway)",
        subcommands = {DocumentSearchCommand.class, DocumentShowCommand.class})
final class DocumentsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
