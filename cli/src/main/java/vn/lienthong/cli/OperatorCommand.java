package vn.lienthong.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * A command on the operator API (/api/v1): one call, then the answer's JSON as it came (indented) with
 * {@code --json}, or the answer drawn for a person. Each command names its call and its drawing; the
 * options, the printing and the exit code live here once. Also the small readers of the API's JSON that
 * every drawing uses.
 */
abstract class OperatorCommand implements Callable<Integer> {

    @Mixin
    OperatorOptions operator;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The API call. */
    abstract JsonNode ask(OperatorClient client) throws Exception;

    /** The answer for a person (tables, lines). */
    abstract void print(JsonNode answer, PrintWriter out);

    /** The exit code the answer means; 0 unless a command says otherwise. */
    int exitCode(JsonNode answer) {
        return 0;
    }

    @Override
    public final Integer call() throws Exception {
        JsonNode answer = ask(operator.client());
        PrintWriter out = spec.commandLine().getOut();
        if (operator.json) {
            out.println(VdxpCommands.JSON.writeValueAsString(answer));
        } else {
            print(answer, out);
        }
        out.flush();
        return exitCode(answer);
    }

    /** A field as text; empty when missing or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    /** A time field in Vietnam time, as {@link Times#show} writes it. */
    static String time(JsonNode node, String field) {
        return Times.show(text(node, field));
    }

    static String yesNo(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isBoolean() ? (value.asBoolean() ? "có (yes)" : "không (no)") : "";
    }

    /** A duration in ms, or nothing when the API says there is none yet (a negative value). */
    static String millis(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() && value.asLong() < 0 ? "" : text(node, field);
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

    /** The table, or a line saying there is nothing. */
    static void printOrNone(PrintWriter out, Table table) {
        if (table.isEmpty()) {
            out.println("(không có, none)");
        } else {
            table.print(out);
        }
    }
}
