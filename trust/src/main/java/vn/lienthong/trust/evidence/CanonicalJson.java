package vn.lienthong.trust.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one JSON form this module signs and hashes: objects only, keys sorted, no whitespace, UTF-8.
 *
 * <p>Values are strings, integers ({@code long}) or nested objects; no arrays, fractions, booleans or null (leave a
 * key out instead). Keys are ASCII letters, digits, {@code _ . -}, compared as Java strings (so in byte order).
 * Strings escape {@code "} and {@code \} and the control characters below U+0020 ({@code \b \t \n \f \r}, else
 * <code>&#92;u00xx</code> in lower-case hex); every other character, Vietnamese included, is written as itself in UTF-8.
 * Integers are plain decimal. This is the RFC 8785 (JCS) form restricted to these types, so that any JCS
 * implementation reproduces the bytes.
 *
 * <p>{@link #parse} reads any JSON of these types; callers that need the canonical form check that
 * {@code write(parse(bytes))} gives back the same bytes.
 */
public final class CanonicalJson {

    /** How every signed record writes a time (and reads it back): UTC, to the millisecond. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private CanonicalJson() {
    }

    /** The canonical UTF-8 bytes of {@code object} (values: String, Integer, Long, or Map of the same). */
    public static byte[] write(Map<String, ?> object) {
        StringBuilder out = new StringBuilder(256);
        writeObject(out, object);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a JSON object of strings, integers and objects.
     *
     * @return a sorted, unmodifiable map: String, Long, or nested maps of the same
     * @throws IllegalArgumentException when the bytes are not such an object in UTF-8
     */
    public static Map<String, Object> parse(byte[] utf8) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
        Parser parser = new Parser(text);
        parser.skipSpace();
        Map<String, Object> object = parser.object(0);
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.error("trailing characters");
        }
        return object;
    }

    /**
     * Reads a signed object of one kind: {@link #parse}, then its {@code type} and {@code version} fields must be
     * the given ones.
     *
     * @param kind what the object is, for the message (e.g. "a chain head")
     * @throws IllegalArgumentException when the bytes are not such an object, or of another type or version
     */
    public static Map<String, Object> parse(byte[] utf8, String type, long version, String kind) {
        Map<String, Object> fields = parse(utf8);
        if (!type.equals(fields.get("type"))) {
            throw new IllegalArgumentException("not " + kind + " (type " + fields.get("type") + ")");
        }
        if (!Long.valueOf(version).equals(fields.get("version"))) {
            throw new IllegalArgumentException("unsupported version " + fields.get("version") + " of " + kind);
        }
        return fields;
    }

    private static void writeObject(StringBuilder out, Map<String, ?> object) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<String, ?> entry : object.entrySet()) {
            checkKey(entry.getKey());
            if (entry.getValue() == null) {
                throw new IllegalArgumentException("null value for key " + entry.getKey() + ": leave the key out");
            }
            sorted.put(entry.getKey(), entry.getValue());
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(out, entry.getKey());
            out.append(':');
            Object value = entry.getValue();
            if (value instanceof String string) {
                writeString(out, string);
            } else if (value instanceof Long || value instanceof Integer) {
                out.append(((Number) value).longValue());
            } else if (value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, ?> nested = (Map<String, ?>) map;
                writeObject(out, nested);
            } else {
                throw new IllegalArgumentException("unsupported value type " + value.getClass().getName()
                        + " for key " + entry.getKey());
            }
        }
        out.append('}');
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("empty key");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-';
            if (!ok) {
                throw new IllegalArgumentException("key with a character outside [A-Za-z0-9_.-]: " + key);
            }
        }
    }

    private static void writeString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("lone surrogate in a string");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static final class Parser {
        private static final int MAX_DEPTH = 8;
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Map<String, Object> object(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("objects nested too deep");
            }
            expect('{');
            TreeMap<String, Object> object = new TreeMap<>();
            skipSpace();
            if (peek() == '}') {
                pos++;
                return Collections.unmodifiableMap(object);
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                char c = peek();
                Object value;
                if (c == '"') {
                    value = string();
                } else if (c == '{') {
                    value = object(depth + 1);
                } else if (c == '-' || (c >= '0' && c <= '9')) {
                    value = integer();
                } else {
                    throw error("unsupported value");
                }
                if (object.put(key, value) != null) {
                    throw error("duplicate key " + key);
                }
                skipSpace();
                char next = next();
                if (next == '}') {
                    return Collections.unmodifiableMap(object);
                }
                if (next != ',') {
                    throw error("expected , or }");
                }
            }
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw error("raw control character in a string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escape = next();
                switch (escape) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '/' -> out.append('/');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException e) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw error("bad escape");
                }
            }
        }

        Long integer() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
            if (pos < text.length() && (text.charAt(pos) == '.' || text.charAt(pos) == 'e'
                    || text.charAt(pos) == 'E')) {
                throw error("only integers are supported");
            }
            try {
                return Long.parseLong(text.substring(start, pos));
            } catch (NumberFormatException e) {
                throw error("bad integer");
            }
        }

        void skipSpace() {
            while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        char peek() {
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(pos);
        }

        char next() {
            char c = peek();
            pos++;
            return c;
        }

        void expect(char c) {
            if (next() != c) {
                throw error("expected " + c);
            }
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException("JSON: " + message + " at offset " + pos);
        }
    }
}
