package vn.lienthong.trust.pdf;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import vn.lienthong.trust.classification.ClassificationMark;
import vn.lienthong.trust.classification.ClassificationMarkFinder;
import vn.lienthong.trust.zip.FileMagic;
import vn.lienthong.trust.zip.SafeUnzip;
import vn.lienthong.trust.zip.UnzipEntry;
import vn.lienthong.trust.zip.ZipRefusedException;

/**
 * Checks the signatures of one edXML attachment, given its decoded bytes: {@code reader.nextAttachment()
 * .openStream()} of the edxml module's reader, with the attachment's name and content type.
 *
 * <p>The attachment is opened with {@link SafeUnzip} when it is a ZIP (by its first bytes, whatever its declared
 * type), or taken as it is. Every file whose header is {@code %PDF-} is verified with {@link PdfSignatureVerifier}
 * (in memory when small, else spooled where the verifier spools) and searched for a classification mark
 * ({@link ClassificationMarkFinder}); other files are hashed and listed. A refused ZIP is not an exception: the
 * report says {@link AttachmentSignatureReport.Verdict#REFUSED} and why. Temporary files are deleted before
 * {@link #inspect} returns. Thread-safe.
 */
public final class AttachmentSignatureInspector {

    private final PdfSignatureVerifier verifier;
    private final SafeUnzip unzip;
    private final ClassificationMarkFinder marks = new ClassificationMarkFinder();

    /** Default ZIP limits. */
    public AttachmentSignatureInspector(PdfSignatureVerifier verifier) {
        this(verifier, new SafeUnzip());
    }

    public AttachmentSignatureInspector(PdfSignatureVerifier verifier, SafeUnzip unzip) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.unzip = Objects.requireNonNull(unzip, "unzip");
    }

    /**
     * @param attachmentName the attachment's declared name
     * @param contentType    its declared content type (may be null)
     * @param decoded        its decoded bytes; read to the end, not closed
     * @throws IOException when {@code decoded} cannot be read or a temporary file cannot be written
     */
    public AttachmentSignatureReport inspect(String attachmentName, String contentType, InputStream decoded)
            throws IOException {
        return inspect(attachmentName, contentType, decoded, InspectionBudget.unbounded());
    }

    /**
     * The same, charging {@code budget} (shared by the attachments of one packet) with every file's unpacked bytes
     * and every PDF signature before it is verified.
     *
     * @throws InspectionBudget.Exceeded as soon as the packet's budget is crossed
     */
    public AttachmentSignatureReport inspect(String attachmentName, String contentType, InputStream decoded,
            InspectionBudget budget) throws IOException {
        List<AttachedFile> files = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        SafeUnzip.Summary summary;
        try {
            summary = unzip.read(decoded, attachmentName,
                    (entry, content) -> files.add(inspect(entry, budget.unpacking(content), budget)));
        } catch (ZipRefusedException e) {
            String vi = AttachmentSignatureReport.Verdict.REFUSED.vi() + ": " + e.messageVi();
            String en = AttachmentSignatureReport.Verdict.REFUSED.en() + ": " + e.getMessage();
            return new AttachmentSignatureReport(attachmentName, contentType, AttachmentSignatureReport.Container.ZIP,
                    AttachmentSignatureReport.Verdict.REFUSED, vi, en, files, e, notes);
        }
        AttachmentSignatureReport.Container container = summary.zip() ? AttachmentSignatureReport.Container.ZIP
                : files.get(0).pdf() ? AttachmentSignatureReport.Container.PDF
                : AttachmentSignatureReport.Container.OTHER;
        noteContentType(contentType, container, notes);
        return summarise(attachmentName, contentType, container, files, notes);
    }

    private AttachedFile inspect(UnzipEntry entry, InputStream content, InspectionBudget budget) throws IOException {
        BufferedInputStream in = new BufferedInputStream(content, FileMagic.SNIFF_LENGTH * 8);
        if (FileMagic.peek(in) != FileMagic.PDF) {
            MessageDigest digest = sha256();
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                size += n;
            }
            return new AttachedFile(entry.path(), size, HexFormat.of().formatHex(digest.digest()), false, null);
        }
        // one parse of the PDF for its signatures and for the classification mark on its first page
        List<ClassificationMark> mark = new ArrayList<>(1);
        PdfVerificationReport report = verifier.verifyWithin(in, budget,
                document -> marks.inFirstPageOf(document).ifPresent(mark::add));
        return new AttachedFile(entry.path(), report.size(), report.sha256(), true, report,
                mark.isEmpty() ? null : mark.get(0));
    }

    private static void noteContentType(String contentType, AttachmentSignatureReport.Container container,
            List<Note> notes) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        String declared = contentType.toLowerCase(Locale.ROOT).strip();
        boolean declaredZip = declared.contains("zip");
        boolean declaredPdf = declared.contains("pdf");
        if (declaredZip && container != AttachmentSignatureReport.Container.ZIP) {
            notes.add(new Note("Tệp khai báo là " + contentType + " nhưng không phải tệp nén",
                    "Declared " + contentType + " but not a ZIP"));
        } else if (!declaredZip && container == AttachmentSignatureReport.Container.ZIP) {
            notes.add(new Note("Tệp khai báo là " + contentType + " nhưng thực tế là tệp nén (như bộ thư viện "
                    + "chính thức vẫn gửi)", "Declared " + contentType + " but zipped (as the official SDK sends it)"));
        } else if (declaredPdf && container != AttachmentSignatureReport.Container.PDF) {
            notes.add(new Note("Tệp khai báo là " + contentType + " nhưng không phải PDF",
                    "Declared " + contentType + " but not a PDF"));
        }
    }

    private static AttachmentSignatureReport summarise(String attachmentName, String contentType,
            AttachmentSignatureReport.Container container, List<AttachedFile> files, List<Note> notes) {
        List<AttachedFile> pdfs = files.stream().filter(AttachedFile::pdf).toList();
        AttachmentSignatureReport.Verdict verdict;
        if (pdfs.isEmpty()) {
            verdict = AttachmentSignatureReport.Verdict.NO_PDF;
        } else if (pdfs.stream().anyMatch(f -> f.report().status() != SignatureStatus.VALID
                && f.report().status() != SignatureStatus.NO_SIGNATURE
                && f.report().status() != SignatureStatus.REVOCATION_UNKNOWN)) {
            verdict = AttachmentSignatureReport.Verdict.INVALID;
        } else if (pdfs.stream().anyMatch(f -> f.report().status() == SignatureStatus.REVOCATION_UNKNOWN)) {
            verdict = AttachmentSignatureReport.Verdict.REVOCATION_UNKNOWN;
        } else if (pdfs.stream().anyMatch(f -> f.report().status() == SignatureStatus.NO_SIGNATURE)) {
            verdict = AttachmentSignatureReport.Verdict.NOT_SIGNED;
        } else {
            verdict = AttachmentSignatureReport.Verdict.SIGNED_VALID;
        }
        StringBuilder vi = new StringBuilder(verdict.vi());
        StringBuilder en = new StringBuilder(verdict.en());
        for (AttachedFile pdf : pdfs) {
            vi.append("\n- ").append(pdf.path()).append(": ").append(pdf.report().vi());
            en.append("\n- ").append(pdf.path()).append(": ").append(pdf.report().en());
            for (PdfSignatureResult signature : pdf.report().signatures()) {
                if (signature.signer() != null) {
                    vi.append("\n  + ").append(signature.signer().displayName()).append(", ký lúc ")
                            .append(Texts.vi(signature.signingTime())).append(": ").append(signature.messageVi());
                    en.append("\n  + ").append(signature.signer().displayName()).append(", signed ")
                            .append(Texts.en(signature.signingTime())).append(": ").append(signature.messageEn());
                }
            }
        }
        return new AttachmentSignatureReport(attachmentName, contentType, container, verdict, vi.toString(),
                en.toString(), files, null, notes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
