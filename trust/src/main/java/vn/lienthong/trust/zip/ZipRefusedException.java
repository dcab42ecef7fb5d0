package vn.lienthong.trust.zip;

import java.io.IOException;

/**
 * An attachment's ZIP was refused: it crosses a limit, is dangerous or is not a readable ZIP. The message says
 * which entry and why, in English; {@link #messageVi()} says it in Vietnamese.
 */
public final class ZipRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why an archive is refused. */
    public enum Reason {
        TOO_MANY_ENTRIES("tệp nén có quá nhiều tệp", "the archive has too many entries"),
        ENTRY_TOO_LARGE("một tệp trong tệp nén quá lớn", "an entry of the archive is too large"),
        TOTAL_TOO_LARGE("tổng dung lượng giải nén quá lớn", "the archive expands to too many bytes"),
        RATIO_TOO_HIGH("tỷ lệ nén bất thường (nghi \"bom zip\")", "the compression ratio is abnormal (zip bomb)"),
        TOO_DEEP("tệp nén lồng nhau quá nhiều cấp", "archives are nested too deeply"),
        UNSAFE_NAME("tên tệp trong tệp nén không an toàn", "an entry name is unsafe (path traversal)"),
        DUPLICATE_NAME("tệp nén có hai tệp trùng tên", "two entries of the archive have the same name"),
        ENCRYPTED("tệp nén có mật khẩu", "the archive is encrypted"),
        UNSUPPORTED_METHOD("phương pháp nén không được hỗ trợ", "the compression method is not supported"),
        INCONSISTENT("danh mục của tệp nén không khớp với nội dung",
                "the central directory does not match the entries"),
        MALFORMED("tệp nén bị hỏng hoặc sai định dạng", "the archive is damaged or not a valid ZIP");

        private final String vi;
        private final String en;

        Reason(String vi, String en) {
            this.vi = vi;
            this.en = en;
        }

        public String vi() {
            return vi;
        }

        public String en() {
            return en;
        }
    }

    private final Reason reason;
    private final String entryPath;
    private final String detail;

    public ZipRefusedException(Reason reason, String entryPath, String detail) {
        super(format(reason.en(), entryPath, detail, "entry"));
        this.reason = reason;
        this.entryPath = entryPath;
        this.detail = detail;
    }

    ZipRefusedException(Reason reason, String entryPath, String detail, Throwable cause) {
        this(reason, entryPath, detail);
        initCause(cause);
    }

    public Reason reason() {
        return reason;
    }

    /** The entry at fault ({@code a.zip!/b.pdf} for a nested one), or null when the archive as a whole is. */
    public String entryPath() {
        return entryPath;
    }

    /** The measured fact (numbers, names), in English. */
    public String detail() {
        return detail;
    }

    /** The same message in Vietnamese (the detail stays as measured). */
    public String messageVi() {
        return format(reason.vi(), entryPath, detail, "tệp");
    }

    private static String format(String what, String entryPath, String detail, String entryWord) {
        StringBuilder message = new StringBuilder("ZIP: ").append(what);
        if (entryPath != null) {
            message.append(" (").append(entryWord).append(' ').append(entryPath).append(')');
        }
        if (detail != null && !detail.isEmpty()) {
            message.append(": ").append(detail);
        }
        return message.toString();
    }
}
