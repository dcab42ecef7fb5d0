package vn.lienthong.adapters.exchange;

/**
 * Attacker-controlled strings (system ids, DocumentIds, subjects, user names) as they may appear in a log line:
 * control characters (CR, LF, ESC, ...) escaped as {@code \n}, {@code \r}, {@code \t} or {@code \\uXXXX}, so a value
 * cannot forge a log line or a terminal sequence; long values cut at 200 characters.
 */
public final class LogSafe {

    private static final int MAX = 200;

    private LogSafe() {
    }

    public static String text(Object value) {
        if (value == null) {
            return "null";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX) + 8);
        for (int i = 0; i < s.length() && i < MAX; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (s.length() > MAX) {
            out.append("...(").append(s.length()).append(" chars)");
        }
        return out.toString();
    }
}
