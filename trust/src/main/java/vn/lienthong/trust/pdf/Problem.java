package vn.lienthong.trust.pdf;

/**
 * One reason a signature is not valid: its code and the specific explanation (which certificate, which date, what
 * changed), in Vietnamese and English.
 */
public record Problem(SignatureStatus status, String vi, String en) {

    public Problem {
        if (status == SignatureStatus.VALID) {
            throw new IllegalArgumentException("VALID is not a problem");
        }
    }
}
