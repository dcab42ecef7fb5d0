package vn.lienthong.certs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Writes the sample signed PDFs of the project, signed with the keys of {@link SamplePki}: a document signed by an
 * agency, one signed with the revoked certificate, one changed after signing, one unsigned, one signed by two
 * agencies. For tests only, like everything in this module.
 *
 * <p>The PDFs are written by hand (Bouncy Castle signs; no PDF library), the way signing tools write them: an
 * unsigned first revision, then each signature appended as an incremental update (a signature field and widget,
 * the catalog with its {@code /AcroForm}, the page with its {@code /Annots}, and the signature dictionary whose
 * {@code /Contents} holds a detached CMS ({@code adbe.pkcs7.detached}, SHA-256 with RSA, signed attributes with
 * {@code signingTime}, the signer's certificate and the agency CA's). The "altered" file appends, after the
 * signature, an update that redefines the page's content stream (the amount 1.000.000 becomes 9.000.000).
 *
 * <p>Output is deterministic: the signing time of each signature is derived from its certificate (notBefore plus
 * one day, which is when the sample PKI was generated), identifiers are derived from the content, and RSA
 * PKCS#1 v1.5 signatures are deterministic. Running the generator again over the same PKI therefore writes the
 * same bytes; after the PKI is regenerated, run it again. See the module README for the command.
 *
 * <p>The committed files are on the classpath under {@code /vn/lienthong/certs/sample/pdf/}: {@link #open},
 * {@link #path}. {@link #document} builds other variants (another signer, another time) for tests.
 */
public final class SamplePdfGenerator {

    /** Signed by 000.00.00.D41 (Văn phòng Tỉnh ủy Nghệ An, mẫu): valid. */
    public static final String SIGNED = "signed-000.00.00.D41.pdf";
    /** Signed with {@link SamplePki#REVOKED} (000.00.00.H41), which the agency CA's CRL lists. */
    public static final String SIGNED_BY_REVOKED = "signed-by-revoked-000.00.00.H41.pdf";
    /** {@link #SIGNED}, then an incremental update that changes the page content. */
    public static final String ALTERED = "altered-after-signing-000.00.00.D41.pdf";
    /** The same document, never signed. */
    public static final String UNSIGNED = "unsigned.pdf";
    /** Signed by 000.00.00.D41, then by 000.00.00.H41 (a joint document): both valid. */
    public static final String SIGNED_TWICE = "signed-twice-000.00.00.D41-000.00.00.H41.pdf";
    /**
     * A công văn stamped MẬT (a state secret's degree) on its own line under its số, ký hiệu, as NĐ 30/2020
     * Phụ lục I (box 10a) places it; Vietnamese text. The gateway must refuse it.
     */
    public static final String STAMPED_CLASSIFIED = "stamped-mat.pdf";
    /**
     * A công văn about protecting state secrets whose first page says "bí mật nhà nước", "mật khẩu", "BÍ MẬT NHÀ
     * NƯỚC" and "Mật" inside sentences, near its top, but carries no mark. The gateway must accept it.
     */
    public static final String SECRET_WORDS_IN_TEXT = "secret-words-in-text.pdf";

    /** The classpath folder of the committed files. */
    public static final String RESOURCE_DIR = "/vn/lienthong/certs/sample/pdf/";

    /** The amount in the sample text, and what {@link #ALTERED} changes it to. */
    public static final String AMOUNT = "1.000.000";
    public static final String ALTERED_AMOUNT = "9.000.000";

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int CONTENTS_BYTES = 8192;
    private static final int BYTE_RANGE_WIDTH = 44;
    private static final Map<String, Path> FILES = new ConcurrentHashMap<>();

    private SamplePdfGenerator() {
    }

    /** Usage: {@code SamplePdfGenerator <output directory>}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: SamplePdfGenerator <output directory>");
            System.exit(2);
        }
        Path dir = Paths.get(args[0]);
        List<String> files = generate(dir);
        System.out.println("Sample PDFs (for tests only) written to " + dir.toAbsolutePath().normalize() + ": "
                + String.join(", ", files));
    }

    /** The names of the committed files. */
    public static List<String> files() {
        return List.of(SIGNED, SIGNED_BY_REVOKED, ALTERED, UNSIGNED, SIGNED_TWICE, STAMPED_CLASSIFIED,
                SECRET_WORDS_IN_TEXT);
    }

    /** Writes every sample PDF into {@code dir} (created if needed; files of the same names are overwritten). */
    public static List<String> generate(Path dir) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(SIGNED, document("000.00.00.D41").sign("000.00.00.D41").bytes());
        out.put(SIGNED_BY_REVOKED, document("000.00.00.H41").sign(SamplePki.REVOKED).bytes());
        out.put(ALTERED, document("000.00.00.D41").sign("000.00.00.D41").alterAmount().bytes());
        out.put(UNSIGNED, document("000.00.00.D41").bytes());
        out.put(SIGNED_TWICE, document("000.00.00.D41").sign("000.00.00.D41")
                .sign("000.00.00.H41", defaultSigningTime("000.00.00.H41").plus(Duration.ofHours(1))).bytes());
        out.put(STAMPED_CLASSIFIED, congVan("15/CV-MAU", "MẬT", List.of(
                "Về việc triển khai nhiệm vụ (VĂN BẢN MẪU)",
                "",
                "Văn phòng đề nghị các đơn vị triển khai nhiệm vụ theo kế hoạch.")).sign("000.00.00.D41").bytes());
        out.put(SECRET_WORDS_IN_TEXT, congVan("16/CV-MAU", null, List.of(
                "Về việc bảo vệ bí mật nhà nước và đổi mật khẩu (VĂN BẢN MẪU)",
                "HƯỚNG DẪN BẢO VỆ BÍ MẬT NHÀ NƯỚC",
                "1. Cán bộ giữ gìn bí mật nhà nước theo Luật Bảo vệ bí mật nhà nước.",
                "2. Mật khẩu hộp thư công vụ phải đổi ba tháng một lần.",
                "3. Tài liệu Mật được quản lý trên hệ thống riêng, không gửi qua trục liên thông.")).bytes());
        for (Map.Entry<String, byte[]> file : out.entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
        }
        return new ArrayList<>(out.keySet());
    }

    /** Opens a committed sample PDF from the classpath. */
    public static InputStream open(String file) throws IOException {
        InputStream in = SamplePdfGenerator.class.getResourceAsStream(RESOURCE_DIR + known(file));
        if (in == null) {
            throw new IOException("sample PDF not on the classpath: " + RESOURCE_DIR + file);
        }
        return in;
    }

    /** A real file holding a committed sample PDF (the file itself, or a temporary copy when in a jar). */
    public static Path path(String file) {
        return FILES.computeIfAbsent(known(file), SamplePdfGenerator::materialize);
    }

    /** The signing time the samples use for an entity's signature: its certificate's notBefore plus one day. */
    public static Instant defaultSigningTime(String entity) {
        return SamplePki.certificate(entity).getNotBefore().toInstant().plus(Duration.ofDays(1));
    }

    /** The unsigned sample document, issued in the name of {@code agencyCode} (a code of the sample PKI). */
    public static SamplePdf document(String agencyCode) {
        String agency = SamplePki.AGENCIES.getOrDefault(agencyCode, agencyCode);
        return new SamplePdf("Quyet dinh mau 12/QD-MAU (chi de thu nghiem)", List.of(
                "CONG HOA XA HOI CHU NGHIA VIET NAM",
                "Doc lap - Tu do - Hanh phuc",
                "",
                agency.toUpperCase(java.util.Locale.ROOT),
                "So: 12/QD-MAU",
                "",
                "QUYET DINH",
                "Ve viec cap kinh phi to chuc hoi nghi (VAN BAN MAU)",
                "",
                "Dieu 1. Cap kinh phi " + AMOUNT + " dong cho Van phong de to chuc hoi nghi.",
                "Dieu 2. Quyet dinh nay co hieu luc ke tu ngay ky.",
                "",
                "VAN BAN MAU - CHI DE THU NGHIEM - KHONG CO GIA TRI PHAP LY"));
    }

    /** An unsigned one-page PDF of {@code lines} (Vietnamese allowed), from the top of the page down. */
    public static SamplePdf text(List<String> lines) {
        return new SamplePdf("Van ban mau (chi de thu nghiem)", lines);
    }

    /**
     * A Vietnamese công văn of 000.00.00.D41 (mẫu), with {@code mark} (or none) on its own line under the số, ký
     * hiệu, then {@code body}.
     */
    static SamplePdf congVan(String number, String mark, List<String> body) {
        List<String> lines = new ArrayList<>(List.of(
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "",
                "VĂN PHÒNG TỈNH ỦY NGHỆ AN (MẪU)",
                "Số: " + number));
        if (mark != null) {
            lines.add(mark);
        }
        lines.add("");
        lines.add("CÔNG VĂN");
        lines.addAll(body);
        lines.add("");
        lines.add("VĂN BẢN MẪU - CHỈ ĐỂ THỬ NGHIỆM - KHÔNG CÓ GIÁ TRỊ PHÁP LÝ");
        return new SamplePdf("Cong van mau " + number + " (chi de thu nghiem)", lines);
    }

    private static String known(String file) {
        if (!files().contains(file)) {
            throw new IllegalArgumentException("unknown sample PDF: " + file + " (known: " + files() + ")");
        }
        return file;
    }

    private static Path materialize(String file) {
        URL url = SamplePdfGenerator.class.getResource(RESOURCE_DIR + file);
        if (url == null) {
            throw new IllegalArgumentException("sample PDF not on the classpath: " + RESOURCE_DIR + file);
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Paths.get(url.toURI());
            }
            Path dir = Files.createTempDirectory("lienthong-sample-pdf-");
            dir.toFile().deleteOnExit();
            Path copy = dir.resolve(file);
            try (InputStream in = url.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            copy.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy sample PDF " + file, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A one-page PDF built revision by revision: created unsigned, then {@link #sign} appends a signature,
     * {@link #alterAmount} appends a change of the page content. Not thread-safe.
     */
    public static final class SamplePdf {
        /** Object numbers of the first revision, for {@link #update}. */
        public static final int CATALOG = 1;
        public static final int PAGES = 2;
        public static final int PAGE = 3;
        public static final int FONT = 4;
        public static final int FONT_BOLD = 5;
        public static final int CONTENT = 6;
        public static final int INFO = 7;

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final List<String> lines;
        /** The codes 128.. given to the non-ASCII letters of the text (Vietnamese), in order of first use. */
        private final Map<Character, Integer> codes = new LinkedHashMap<>();
        private final String id;
        private final List<Integer> widgets = new ArrayList<>();
        private int size;
        private long lastXref = -1;

        SamplePdf(String title, List<String> lines) {
            this.lines = List.copyOf(lines);
            for (String line : this.lines) {
                for (char c : line.toCharArray()) {
                    if (c > 0x7E && !codes.containsKey(c)) {
                        if (codes.size() == 128) {
                            throw new IllegalArgumentException("more than 128 distinct non-ASCII letters");
                        }
                        codes.put(c, 128 + codes.size());
                    }
                }
            }
            this.id = HexFormat.of().formatHex(sha256(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
                    0, 16).toUpperCase(java.util.Locale.ROOT);
            ascii("%PDF-1.7\n");
            out.writeBytes(new byte[] {'%', (byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, '\n'});
            Map<Integer, String> objects = new TreeMap<>();
            objects.put(CATALOG, catalog());
            objects.put(PAGES, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
            objects.put(PAGE, page());
            objects.put(FONT, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding " + encoding() + " >>");
            objects.put(FONT_BOLD,
                    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding " + encoding() + " >>");
            objects.put(CONTENT, contentStream(this.lines));
            objects.put(INFO, "<< /Title " + literal(title) + " /Producer (Lien thong SamplePdfGenerator)"
                    + " /Creator (Lien thong gateway - certs-sample) >>");
            size = INFO + 1;
            revision(objects, null);
        }

        /** The bytes written so far (every revision). */
        public byte[] bytes() {
            return out.toByteArray();
        }

        /** Appends a signature by {@code entity} (a name of {@link SamplePki}) at its default signing time. */
        public SamplePdf sign(String entity) throws GeneralSecurityException {
            return sign(entity, defaultSigningTime(entity));
        }

        /** Appends a signature by {@code entity} claiming {@code signingTime} (in signingTime and /M). */
        public SamplePdf sign(String entity, Instant signingTime) throws GeneralSecurityException {
            X509Certificate certificate = SamplePki.certificate(entity);
            PrivateKey key = SamplePki.privateKey(entity);
            int widget = size;
            int signature = size + 1;
            size += 2;
            widgets.add(widget);
            String commonName = SamplePki.AGENCIES.getOrDefault(SamplePki.agencyCode(entity).orElse(""), entity);

            Map<Integer, String> objects = new TreeMap<>();
            objects.put(CATALOG, catalog());
            objects.put(PAGE, page());
            objects.put(widget, "<< /Type /Annot /Subtype /Widget /FT /Sig /T (Chu ky so " + widgets.size()
                    + ") /F 132 /Rect [0 0 0 0] /P 3 0 R /V " + signature + " 0 R >>");
            String byteRangePlaceholder = "/ByteRange [" + " ".repeat(BYTE_RANGE_WIDTH) + "]";
            objects.put(signature, "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached "
                    + byteRangePlaceholder + " /Contents <" + "0".repeat(CONTENTS_BYTES * 2) + ">"
                    + " /M " + literal(pdfDate(signingTime)) + " /Name " + literal(commonName)
                    + " /Reason (Phat hanh van ban mau) /Location (Nghe An, Viet Nam) >>");
            Map<Integer, Long> offsets = revision(objects, lastXref);

            byte[] pdf = out.toByteArray();
            long objectStart = offsets.get(signature);
            int byteRangeAt = indexOf(pdf, byteRangePlaceholder.getBytes(StandardCharsets.US_ASCII), objectStart);
            int gapStart = indexOf(pdf, "/Contents <".getBytes(StandardCharsets.US_ASCII), objectStart)
                    + "/Contents ".length();
            int gapEnd = gapStart + CONTENTS_BYTES * 2 + 2;
            String range = String.format(java.util.Locale.ROOT, "0 %d %d %d", gapStart, gapEnd, pdf.length - gapEnd);
            byte[] rangeText = ("/ByteRange [" + range + " ".repeat(BYTE_RANGE_WIDTH - range.length()) + "]")
                    .getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(rangeText, 0, pdf, byteRangeAt, rangeText.length);

            byte[] signed = new byte[pdf.length - (gapEnd - gapStart)];
            System.arraycopy(pdf, 0, signed, 0, gapStart);
            System.arraycopy(pdf, gapEnd, signed, gapStart, pdf.length - gapEnd);
            byte[] cms = cms(signed, certificate, key, signingTime);
            if (cms.length > CONTENTS_BYTES) {
                throw new IllegalStateException("CMS of " + cms.length + " bytes does not fit " + CONTENTS_BYTES);
            }
            byte[] hex = HexFormat.of().formatHex(cms).toUpperCase(java.util.Locale.ROOT)
                    .getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(hex, 0, pdf, gapStart + 1, hex.length);
            out.reset();
            out.writeBytes(pdf);
            return this;
        }

        /** Appends an update that redefines the page content: the amount becomes {@link #ALTERED_AMOUNT}. */
        public SamplePdf alterAmount() {
            List<String> altered = new ArrayList<>();
            for (String line : lines) {
                altered.add(line.replace(AMOUNT, ALTERED_AMOUNT));
            }
            Map<Integer, String> objects = new TreeMap<>();
            objects.put(CONTENT, contentStream(altered));
            revision(objects, lastXref);
            return this;
        }

        /**
         * Appends an incremental update that (re)defines objects: number to the text between {@code obj} and
         * {@code endobj}. New numbers must follow the highest one used ({@link #nextObjectNumber()}); for tests
         * that need a change of their own after signing.
         */
        public SamplePdf update(Map<Integer, String> objects) {
            Map<Integer, String> sorted = new TreeMap<>(objects);
            for (int number : sorted.keySet()) {
                if (number < 1 || number > size) {
                    throw new IllegalArgumentException("object " + number + " is neither defined nor next");
                }
                if (number == size) {
                    size++;
                }
            }
            revision(sorted, lastXref);
            return this;
        }

        /** The number the next new object gets. */
        public int nextObjectNumber() {
            return size;
        }

        /** The page dictionary as the latest revision defines it (with its /Annots once signed). */
        public String pageDictionary() {
            return page();
        }

        private String catalog() {
            if (widgets.isEmpty()) {
                return "<< /Type /Catalog /Pages 2 0 R >>";
            }
            return "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [" + references() + "] /SigFlags 3 >> >>";
        }

        private String page() {
            String annotations = widgets.isEmpty() ? "" : " /Annots [" + references() + "]";
            return "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R"
                    + " /F2 5 0 R >> >> /Contents 6 0 R" + annotations + " >>";
        }

        private String references() {
            StringBuilder references = new StringBuilder();
            for (int widget : widgets) {
                references.append(references.length() == 0 ? "" : " ").append(widget).append(" 0 R");
            }
            return references.toString();
        }

        /**
         * WinAnsi, and for a text with Vietnamese letters the codes 128.. renamed to those letters ({@code uniXXXX}
         * glyph names, which text extraction maps back to Unicode), with their widths.
         */
        private String encoding() {
            if (codes.isEmpty()) {
                return "/WinAnsiEncoding";
            }
            StringBuilder names = new StringBuilder();
            StringBuilder widths = new StringBuilder();
            for (char c : codes.keySet()) {
                names.append(String.format(java.util.Locale.ROOT, " /uni%04X", (int) c));
                widths.append(Character.isUpperCase(c) ? " 722" : " 556");
            }
            return "<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [128" + names + "] >>"
                    + " /FirstChar 128 /LastChar " + (127 + codes.size()) + " /Widths [" + widths.toString().strip() + "]";
        }

        private String contentStream(List<String> lines) {
            StringBuilder text = new StringBuilder("BT\n");
            float y = 780;
            for (String line : lines) {
                boolean heading = line.equals(line.toUpperCase(java.util.Locale.ROOT)) && !line.isBlank();
                text.append(heading ? "/F2 12 Tf\n" : "/F1 11 Tf\n")
                        .append("1 0 0 1 60 ").append(y).append(" Tm\n")
                        .append(encoded(line)).append(" Tj\n");
                y -= line.isEmpty() ? 12 : 20;
            }
            text.append("ET\n");
            byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
            return "<< /Length " + bytes.length + " >>\nstream\n" + text + "endstream";
        }

        /** A literal string of {@code line} in the fonts' encoding. */
        private String encoded(String line) {
            StringBuilder literal = new StringBuilder("(");
            for (char c : line.toCharArray()) {
                Integer code = codes.get(c);
                if (code != null) {
                    literal.append(String.format(java.util.Locale.ROOT, "\\%03o", code));
                } else {
                    String one = literal(String.valueOf(c));
                    literal.append(one, 1, one.length() - 1);
                }
            }
            return literal.append(')').toString();
        }

        /** Writes the objects, an xref section for them and a trailer; returns the objects' offsets. */
        private Map<Integer, Long> revision(Map<Integer, String> objects, Long previous) {
            Map<Integer, Long> offsets = new TreeMap<>();
            for (Map.Entry<Integer, String> object : objects.entrySet()) {
                offsets.put(object.getKey(), (long) out.size());
                ascii(object.getKey() + " 0 obj\n" + object.getValue() + "\nendobj\n");
            }
            long xref = out.size();
            StringBuilder section = new StringBuilder("xref\n0 1\n0000000000 65535 f \n");
            List<Integer> numbers = new ArrayList<>(offsets.keySet());
            for (int i = 0; i < numbers.size(); ) {
                int j = i;
                while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
                    j++;
                }
                section.append(numbers.get(i)).append(' ').append(j - i + 1).append('\n');
                for (int k = i; k <= j; k++) {
                    section.append(String.format(java.util.Locale.ROOT, "%010d 00000 n \n",
                            offsets.get(numbers.get(k))));
                }
                i = j + 1;
            }
            section.append("trailer\n<< /Size ").append(size).append(" /Root 1 0 R /Info 7 0 R");
            if (previous != null) {
                section.append(" /Prev ").append(previous);
            }
            section.append(" /ID [<").append(id).append("> <").append(id).append(">] >>\nstartxref\n")
                    .append(xref).append("\n%%EOF\n");
            ascii(section.toString());
            lastXref = xref;
            return offsets;
        }

        private void ascii(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static byte[] cms(byte[] signed, X509Certificate certificate, PrivateKey key, Instant signingTime)
            throws GeneralSecurityException {
        try {
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(
                            new AttributeTable(attributes)))
                    .build(new JcaContentSignerBuilder(signatureAlgorithm(key)).build(key), certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate, SamplePki.agencyCa())));
            CMSSignedData data = generator.generate(new CMSProcessableByteArray(signed), false);
            return data.getEncoded("DER");
        } catch (OperatorCreationException | CMSException e) {
            throw new GeneralSecurityException("cannot sign the sample PDF", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String signatureAlgorithm(PrivateKey key) {
        return "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    /** A PDF date in Vietnam's time zone: {@code D:20261121094047+07'00'}. */
    private static String pdfDate(Instant instant) {
        String text = DateTimeFormatter.ofPattern("'D:'yyyyMMddHHmmssXXX").withZone(VIETNAM).format(instant);
        return text.substring(0, text.length() - 3) + "'" + text.substring(text.length() - 2) + "'";
    }

    private static String literal(String text) {
        StringBuilder literal = new StringBuilder("(");
        for (char c : text.toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') {
                literal.append('\\');
            }
            if (c > 0x7E) {
                throw new IllegalArgumentException("sample PDF text must be ASCII: " + text);
            }
            literal.append(c);
        }
        return literal.append(')').toString();
    }

    private static int indexOf(byte[] data, byte[] pattern, long from) {
        outer:
        for (int i = (int) from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("placeholder not found");
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
