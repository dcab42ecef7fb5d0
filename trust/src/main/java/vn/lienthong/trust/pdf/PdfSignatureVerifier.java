package vn.lienthong.trust.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

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
 * <p>Memory: the PDF is read through PDFBox's buffered file access and the signed bytes are streamed from the file
 * (twice: once for the digest, once for Bouncy Castle), so a large PDF costs what PDFBox keeps of its structure,
 * not its size. A stream is first spooled to a temporary file, deleted afterwards.
 *
 * <p>Subfilters {@code adbe.pkcs7.detached} and {@code ETSI.CAdES.detached} are verified; others
 * ({@code adbe.pkcs7.sha1}, {@code adbe.x509.rsa_sha1}, document timestamps) are reported {@code UNSUPPORTED}.
 * Thread-safe if the certificate check is.
 */
public final class PdfSignatureVerifier {

    private static final Provider BC = new BouncyCastleProvider();
    private static final String DETACHED = "adbe.pkcs7.detached";
    private static final String CADES = "ETSI.CAdES.detached";
    /** Hex characters of {@code /Contents}, with its brackets: 4 MiB is far above any real signature. */
    private static final long MAX_CONTENTS = 4L << 20;
    /** Whitespace tolerated after the signed bytes (some writers end the file with an extra end of line). */
    private static final int TRAILING_WHITESPACE = 64;
    private static final Set<String> WEAK_DIGESTS = Set.of(
            "1.2.840.113549.2.5", // MD5
            "1.2.840.113549.2.2"); // MD2

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

    /** Spools {@code pdf} to a temporary file, verifies it, deletes the file. The stream is not closed. */
    public PdfVerificationReport verify(InputStream pdf) throws IOException {
        Path spool = spoolDirectory == null ? Files.createTempFile("lienthong-pdf-", ".pdf")
                : Files.createTempFile(spoolDirectory, "lienthong-pdf-", ".pdf");
        try {
            try (OutputStream out = Files.newOutputStream(spool)) {
                pdf.transferTo(out);
            }
            return verify(spool);
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
        Instant now = clock.instant();
        long size = Files.size(file);
        String sha256 = sha256(file);
        PDDocument document;
        RandomAccessReadBufferedFile source = new RandomAccessReadBufferedFile(file);
        try {
            document = Loader.loadPDF(source);
        } catch (InvalidPasswordException e) {
            source.close();
            return unreadable(size, sha256, "tệp được bảo vệ bằng mật khẩu", "it is protected by a password");
        } catch (IOException | RuntimeException e) {
            source.close();
            return unreadable(size, sha256, String.valueOf(e.getMessage()), String.valueOf(e.getMessage()));
        }
        try (document; FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            List<Found> found;
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
            List<PdfSignatureResult> results = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                results.add(new One(file, channel, size, document, found, i, now).verify());
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

    /** A signature field with a value. */
    private record Found(String fieldName, PDSignature signature, ByteRange range) {
    }

    /** Signature fields with a value, in signing order (by where their signed bytes end). */
    private static List<Found> signatures(PDDocument document) {
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return List.of();
        }
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        List<Found> found = new ArrayList<>();
        for (PDField field : form.getFieldTree()) {
            if (field instanceof PDSignatureField signatureField) {
                PDSignature signature = signatureField.getSignature();
                if (signature != null && seen.put(signature.getCOSObject(), Boolean.TRUE) == null) {
                    found.add(new Found(signatureField.getFullyQualifiedName(), signature,
                            ByteRange.of(signature.getCOSObject())));
                }
            }
        }
        found.sort(Comparator.comparingLong(f -> f.range() == null ? Long.MAX_VALUE : f.range().end()));
        return found;
    }

    /** The verification of one signature. */
    private final class One {
        private final Path file;
        private final FileChannel channel;
        private final long size;
        private final PDDocument document;
        private final List<Found> all;
        private final int index;
        private final Found found;
        private final Instant now;
        private final List<Problem> problems = new ArrayList<>();
        private final List<Note> notes = new ArrayList<>();
        private SignerIdentity signer;
        private Instant signingTime;
        private SigningTimeSource signingTimeSource = SigningTimeSource.NONE;
        private String digestAlgorithm;
        private Coverage coverage = Coverage.INVALID_RANGE;
        private CertificateCheckResult certificateResult;

        One(Path file, FileChannel channel, long size, PDDocument document, List<Found> all, int index,
                Instant now) {
            this.file = file;
            this.channel = channel;
            this.size = size;
            this.document = document;
            this.all = all;
            this.index = index;
            this.found = all.get(index);
            this.now = now;
        }

        PdfSignatureResult verify() {
            try {
                check();
            } catch (IOException | RuntimeException e) {
                problem(SignatureStatus.MALFORMED, "lỗi khi kiểm tra chữ ký (" + e + ")",
                        "error while verifying the signature (" + e + ")");
            }
            PDSignature signature = found.signature();
            if (signature.getSignDate() != null && signingTimeSource == SigningTimeSource.NONE) {
                signingTime = signature.getSignDate().toInstant();
                signingTimeSource = SigningTimeSource.PDF_SIGNATURE_DICTIONARY;
            }
            problems.sort(Comparator.comparingInt((Problem p) -> p.status().severity()).reversed());
            SignatureStatus status = problems.isEmpty() ? SignatureStatus.VALID : problems.get(0).status();
            ByteRange range = found.range();
            return new PdfSignatureResult(index + 1, found.fieldName(), status, problems, notes, signer,
                    signingTime, signingTimeSource, signature.getSubFilter(), digestAlgorithm, coverage,
                    range == null ? -1 : range.end(), size, certificateResult, signature.getReason(),
                    signature.getLocation(), signature.getName());
        }

        private void check() throws IOException {
            PDSignature signature = found.signature();
            ByteRange range = found.range();
            if (range == null) {
                problem(SignatureStatus.MALFORMED, "thiếu /ByteRange hoặc /ByteRange không hợp lệ",
                        "/ByteRange is missing or invalid");
                return;
            }
            if (!range.fitsIn(size)) {
                problem(SignatureStatus.MALFORMED, "/ByteRange " + range + " vượt ra ngoài tệp (" + size + " byte)",
                        "/ByteRange " + range + " lies outside the file (" + size + " bytes)");
                return;
            }
            if (range.start() != 0) {
                problem(SignatureStatus.NOT_COVERING, "phần đầu tệp (" + range.start() + " byte) không được ký",
                        "the first " + range.start() + " bytes of the file are not signed");
                return;
            }
            byte[] contents = gapContents(range);
            if (contents == null) {
                return;
            }
            byte[] declared = signature.getContents();
            if (!java.util.Arrays.equals(contents, declared)) {
                problem(SignatureStatus.NOT_COVERING,
                        "phần bị loại khỏi chữ ký không phải là giá trị chữ ký (/Contents) của chính chữ ký này",
                        "the bytes left out of the signature are not this signature's own value (/Contents)");
                return;
            }

            String subFilter = signature.getSubFilter();
            if (!DETACHED.equals(subFilter) && !CADES.equals(subFilter)) {
                problem(SignatureStatus.UNSUPPORTED, "kiểu chữ ký /SubFilter " + subFilter + " chưa được hỗ trợ",
                        "signatures of /SubFilter " + subFilter + " are not supported");
                coverage(range);
                return;
            }
            CMSSignedData cms;
            try (ASN1InputStream in = new ASN1InputStream(contents)) {
                // /Contents is padded with zeros after the DER object
                ASN1Primitive object = in.readObject();
                cms = new CMSSignedData(ContentInfo.getInstance(object));
                int used = object.getEncoded(ASN1Encoding.DER).length;
                for (int i = used; i < contents.length; i++) {
                    if (contents[i] != 0) {
                        notes.add(new Note("Sau dữ liệu chữ ký trong /Contents còn dữ liệu khác (không được ký)",
                                "/Contents holds other (unsigned) data after the signature"));
                        break;
                    }
                }
            } catch (CMSException | IOException | RuntimeException e) {
                problem(SignatureStatus.MALFORMED, "không đọc được dữ liệu chữ ký CMS (" + e.getMessage() + ")",
                        "the CMS signature cannot be parsed (" + e.getMessage() + ")");
                return;
            }
            if (!cms.isDetachedSignature()) {
                problem(SignatureStatus.MALFORMED, "chữ ký CMS chứa nội dung riêng thay vì ký tách rời tệp PDF",
                        "the CMS signature encapsulates content instead of being detached from the PDF");
                return;
            }
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                problem(SignatureStatus.MALFORMED, "chữ ký CMS có " + signers.size() + " người ký (cần đúng 1)",
                        "the CMS signature has " + signers.size() + " signers (exactly 1 expected)");
                return;
            }
            SignerInformation signerInformation = signers.iterator().next();
            List<X509Certificate> certificates = certificates(cms, signerInformation);
            if (certificates.isEmpty()) {
                problem(SignatureStatus.MALFORMED, "chữ ký không kèm chứng thư số của người ký",
                        "the signature does not carry the signer's certificate");
                return;
            }
            X509Certificate certificate = certificates.get(0);
            signer = SignerIdentity.of(certificate);
            readSigningTime(signerInformation);

            boolean intact = integrity(cms, signerInformation, certificate, range);
            coverage(range);
            if (!intact) {
                notes.add(new Note("Chứng thư số chưa được kiểm tra vì chữ ký không toàn vẹn",
                        "The certificate was not checked because the signature is not intact"));
                return;
            }
            try {
                certificateResult = certificateCheck.check(new CertificateCheckRequest(certificate, certificates,
                        signingTime, signingTimeSource, now));
            } catch (RuntimeException e) {
                problem(SignatureStatus.REVOCATION_UNKNOWN, "lỗi khi kiểm tra chứng thư số (" + e.getMessage() + ")",
                        "the certificate check failed (" + e.getMessage() + ")");
                return;
            }
            if (!certificateResult.isOk()) {
                problem(certificateResult.outcome().status(), certificateResult.vi(), certificateResult.en());
            } else if (certificate.getNotAfter().toInstant().isBefore(now)) {
                notes.add(new Note("Chứng thư số đã hết hạn lúc " + Texts.vi(certificate.getNotAfter().toInstant())
                        + "; chữ ký được chấp nhận theo thời điểm ký do người ký khai báo (không có dấu thời gian)",
                        "The certificate expired on " + Texts.en(certificate.getNotAfter().toInstant())
                                + "; the signature is accepted at the signing time the signer claims (no timestamp)"));
            }
        }

        /** The bytes of the hex string between the two ranges, or null (problem recorded) when it is not one. */
        private byte[] gapContents(ByteRange range) throws IOException {
            long length = range.gapEnd() - range.gapStart();
            if (length < 2 || length > MAX_CONTENTS) {
                problem(SignatureStatus.NOT_COVERING, "phần bị loại khỏi chữ ký dài " + length
                        + " byte, không phải là một giá trị chữ ký",
                        "the part left out of the signature is " + length + " bytes long, not a signature value");
                return null;
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, range.gapStart() + buffer.position()) < 0) {
                    throw new IOException("end of file inside /ByteRange");
                }
            }
            byte[] gap = buffer.array();
            if (gap[0] != '<' || gap[gap.length - 1] != '>') {
                problem(SignatureStatus.NOT_COVERING,
                        "phần bị loại khỏi chữ ký không phải là chuỗi /Contents của chữ ký",
                        "the part left out of the signature is not the signature's /Contents string");
                return null;
            }
            // decoded straight from the bytes (a signature's /Contents is tens of KB of hex)
            byte[] value = new byte[(gap.length - 1) / 2];
            int digits = 0;
            for (int i = 1; i < gap.length - 1; i++) {
                int digit = Character.digit(gap[i] & 0xFF, 16);
                if (digit >= 0) {
                    value[digits >> 1] |= (byte) ((digits & 1) == 0 ? digit << 4 : digit);
                    digits++;
                } else if (!isPdfWhitespace(gap[i])) {
                    problem(SignatureStatus.NOT_COVERING,
                            "phần bị loại khỏi chữ ký chứa dữ liệu khác ngoài giá trị chữ ký",
                            "the part left out of the signature holds more than the signature value");
                    return null;
                }
            }
            // an odd count of digits ends with a 0 nibble, as PDF strings do
            return java.util.Arrays.copyOf(value, (digits + 1) / 2);
        }

        private List<X509Certificate> certificates(CMSSignedData cms, SignerInformation signerInformation) {
            List<X509Certificate> certificates = new ArrayList<>();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            try {
                @SuppressWarnings("unchecked")
                Collection<X509CertificateHolder> matches =
                        cms.getCertificates().getMatches(signerInformation.getSID());
                if (matches.isEmpty()) {
                    return List.of();
                }
                X509CertificateHolder signerHolder = matches.iterator().next();
                certificates.add(converter.getCertificate(signerHolder));
                for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
                    if (!holder.equals(signerHolder)) {
                        certificates.add(converter.getCertificate(holder));
                    }
                }
            } catch (CertificateException | RuntimeException e) {
                return List.of();
            }
            return certificates;
        }

        private void readSigningTime(SignerInformation signerInformation) {
            AttributeTable attributes = signerInformation.getSignedAttributes();
            Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
            if (attribute != null && attribute.getAttrValues().size() == 1) {
                try {
                    signingTime = Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant();
                    signingTimeSource = SigningTimeSource.SIGNED_ATTRIBUTE;
                } catch (RuntimeException e) {
                    notes.add(new Note("Thời điểm ký trong chữ ký không đọc được",
                            "The signing time attribute cannot be read"));
                }
            }
            PDSignature signature = found.signature();
            if (signingTime == null && signature.getSignDate() != null) {
                signingTime = signature.getSignDate().toInstant();
                signingTimeSource = SigningTimeSource.PDF_SIGNATURE_DICTIONARY;
            }
            if (signingTime != null && signingTime.isAfter(now.plusSeconds(300))) {
                notes.add(new Note("Thời điểm ký " + Texts.vi(signingTime) + " ở tương lai; chứng thư số được kiểm tra "
                        + "tại thời điểm kiểm tra", "The signing time " + Texts.en(signingTime)
                        + " is in the future; the certificate is checked at the validation time"));
            }
        }

        /** Digest against messageDigest, then Bouncy Castle's verification; false when not intact. */
        private boolean integrity(CMSSignedData cms, SignerInformation signerInformation,
                X509Certificate certificate, ByteRange range) throws IOException {
            AlgorithmIdentifier digestId = signerInformation.getDigestAlgorithmID();
            digestAlgorithm = new DefaultAlgorithmNameFinder().getAlgorithmName(digestId);
            String oid = digestId.getAlgorithm().getId();
            if (WEAK_DIGESTS.contains(oid)) {
                problem(SignatureStatus.UNSUPPORTED, "thuật toán băm " + digestAlgorithm + " không còn an toàn",
                        "the digest algorithm " + digestAlgorithm + " is broken");
                return false;
            }
            if (OIWObjectIdentifiers.idSHA1.equals(digestId.getAlgorithm())) {
                notes.add(new Note("Chữ ký dùng thuật toán băm SHA-1, đã lỗi thời",
                        "The signature uses SHA-1, which is deprecated"));
            }

            AttributeTable attributes = signerInformation.getSignedAttributes();
            if (attributes != null) {
                byte[] computed;
                try {
                    DigestCalculator calculator = new JcaDigestCalculatorProviderBuilder().setProvider(BC).build()
                            .get(digestId);
                    try (InputStream in = range.open(channel); OutputStream out = calculator.getOutputStream()) {
                        in.transferTo(out);
                    }
                    computed = calculator.getDigest();
                } catch (OperatorCreationException e) {
                    problem(SignatureStatus.UNSUPPORTED, "thuật toán băm " + oid + " không được hỗ trợ",
                            "the digest algorithm " + oid + " is not supported");
                    return false;
                }
                byte[] declared = messageDigest(attributes);
                if (declared == null) {
                    problem(SignatureStatus.MALFORMED, "chữ ký thiếu thuộc tính messageDigest",
                            "the signature lacks the messageDigest attribute");
                    return false;
                }
                if (!MessageDigest.isEqual(computed, declared)) {
                    problem(SignatureStatus.INTEGRITY, "giá trị băm (" + digestAlgorithm + ") của phần đã ký khác với "
                            + "giá trị băm được ký: nội dung đã bị thay đổi sau khi ký",
                            "the " + digestAlgorithm + " digest of the signed bytes differs from the signed "
                                    + "messageDigest: the content was changed after signing");
                    return false;
                }
            }

            try {
                CMSSignedData withContent = new CMSSignedData(range.content(channel), cms.toASN1Structure());
                SignerInformation bound = withContent.getSignerInfos().get(signerInformation.getSID());
                boolean verified = bound.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC)
                        .build(certificate.getPublicKey()));
                if (!verified) {
                    problem(SignatureStatus.INTEGRITY, "giá trị chữ ký không khớp với khóa công khai của người ký",
                            "the signature value does not verify with the signer's public key");
                    return false;
                }
            } catch (CMSSignerDigestMismatchException e) {
                problem(SignatureStatus.INTEGRITY, "giá trị băm của nội dung không khớp với chữ ký",
                        "the content digest does not match the signature");
                return false;
            } catch (OperatorCreationException e) {
                problem(SignatureStatus.UNSUPPORTED, "thuật toán chữ ký không được hỗ trợ (" + e.getMessage() + ")",
                        "the signature algorithm is not supported (" + e.getMessage() + ")");
                return false;
            } catch (CMSException | RuntimeException e) {
                problem(SignatureStatus.INTEGRITY, "chữ ký không kiểm tra được (" + e.getMessage() + ")",
                        "the signature does not verify (" + e.getMessage() + ")");
                return false;
            }
            return true;
        }

        private byte[] messageDigest(AttributeTable attributes) {
            Attribute attribute = attributes.get(CMSAttributes.messageDigest);
            if (attribute == null) {
                return null;
            }
            ASN1Set values = attribute.getAttrValues();
            if (values.size() != 1) {
                return null;
            }
            ASN1Encodable value = values.getObjectAt(0);
            return value instanceof ASN1OctetString octets ? octets.getOctets() : null;
        }

        private void coverage(ByteRange range) throws IOException {
            long end = range.end();
            if (end == size) {
                coverage = Coverage.WHOLE_DOCUMENT;
                return;
            }
            if (size - end <= TRAILING_WHITESPACE && onlyWhitespace(end)) {
                coverage = Coverage.WHOLE_DOCUMENT;
                notes.add(new Note("Sau phần đã ký chỉ có " + (size - end) + " byte khoảng trắng",
                        "Only " + (size - end) + " bytes of whitespace follow the signed part"));
                return;
            }
            RevisionComparator.Changes changes = RevisionComparator.compare(file, end, document);
            if (changes.onlyAllowed()) {
                coverage = Coverage.EARLIER_REVISION;
                long later = all.stream().filter(f -> f.range() != null && f.range().end() > end).count();
                if (later > 0) {
                    notes.add(new Note("Sau chữ ký này, văn bản chỉ được ký thêm (" + later + " chữ ký); nội dung "
                            + "không thay đổi", "After this signature the document was only signed again ("
                            + later + " signature(s)); its content is unchanged"));
                } else {
                    notes.add(new Note("Sau chữ ký này có phần bổ sung không làm thay đổi nội dung văn bản",
                            "Something was appended after this signature that does not change the content"));
                }
                if (changes.metadataChanged()) {
                    notes.add(new Note("Thông tin mô tả (metadata) của tệp được cập nhật sau khi ký",
                            "The file's metadata was updated after signing"));
                }
                if (changes.validationDataAdded()) {
                    notes.add(new Note("Dữ liệu kiểm tra chữ ký (DSS) được bổ sung sau khi ký",
                            "Validation data (DSS) was added after signing"));
                }
                return;
            }
            coverage = Coverage.MODIFIED_AFTER;
            StringBuilder vi = new StringBuilder("chữ ký chỉ bao trùm " + end + "/" + size + " byte đầu của tệp");
            StringBuilder en = new StringBuilder("the signature covers only the first " + end + " of " + size
                    + " bytes");
            for (Note change : changes.forbidden()) {
                vi.append("; ").append(change.vi());
                en.append("; ").append(change.en());
            }
            problem(SignatureStatus.NOT_COVERING, vi.toString(), en.toString());
        }

        private boolean onlyWhitespace(long from) throws IOException {
            ByteBuffer tail = ByteBuffer.allocate((int) (size - from));
            while (tail.hasRemaining()) {
                if (channel.read(tail, from + tail.position()) < 0) {
                    return false;
                }
            }
            for (byte b : tail.array()) {
                if (!isPdfWhitespace(b)) {
                    return false;
                }
            }
            return true;
        }

        private void problem(SignatureStatus status, String vi, String en) {
            problems.add(new Problem(status, vi, en));
        }
    }

    private static boolean isPdfWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest()).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
