package vn.lienthong.trust.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Verifies every signature of a PDF: is the document what was signed, and by whom.
 *
 * <p>For each signature field with a value (found with PDFBox, without the form fix-ups that would alter it):
 * <ol>
 * <li>the {@code /ByteRange} must start at the first byte and leave out exactly the {@code /Contents} hex string
 * of this signature (else {@code NOT_COVERING} or {@code MALFORMED});</li>
 * <li>integrity: the digest of the signed bytes, streamed from the file, must equal the CMS signed attribute
 * {@code messageDigest}, and Bouncy Castle must verify the CMS signature with the signer's certificate (else
 * {@code INTEGRITY});</li>
 * <li>coverage: the signed bytes must run to the end of the file. When they end earlier, the signature signed an
 * earlier revision; the incremental updates after it are compared with it ({@link RevisionComparator}) and are
 * accepted only when they add further signatures (or metadata and validation data): this is how a document signed
 * by its signer and then by its organisation looks. Any other change is {@code NOT_COVERING}: "the signed part does
 * not cover the document";</li>
 * <li>the signer's certificate, with the certificates the signature carries and the signing time, goes to the
 * {@link SignerCertificateCheck} ({@code UNTRUSTED}, {@code REVOKED}, {@code EXPIRED}, …).</li>
 * </ol>
 * Every problem found is reported (integrity first); the most severe one is the signature's status.
 *
 * <p>Memory: a file is read through PDFBox's buffered file access and the signed bytes are streamed from it
 * (twice: once for the digest, once for Bouncy Castle), so a large PDF costs what PDFBox keeps of its structure,
 * not its size. A stream is held in memory up to 4 MiB, beyond that spooled to a temporary file, deleted
 * afterwards.
 *
 * <p>Subfilters {@code adbe.pkcs7.detached} and {@code ETSI.CAdES.detached} are verified; others
 * ({@code adbe.pkcs7.sha1}, {@code adbe.x509.rsa_sha1}, document timestamps) are reported {@code UNSUPPORTED}.
 * Thread-safe if the certificate check is. Each signature is verified by a {@link SignatureFieldVerifier}.
 */
public final class PdfSignatureVerifier {

    private final SignerCertificateCheck certificateCheck;
    private final Clock clock;
    private final Path spoolDirectory;

    /** Validation time "now" (system clock); streams are spooled to the default temporary directory. */
    public PdfSignatureVerifier(SignerCertificateCheck certificateCheck) {
        this(certificateCheck, Clock.systemUTC(), null);
    }

    /**
     * @param certificateCheck decides on the signers' certificates
     * @param clock            gives the validation time (the time a document was received, when re-checking it)
     * @param spoolDirectory   where {@link #verify(InputStream)} spools; null for the default temporary directory
     */
    public PdfSignatureVerifier(SignerCertificateCheck certificateCheck, Clock clock, Path spoolDirectory) {
        this.certificateCheck = Objects.requireNonNull(certificateCheck, "certificateCheck");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.spoolDirectory = spoolDirectory;
    }

    /**
     * Verifies the PDF read from {@code pdf} (to its end; the stream is not closed): in memory when it is small,
     * else spooled to a temporary file that is deleted afterwards.
     */
    public PdfVerificationReport verify(InputStream pdf) throws IOException {
        return verifyWithin(pdf, InspectionBudget.unbounded(), null);
    }

    /**
     * As {@link #verify(InputStream)}, taking the PDF's signatures from {@code budget} and handing the parsed
     * document to {@code alsoRead}, as {@link #verifyWithin(Path, InspectionBudget, AlsoRead)} does.
     */
    public PdfVerificationReport verifyWithin(InputStream pdf, InspectionBudget budget, AlsoRead alsoRead)
            throws IOException {
        byte[] head = pdf.readNBytes(PdfBytes.IN_MEMORY_LIMIT + 1);
        if (head.length <= PdfBytes.IN_MEMORY_LIMIT) {
            return verifyWithin(PdfBytes.of(head), budget, alsoRead);
        }
        Path spool = spoolDirectory == null ? Files.createTempFile("lienthong-pdf-", ".pdf")
                : Files.createTempFile(spoolDirectory, "lienthong-pdf-", ".pdf");
        try {
            try (OutputStream out = Files.newOutputStream(spool)) {
                out.write(head);
                head = null; // the rest streams; let the first part go
                pdf.transferTo(out);
            }
            return verifyWithin(spool, budget, alsoRead);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /**
     * Verifies the PDF in {@code file}. A file that is not a readable PDF gives a report with status
     * {@link SignatureStatus#UNREADABLE}.
     *
     * @throws IOException only when the file itself cannot be read
     */
    public PdfVerificationReport verify(Path file) throws IOException {
        return verify(file, null);
    }

    /** Something else that reads the parsed PDF while it is open, so that one parse serves both. */
    @FunctionalInterface
    public interface AlsoRead {
        void read(PDDocument document);
    }

    /**
     * As {@link #verify(Path)}, and hands the parsed document to {@code alsoRead} first (not called when the file
     * cannot be parsed as a PDF).
     */
    public PdfVerificationReport verify(Path file, AlsoRead alsoRead) throws IOException {
        return verifyWithin(file, InspectionBudget.unbounded(), alsoRead);
    }

    /**
     * The same, taking the PDF's signatures from {@code budget} before any is verified.
     *
     * @throws InspectionBudget.Exceeded when the budget has fewer signatures left than the PDF holds
     */
    public PdfVerificationReport verifyWithin(Path file, InspectionBudget budget, AlsoRead alsoRead)
            throws IOException {
        try (PdfBytes bytes = PdfBytes.of(file)) {
            return verifyWithin(bytes, budget, alsoRead);
        }
    }

    private PdfVerificationReport verifyWithin(PdfBytes bytes, InspectionBudget budget, AlsoRead alsoRead)
            throws IOException {
        Instant now = clock.instant();
        long size = bytes.size();
        String sha256 = bytes.sha256();
        PDDocument document;
        RandomAccessRead source = bytes.reader();
        try {
            document = Loader.loadPDF(source);
        } catch (InvalidPasswordException e) {
            source.close();
            return unreadable(size, sha256, "tệp được bảo vệ bằng mật khẩu", "it is protected by a password");
        } catch (IOException | RuntimeException e) {
            source.close();
            return unreadable(size, sha256, String.valueOf(e.getMessage()), String.valueOf(e.getMessage()));
        }
        try (document) {
            if (alsoRead != null) {
                alsoRead.read(document);
            }
            List<SignatureFieldVerifier.Field> found;
            try {
                found = signatures(document);
            } catch (RuntimeException e) {
                return unreadable(size, sha256, "không đọc được biểu mẫu chữ ký (" + e.getMessage() + ")",
                        "the signature form cannot be read (" + e.getMessage() + ")");
            }
            if (found.isEmpty()) {
                return new PdfVerificationReport(size, sha256, SignatureStatus.NO_SIGNATURE,
                        SignatureStatus.NO_SIGNATURE.vi(), SignatureStatus.NO_SIGNATURE.en(), List.of());
            }
            budget.takeSignatures(found.size());
            List<PdfSignatureResult> results = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                results.add(new SignatureFieldVerifier(certificateCheck, bytes, document, found, i, now).verify());
            }
            return summary(size, sha256, results);
        }
    }

    private static PdfVerificationReport unreadable(long size, String sha256, String vi, String en) {
        return new PdfVerificationReport(size, sha256, SignatureStatus.UNREADABLE,
                SignatureStatus.UNREADABLE.vi() + ": " + vi, SignatureStatus.UNREADABLE.en() + ": " + en, List.of());
    }

    private static PdfVerificationReport summary(long size, String sha256, List<PdfSignatureResult> results) {
        SignatureStatus status = SignatureStatus.VALID;
        PdfSignatureResult worst = null;
        for (PdfSignatureResult result : results) {
            if (worst == null || result.status().severity() > status.severity()) {
                status = SignatureStatus.worst(status, result.status());
                worst = result;
            }
        }
        String vi;
        String en;
        if (status == SignatureStatus.VALID) {
            StringBuilder signers = new StringBuilder();
            for (PdfSignatureResult result : results) {
                signers.append(signers.length() == 0 ? "" : "; ")
                        .append(result.signer() == null ? "?" : result.signer().displayName());
            }
            vi = results.size() == 1 ? "Chữ ký số hợp lệ: " + signers
                    : "Cả " + results.size() + " chữ ký số đều hợp lệ: " + signers;
            en = results.size() == 1 ? "The signature is valid: " + signers
                    : "All " + results.size() + " signatures are valid: " + signers;
        } else {
            String who = worst.signer() == null ? "" : " (" + worst.signer().displayName() + ")";
            vi = "Chữ ký số thứ " + worst.index() + who + ": " + worst.messageVi();
            en = "Signature " + worst.index() + who + ": " + worst.messageEn();
        }
        return new PdfVerificationReport(size, sha256, status, vi, en, results);
    }

    /** Signature fields with a value, in signing order (by where their signed bytes end). */
    private static List<SignatureFieldVerifier.Field> signatures(PDDocument document) {
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return List.of();
        }
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        List<SignatureFieldVerifier.Field> found = new ArrayList<>();
        for (PDField field : form.getFieldTree()) {
            if (field instanceof PDSignatureField signatureField) {
                PDSignature signature = signatureField.getSignature();
                if (signature != null && seen.put(signature.getCOSObject(), Boolean.TRUE) == null) {
                    found.add(new SignatureFieldVerifier.Field(signatureField.getFullyQualifiedName(), signature,
                            ByteRange.of(signature.getCOSObject())));
                }
            }
        }
        found.sort(Comparator.comparingLong(f -> f.range() == null ? Long.MAX_VALUE : f.range().end()));
        return found;
    }
}
