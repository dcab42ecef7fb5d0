package vn.lienthong.trust.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
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
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

import vn.lienthong.trust.certificates.Bc;

/**
 * The verification of one signature field of a PDF, in the steps {@link PdfSignatureVerifier} describes: the
 * {@code /ByteRange} and its gap, the CMS signature's integrity over the signed bytes, the coverage of the
 * document (later revisions compared with {@link RevisionComparator}), then the signer's certificate. Every
 * problem found is collected; one instance per signature, used once, by one thread.
 */
final class SignatureFieldVerifier {

    private static final DefaultAlgorithmNameFinder ALGORITHM_NAMES = new DefaultAlgorithmNameFinder();
    private static final String DETACHED = "adbe.pkcs7.detached";
    private static final String CADES = "ETSI.CAdES.detached";
    /** Hex characters of {@code /Contents}, with its brackets: 4 MiB is far above any real signature. */
    private static final long MAX_CONTENTS = 4L << 20;
    /** Whitespace tolerated after the signed bytes (some writers end the file with an extra end of line). */
    private static final int TRAILING_WHITESPACE = 64;
    private static final Set<String> WEAK_DIGESTS = Set.of(
            "1.2.840.113549.2.5", // MD5
            "1.2.840.113549.2.2"); // MD2

    /** A signature field with a value, and its byte range (null when missing or invalid). */
    record Field(String name, PDSignature signature, ByteRange range) {
    }

    private final SignerCertificateCheck certificateCheck;
    private final PdfBytes bytes;
    private final long size;
    private final PDDocument document;
    private final List<Field> all;
    private final int index;
    private final Field found;
    private final Instant now;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();
    private SignerIdentity signer;
    private Instant signingTime;
    private SigningTimeSource signingTimeSource = SigningTimeSource.NONE;
    private String digestAlgorithm;
    private Coverage coverage = Coverage.INVALID_RANGE;
    private CertificateCheckResult certificateResult;

    /**
     * @param all   every signature field of the document, in signing order
     * @param index which of them this one verifies
     * @param now   the validation time
     */
    SignatureFieldVerifier(SignerCertificateCheck certificateCheck, PdfBytes bytes, PDDocument document,
            List<Field> all, int index, Instant now) {
        this.certificateCheck = certificateCheck;
        this.bytes = bytes;
        this.size = bytes.size();
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
        if (signingTimeSource == SigningTimeSource.NONE) {
            takeDictionaryTime(signature);
        }
        problems.sort(Comparator.comparingInt((Problem p) -> p.status().severity()).reversed());
        SignatureStatus status = problems.isEmpty() ? SignatureStatus.VALID : problems.get(0).status();
        ByteRange range = found.range();
        return new PdfSignatureResult(index + 1, found.name(), status, problems, notes, signer,
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
            if (bytes.read(buffer, range.gapStart() + buffer.position()) < 0) {
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
        if (signingTime == null) {
            takeDictionaryTime(found.signature());
        }
        if (signingTime != null && signingTime.isAfter(now.plusSeconds(300))) {
            notes.add(new Note("Thời điểm ký " + Texts.vi(signingTime) + " ở tương lai; chứng thư số được kiểm tra "
                    + "tại thời điểm kiểm tra", "The signing time " + Texts.en(signingTime)
                    + " is in the future; the certificate is checked at the validation time"));
        }
    }

    /**
     * The signing time the signature dictionary declares ({@code /M}), when the CMS gave none. Read once: PDFBox
     * parses the date anew at each call, trying format after format.
     */
    private void takeDictionaryTime(PDSignature signature) {
        Calendar declared = signature.getSignDate();
        if (declared != null) {
            signingTime = declared.toInstant();
            signingTimeSource = SigningTimeSource.PDF_SIGNATURE_DICTIONARY;
        }
    }

    /** Digest against messageDigest, then Bouncy Castle's verification; false when not intact. */
    private boolean integrity(CMSSignedData cms, SignerInformation signerInformation,
            X509Certificate certificate, ByteRange range) throws IOException {
        AlgorithmIdentifier digestId = signerInformation.getDigestAlgorithmID();
        digestAlgorithm = ALGORITHM_NAMES.getAlgorithmName(digestId);
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
                DigestCalculator calculator = Bc.DIGESTS.get(digestId);
                try (InputStream in = range.open(bytes); OutputStream out = calculator.getOutputStream()) {
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
            CMSSignedData withContent = new CMSSignedData(range.content(bytes), cms.toASN1Structure());
            SignerInformation bound = withContent.getSignerInfos().get(signerInformation.getSID());
            boolean verified = bound.verify(new SignerInformationVerifier(Bc.SIGNATURE_NAMES, Bc.SIGNATURE_IDS,
                    new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER).build(certificate.getPublicKey()),
                    Bc.DIGESTS));
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
        RevisionComparator.Changes changes = RevisionComparator.compare(bytes, end, document);
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
            if (bytes.read(tail, from + tail.position()) < 0) {
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

    private static boolean isPdfWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0;
    }
}
