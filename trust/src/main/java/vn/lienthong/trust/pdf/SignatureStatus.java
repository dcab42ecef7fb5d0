package vn.lienthong.trust.pdf;

/**
 * The verdict on a PDF signature, or on a whole PDF: the code a gateway records and the sentence a receiving clerk
 * reads, in Vietnamese and in English. {@link #severity()} orders problems: the most severe one is the verdict.
 */
public enum SignatureStatus {
    VALID(0, "Chữ ký số hợp lệ",
            "The signature is valid"),
    NO_SIGNATURE(10, "Tệp PDF không có chữ ký số",
            "The PDF has no digital signature"),
    REVOCATION_UNKNOWN(30, "Không kiểm tra được tình trạng thu hồi của chứng thư số",
            "The revocation status of the certificate could not be checked"),
    UNSUPPORTED(40, "Định dạng hoặc thuật toán chữ ký không được hỗ trợ",
            "The signature format or algorithm is not supported"),
    NOT_YET_VALID(50, "Chứng thư số của người ký chưa có hiệu lực tại thời điểm ký",
            "The signer's certificate was not yet valid at the signing time"),
    EXPIRED(50, "Chứng thư số của người ký đã hết hiệu lực tại thời điểm ký",
            "The signer's certificate had expired at the signing time"),
    UNTRUSTED(60, "Chứng thư số của người ký không được tin cậy",
            "The signer's certificate is not trusted"),
    REVOKED(70, "Chứng thư số của người ký đã bị thu hồi",
            "The signer's certificate has been revoked"),
    UNREADABLE(80, "Không đọc được tệp PDF",
            "The PDF file cannot be read"),
    MALFORMED(85, "Dữ liệu chữ ký không đúng định dạng",
            "The signature data is malformed"),
    NOT_COVERING(90, "Phần được ký không bao trùm toàn bộ văn bản: văn bản đã bị thay đổi sau khi ký",
            "The signed part does not cover the whole document: it was changed after signing"),
    INTEGRITY(100, "Nội dung văn bản không khớp với chữ ký: văn bản đã bị sửa đổi hoặc chữ ký bị hỏng",
            "The document does not match its signature: it was altered or the signature is damaged");

    private final int severity;
    private final String vi;
    private final String en;

    SignatureStatus(int severity, String vi, String en) {
        this.severity = severity;
        this.vi = vi;
        this.en = en;
    }

    /** 0 for {@link #VALID}; the larger, the worse. */
    public int severity() {
        return severity;
    }

    /** The sentence shown to a Vietnamese reader. */
    public String vi() {
        return vi;
    }

    /** The same sentence in English. */
    public String en() {
        return en;
    }

    /** The worse of two statuses (the first one on a tie). */
    public static SignatureStatus worst(SignatureStatus a, SignatureStatus b) {
        return b.severity > a.severity ? b : a;
    }
}
