package vn.lienthong.trust.pdf;

import java.util.List;

import vn.lienthong.trust.zip.ZipRefusedException;

/**
 * What the signatures of one edXML attachment say: what the gateway records per document and shows to the
 * receiving clerk.
 *
 * @param attachmentName the attachment's name as declared in the packet
 * @param contentType    its declared content type
 * @param container      what the attachment really is (by its first bytes)
 * @param verdict        the overall verdict
 * @param vi             a summary for a Vietnamese reader (one line per PDF)
 * @param en             the same in English
 * @param files          every file found, in order, PDF or not (for a refused ZIP: those read before the refusal)
 * @param refusal        why the ZIP was refused (null unless {@link Verdict#REFUSED})
 * @param notes          observations (a declared content type that does not match, …)
 */
public record AttachmentSignatureReport(String attachmentName, String contentType, Container container,
        Verdict verdict, String vi, String en, List<AttachedFile> files, ZipRefusedException refusal,
        List<Note> notes) {

    /** What the attachment is, by its first bytes. */
    public enum Container {
        /** A ZIP (as the official SDK sends every attachment). */
        ZIP,
        /** A PDF sent as it is. */
        PDF,
        /** Anything else, sent as it is. */
        OTHER
    }

    /** The verdict on an attachment. */
    public enum Verdict {
        SIGNED_VALID("Văn bản có chữ ký số hợp lệ", "The document carries valid digital signatures"),
        NOT_SIGNED("Văn bản không có chữ ký số", "The document is not digitally signed"),
        INVALID("Chữ ký số của văn bản không hợp lệ", "The document's digital signatures are not valid"),
        /** Every signature is intact and trusted, but the revocation of a signer's certificate could not be had. */
        REVOCATION_UNKNOWN("Chữ ký số đúng nhưng chưa xác định được tình trạng thu hồi của chứng thư số",
                "The signatures are intact, but the revocation status of a signer's certificate is unknown"),
        NO_PDF("Tệp đính kèm không có tệp PDF nào để kiểm tra chữ ký",
                "The attachment holds no PDF whose signatures could be checked"),
        REFUSED("Tệp nén đính kèm bị từ chối, không kiểm tra được chữ ký",
                "The attachment's archive was refused; no signature was checked");

        private final String vi;
        private final String en;

        Verdict(String vi, String en) {
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

    public AttachmentSignatureReport {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }

    /** The PDFs among {@link #files()}. */
    public List<AttachedFile> pdfs() {
        return files.stream().filter(AttachedFile::pdf).toList();
    }
}
