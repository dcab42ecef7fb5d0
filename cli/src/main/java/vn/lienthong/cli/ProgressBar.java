package vn.lienthong.cli;

import java.io.PrintWriter;

/**
 * A text bar on stderr, redrawn in place with a carriage return: {@code [#####.....] 5/10}. Between
 * redraws it can be wiped, so that result lines on stdout do not start after it on a terminal.
 */
final class ProgressBar {

    static final int WIDTH = 20;

    private final PrintWriter err;
    private final int total;
    private final int width;
    private int shown;

    ProgressBar(PrintWriter err, int total) {
        this(err, total, WIDTH);
    }

    ProgressBar(PrintWriter err, int total, int width) {
        this.err = err;
        this.total = total;
        this.width = width;
    }

    /** The bar after {@code done} of {@code total}: '#' for the part done, '.' for the rest. */
    static String render(int done, int total, int width) {
        int filled = total <= 0 ? width : (int) ((long) Math.min(done, total) * width / total);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total;
    }

    /** Draws the bar after {@code done} items over the previous one. */
    void show(int done) {
        String bar = render(done, total, width);
        err.print("\r" + bar);
        err.flush();
        shown = bar.length();
    }

    /** Wipes the bar from its line. */
    void hide() {
        if (shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }

    /** Leaves the last bar on its own line. */
    void finish() {
        if (shown > 0) {
            err.println();
            err.flush();
            shown = 0;
        }
    }
}
