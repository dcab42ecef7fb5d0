package vn.lienthong.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table: a header line, a rule, one line per row; columns two spaces apart, padded by what a
 * terminal shows (combining marks take no column, so decomposed Vietnamese aligns too). Long cells are
 * cut with "…"; line breaks in a cell become spaces. No trailing spaces.
 */
final class Table {

    static final int DEFAULT_MAX_CELL = 60;

    private final List<String> headers;
    private final List<String[]> rows = new ArrayList<>();
    private final int maxCell;

    Table(String... headers) {
        this(DEFAULT_MAX_CELL, headers);
    }

    Table(int maxCell, String... headers) {
        this.headers = List.of(headers);
        this.maxCell = maxCell;
    }

    /** Adds a row; null cells print empty, missing trailing cells too. */
    Table row(Object... cells) {
        String[] row = new String[headers.size()];
        for (int i = 0; i < row.length; i++) {
            Object cell = i < cells.length ? cells[i] : null;
            row[i] = fit(cell == null ? "" : cell.toString(), maxCell);
        }
        rows.add(row);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    int size() {
        return rows.size();
    }

    void print(PrintWriter out) {
        out.print(render());
        out.flush();
    }

    String render() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(headers.get(i));
        }
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, headers.toArray(String[]::new), widths);
        String[] rule = new String[widths.length];
        for (int i = 0; i < widths.length; i++) {
            rule[i] = "-".repeat(widths[i]);
        }
        line(text, rule, widths);
        for (String[] row : rows) {
            line(text, row, widths);
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            line.append(cells[i]);
            if (i < cells.length - 1) {
                line.append(" ".repeat(widths[i] - width(cells[i])));
            }
        }
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        text.append(line, 0, end).append('\n');
    }

    /** The columns a terminal gives the text: code points, less combining marks and zero-width ones. */
    static int width(String text) {
        return (int) text.codePoints().filter(cp -> !zeroWidth(cp)).count();
    }

    private static boolean zeroWidth(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT;
    }

    /** One line of at most {@code max} columns: breaks become spaces, an overlong text ends in "…". */
    static String fit(String text, int max) {
        String flat = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        if (width(flat) <= max) {
            return flat;
        }
        StringBuilder cut = new StringBuilder();
        int columns = 0;
        int[] codePoints = flat.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int cp = codePoints[i];
            boolean zero = zeroWidth(cp);
            if (!zero && columns == max - 1) {
                break;
            }
            cut.appendCodePoint(cp);
            if (!zero) {
                columns++;
            }
        }
        return cut.toString().stripTrailing() + "…";
    }

    @Override
    public String toString() {
        return "Table" + headers + " " + rows.stream().map(Arrays::toString).toList();
    }
}
