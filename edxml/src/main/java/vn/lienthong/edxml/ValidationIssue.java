package vn.lienthong.edxml;

/**
 * One thing wrong with a packet: where (the element path), what kind, and the precise reason. Some kinds
 * are only warnings ({@link EdxmlError#isWarning()}): reported, but the packet stays valid.
 */
public record ValidationIssue(String path, EdxmlError error, String detail) {

    public boolean isWarning() {
        return error.isWarning();
    }

    /** The issues that make a packet invalid, warnings left out. */
    public static java.util.List<ValidationIssue> errorsOf(java.util.List<ValidationIssue> issues) {
        return issues.stream().filter(issue -> !issue.isWarning()).toList();
    }

    /** One line for people: "path: Vietnamese message (english): detail". */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (path != null && !path.isEmpty()) {
            text.append(path).append(": ");
        }
        text.append(error.vietnamese()).append(" (").append(error.english()).append(')');
        if (detail != null && !detail.isEmpty()) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }
}
