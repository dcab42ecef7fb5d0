package vn.lienthong.edxml;

import java.io.IOException;

/**
 * A packet that cannot be read: the error, where (the element path and, when known, line and column) and
 * what exactly. It is an IOException because it surfaces from streams reading attachments as well.
 */
public class EdxmlException extends IOException {

    private final EdxmlError error;
    private final String path;
    private final String detail;
    private final int line;
    private final int column;

    public EdxmlException(EdxmlError error, String path, String detail) {
        this(error, path, detail, -1, -1, null);
    }

    public EdxmlException(EdxmlError error, String path, String detail, int line, int column, Throwable cause) {
        super(format(error, path, detail, line, column), cause);
        this.error = error;
        this.path = path;
        this.detail = detail;
        this.line = line;
        this.column = column;
    }

    private static String format(EdxmlError error, String path, String detail, int line, int column) {
        StringBuilder text = new StringBuilder(error.vietnamese()).append(" (").append(error.english()).append(')');
        if (path != null && !path.isEmpty()) {
            text.append(" tại ").append(path);
        }
        if (line > 0) {
            text.append(" [dòng ").append(line).append(", cột ").append(column).append(']');
        }
        if (detail != null && !detail.isEmpty()) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }

    public EdxmlError error() {
        return error;
    }

    /** The element path, e.g. /edXML/edXMLEnvelope/edXMLHeader/MessageHeader/From; may be empty. */
    public String path() {
        return path;
    }

    public String detail() {
        return detail;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The same problem as a validation issue, for reports that list everything wrong with a packet. */
    public ValidationIssue toIssue() {
        return new ValidationIssue(path, error, detail);
    }
}
