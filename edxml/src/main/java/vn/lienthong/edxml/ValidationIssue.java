package vn.lienthong.edxml;

/** One thing wrong with a packet: where (the element path), what kind, and the precise reason. */
public record ValidationIssue(String path, EdxmlError error, String detail) {

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
