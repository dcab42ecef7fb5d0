package vn.lienthong.trust.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.certs.SamplePdfGenerator;
import vn.lienthong.certs.SamplePdfGenerator.SamplePdf;
import vn.lienthong.certs.SamplePki;
import vn.lienthong.trust.certificates.RevocationPolicy;

/** The verifier on the committed sample PDFs, on variants built here, and on PDFs signed by PDFBox. */
class PdfSignatureVerifierTest {

    private final PdfSignatureVerifier verifier = new PdfSignatureVerifier(TestPdfs.samplePkiCheck());

    private PdfVerificationReport verify(String sample) throws IOException {
        return verifier.verify(SamplePdfGenerator.path(sample));
    }

    private PdfVerificationReport verify(Path dir, SamplePdf pdf) throws IOException {
        return verifier.verify(TestPdfs.write(dir, "variant.pdf", pdf.bytes()));
    }

    /** A small PDF read from a stream is verified in memory, a file by positional reads: the same verdicts. */
    @Test
    void aPdfInMemoryGetsTheSameReportAsTheSameFile() throws IOException {
        for (String sample : SamplePdfGenerator.files()) {
            PdfVerificationReport fromFile = verify(sample);
            PdfVerificationReport inMemory;
            try (InputStream in = SamplePdfGenerator.open(sample)) {
                inMemory = verifier.verify(in);
            }
            assertThat(inMemory).as(sample).usingRecursiveComparison().isEqualTo(fromFile);
        }
    }

    @Test
    void theGoodSampleIsValidWithItsSignerAndSigningTime() throws IOException {
        PdfVerificationReport report = verify(SamplePdfGenerator.SIGNED);

        assertThat(report.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(report.allValid()).isTrue();
        assertThat(report.size()).isEqualTo(Files.size(SamplePdfGenerator.path(SamplePdfGenerator.SIGNED)));
        assertThat(report.sha256()).hasSize(64);
        assertThat(report.vi()).startsWith("Chữ ký số hợp lệ: Van phong Tinh uy Nghe An (mau) [000.00.00.D41]");
        PdfSignatureResult signature = report.signatures().get(0);
        assertThat(report.signatures()).hasSize(1);
        assertThat(signature.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(signature.problems()).isEmpty();
        assertThat(signature.signer().organizationIdentifier()).isEqualTo("000.00.00.D41");
        assertThat(signature.signer().commonName()).isEqualTo("Van phong Tinh uy Nghe An (mau)");
        assertThat(signature.signer().subject()).contains("organizationIdentifier=000.00.00.D41");
        assertThat(signature.signer().sha256()).isNotBlank();
        assertThat(signature.signingTime()).isEqualTo(SamplePdfGenerator.defaultSigningTime("000.00.00.D41"));
        assertThat(signature.signingTimeSource()).isEqualTo(SigningTimeSource.SIGNED_ATTRIBUTE);
        assertThat(signature.coverage()).isEqualTo(Coverage.WHOLE_DOCUMENT);
        assertThat(signature.signedRevisionLength()).isEqualTo(report.size());
        assertThat(signature.subFilter()).isEqualTo("adbe.pkcs7.detached");
        assertThat(signature.digestAlgorithm()).isEqualTo("SHA256");
        assertThat(signature.fieldName()).isEqualTo("Chu ky so 1");
        assertThat(signature.name()).isEqualTo("Van phong Tinh uy Nghe An (mau)");
        assertThat(signature.certificateCheck().path()).containsExactly(
                SamplePki.certificate("000.00.00.D41"), SamplePki.agencyCa());
        assertThat(signature.messageVi()).isEqualTo("Chữ ký số hợp lệ");
    }

    @Test
    void withOnlyTheRootTrustedTheChainRunsThroughTheAgencyCaAndBothCrls() throws IOException {
        PdfSignatureVerifier rootOnly = new PdfSignatureVerifier(TestPdfs.check(
                List.of(SamplePki.rootCa()), List.of(SamplePki.crl(), SamplePki.rootCrl()), RevocationPolicy.REFUSE));
        PdfSignatureResult signature = rootOnly.verify(SamplePdfGenerator.path(SamplePdfGenerator.SIGNED))
                .signatures().get(0);
        assertThat(signature.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(signature.certificateCheck().path()).containsExactly(
                SamplePki.certificate("000.00.00.D41"), SamplePki.agencyCa(), SamplePki.rootCa());

        PdfSignatureVerifier noRootCrl = new PdfSignatureVerifier(TestPdfs.check(
                List.of(SamplePki.rootCa()), List.of(SamplePki.crl()), RevocationPolicy.REFUSE));
        PdfSignatureResult unknown = noRootCrl.verify(SamplePdfGenerator.path(SamplePdfGenerator.SIGNED))
                .signatures().get(0);
        assertThat(unknown.status()).isEqualTo(SignatureStatus.REVOCATION_UNKNOWN);
        assertThat(unknown.problems().get(0).en()).contains("CA CN=Lien thong Sample Agency CA")
                .contains("no local CRL of the issuer");
    }

    @Test
    void theRevokedSignerIsRevoked() throws IOException {
        PdfVerificationReport report = verify(SamplePdfGenerator.SIGNED_BY_REVOKED);

        assertThat(report.status()).isEqualTo(SignatureStatus.REVOKED);
        PdfSignatureResult signature = report.signatures().get(0);
        assertThat(signature.status()).isEqualTo(SignatureStatus.REVOKED);
        assertThat(signature.coverage()).isEqualTo(Coverage.WHOLE_DOCUMENT);
        assertThat(signature.signer().organizationIdentifier()).isEqualTo("000.00.00.H41");
        assertThat(signature.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.vi()).contains("đã bị thu hồi").contains("lộ khóa bí mật");
            assertThat(problem.en()).contains("was revoked").contains("KEY_COMPROMISE");
        });
        assertThat(signature.messageVi()).startsWith("Chứng thư số của người ký đã bị thu hồi: ");
        assertThat(report.vi()).startsWith("Chữ ký số thứ 1 (UBND tinh Nghe An (mau - da thu hoi) [000.00.00.H41])");
    }

    @Test
    void aDocumentChangedAfterSigningIsNotCovered() throws IOException {
        PdfVerificationReport report = verify(SamplePdfGenerator.ALTERED);

        assertThat(report.status()).isEqualTo(SignatureStatus.NOT_COVERING);
        PdfSignatureResult signature = report.signatures().get(0);
        assertThat(signature.coverage()).isEqualTo(Coverage.MODIFIED_AFTER);
        assertThat(signature.signedRevisionLength()).isLessThan(report.size());
        assertThat(signature.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.status()).isEqualTo(SignatureStatus.NOT_COVERING);
            assertThat(problem.en()).contains("the content of page 1 was changed");
            assertThat(problem.vi()).contains("nội dung trang 1 bị thay đổi");
        });
        // the signed revision itself is intact and its signer known: the clerk sees who signed what was changed
        assertThat(signature.signer().organizationIdentifier()).isEqualTo("000.00.00.D41");
        assertThat(signature.certificateCheck().isOk()).isTrue();
        assertThat(signature.messageVi()).startsWith("Phần được ký không bao trùm toàn bộ văn bản");
    }

    @Test
    void theUnsignedSampleHasNoSignature() throws IOException {
        PdfVerificationReport report = verify(SamplePdfGenerator.UNSIGNED);
        assertThat(report.status()).isEqualTo(SignatureStatus.NO_SIGNATURE);
        assertThat(report.signatures()).isEmpty();
        assertThat(report.vi()).isEqualTo("Tệp PDF không có chữ ký số");
    }

    @Test
    void aDocumentSignedByTwoAgenciesIsValidAndTheFirstSignatureCoversItsRevision() throws IOException {
        PdfVerificationReport report = verify(SamplePdfGenerator.SIGNED_TWICE);

        assertThat(report.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(report.signatures()).extracting(s -> s.signer().organizationIdentifier())
                .containsExactly("000.00.00.D41", "000.00.00.H41");
        PdfSignatureResult first = report.signatures().get(0);
        PdfSignatureResult second = report.signatures().get(1);
        assertThat(first.coverage()).isEqualTo(Coverage.EARLIER_REVISION);
        assertThat(first.notes()).anySatisfy(note -> assertThat(note.en()).contains("only signed again (1"));
        assertThat(second.coverage()).isEqualTo(Coverage.WHOLE_DOCUMENT);
        assertThat(second.signingTime()).isAfter(first.signingTime());
        assertThat(report.vi()).startsWith("Cả 2 chữ ký số đều hợp lệ");
    }

    @Test
    void aChangeAfterTwoSignaturesBreaksBoth(@TempDir Path dir) throws Exception {
        PdfVerificationReport report = verify(dir, SamplePdfGenerator.document("000.00.00.D41")
                .sign("000.00.00.D41").sign("000.00.00.H41").alterAmount());
        assertThat(report.signatures()).extracting(PdfSignatureResult::status)
                .containsExactly(SignatureStatus.NOT_COVERING, SignatureStatus.NOT_COVERING);
    }

    @Test
    void aByteChangedInsideTheSignedRangeBreaksIntegrity(@TempDir Path dir) throws IOException {
        byte[] pdf = Files.readAllBytes(SamplePdfGenerator.path(SamplePdfGenerator.SIGNED));
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(SamplePdfGenerator.AMOUNT);
        pdf[at] = '7'; // 1.000.000 becomes 7.000.000, same length, inside the first signed range

        PdfVerificationReport report = verifier.verify(TestPdfs.write(dir, "tampered.pdf", pdf));
        PdfSignatureResult signature = report.signatures().get(0);
        assertThat(report.status()).isEqualTo(SignatureStatus.INTEGRITY);
        assertThat(signature.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.status()).isEqualTo(SignatureStatus.INTEGRITY);
            assertThat(problem.en()).contains("digest of the signed bytes differs");
        });
        assertThat(signature.certificateCheck()).isNull();
        assertThat(signature.signer().organizationIdentifier()).isEqualTo("000.00.00.D41");
    }

    @Test
    void anExpiredCertificateIsExpiredAtALaterSigningTimeAndAcceptedAtATimeWithinItsValidity(@TempDir Path dir)
            throws Exception {
        PdfSignatureResult late = verify(dir, SamplePdfGenerator.document("000.00.05.H41")
                .sign(SamplePki.EXPIRED, Instant.now().minus(Duration.ofMinutes(5)))).signatures().get(0);
        assertThat(late.status()).isEqualTo(SignatureStatus.EXPIRED);
        assertThat(late.problems().get(0).en()).contains("the certificate expired on");

        Instant whileValid = SamplePki.certificate(SamplePki.EXPIRED).getNotBefore().toInstant()
                .plus(Duration.ofDays(30));
        PdfSignatureResult early = verify(dir, SamplePdfGenerator.document("000.00.05.H41")
                .sign(SamplePki.EXPIRED, whileValid)).signatures().get(0);
        assertThat(early.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(early.notes()).anySatisfy(note -> assertThat(note.en()).contains("no timestamp"));
    }

    @Test
    void anEcdsaSignatureVerifiesAndACertificateWithoutAgencyCodeHasNone(@TempDir Path dir) throws Exception {
        PdfSignatureResult signature = verify(dir, SamplePdfGenerator.document("000.00.00.D41")
                .sign(SamplePki.GATEWAY)).signatures().get(0);
        assertThat(signature.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(signature.signer().organizationIdentifier()).isNull();
        assertThat(signature.signer().displayName()).isEqualTo("Lien thong Sample Gateway");
    }

    @Test
    void aSignerOutsideTheTrustAnchorsIsUntrusted() throws IOException {
        PdfSignatureVerifier otherAnchor = new PdfSignatureVerifier(TestPdfs.check(
                List.of(SamplePki.certificate(SamplePki.GATEWAY_TLS)), List.of(), RevocationPolicy.REFUSE));
        PdfSignatureResult signature = otherAnchor.verify(SamplePdfGenerator.path(SamplePdfGenerator.SIGNED))
                .signatures().get(0);
        assertThat(signature.status()).isEqualTo(SignatureStatus.UNTRUSTED);
        assertThat(signature.problems().get(0).vi()).contains("không xác lập được chuỗi chứng thực");
    }

    @Test
    void missingCrlsGiveRevocationUnknownWhateverThePolicy() throws IOException {
        Path signed = SamplePdfGenerator.path(SamplePdfGenerator.SIGNED);
        assertThat(new PdfSignatureVerifier(TestPdfs.check(SamplePki.caCertificates(), List.of(),
                RevocationPolicy.REFUSE))
                .verify(signed).status()).isEqualTo(SignatureStatus.REVOCATION_UNKNOWN);
        // ALLOW lets the validator accept the certificate, but a PDF signer without a revocation answer is never
        // shown as valid (issue 10 point 7)
        assertThat(new PdfSignatureVerifier(TestPdfs.check(SamplePki.caCertificates(), List.of(),
                RevocationPolicy.ALLOW)).verify(signed).status()).isEqualTo(SignatureStatus.REVOCATION_UNKNOWN);
    }

    @Test
    void aMetadataOnlyUpdateAfterSigningKeepsTheSignatureValid(@TempDir Path dir) throws Exception {
        PdfVerificationReport report = verify(dir, SamplePdfGenerator.document("000.00.00.D41").sign("000.00.00.D41")
                .update(Map.of(SamplePdf.INFO, "<< /Title (Quyet dinh mau) /ModDate (D:20261122080000+07'00') >>")));
        PdfSignatureResult signature = report.signatures().get(0);
        assertThat(signature.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(signature.coverage()).isEqualTo(Coverage.EARLIER_REVISION);
        assertThat(signature.notes()).anySatisfy(note -> assertThat(note.en()).contains("metadata was updated"));
    }

    @Test
    void bytesAppendedAfterTheSignatureAreAChangeUnlessTheyAreAFewBlanks(@TempDir Path dir) throws IOException {
        byte[] pdf = Files.readAllBytes(SamplePdfGenerator.path(SamplePdfGenerator.SIGNED));
        byte[] blanks = java.util.Arrays.copyOf(pdf, pdf.length + 2);
        blanks[pdf.length] = '\r';
        blanks[pdf.length + 1] = '\n';
        PdfSignatureResult tolerated = verifier.verify(TestPdfs.write(dir, "blanks.pdf", blanks)).signatures().get(0);
        assertThat(tolerated.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(tolerated.coverage()).isEqualTo(Coverage.WHOLE_DOCUMENT);
        assertThat(tolerated.notes()).anySatisfy(note -> assertThat(note.en()).contains("2 bytes of whitespace"));

        byte[] payload = "\n% hidden payload, not a revision\n".repeat(10).getBytes(StandardCharsets.US_ASCII);
        byte[] appended = java.util.Arrays.copyOf(pdf, pdf.length + payload.length);
        System.arraycopy(payload, 0, appended, pdf.length, payload.length);
        PdfSignatureResult refused = verifier.verify(TestPdfs.write(dir, "appended.pdf", appended))
                .signatures().get(0);
        assertThat(refused.status()).isEqualTo(SignatureStatus.NOT_COVERING);
        assertThat(refused.problems().get(0).en()).contains("data that is not a PDF revision was appended");
    }

    @Test
    void anAnnotationAddedAfterSigningIsAChange(@TempDir Path dir) throws Exception {
        SamplePdf pdf = SamplePdfGenerator.document("000.00.00.D41").sign("000.00.00.D41");
        int note = pdf.nextObjectNumber();
        String page = pdf.pageDictionary().replace("/Annots [", "/Annots [" + note + " 0 R ");
        pdf.update(Map.of(SamplePdf.PAGE, page,
                note, "<< /Type /Annot /Subtype /FreeText /Rect [60 560 400 580] /Contents (Khong dong y)"
                        + " /DA (/Helv 12 Tf 0 g) >>"));
        PdfSignatureResult signature = verify(dir, pdf).signatures().get(0);
        assertThat(signature.status()).isEqualTo(SignatureStatus.NOT_COVERING);
        assertThat(signature.problems().get(0).en()).contains("page 1: an annotation /FreeText (not a signature)");
    }

    @Test
    void signaturesMadeByPdfBoxVerifyToo(@TempDir Path dir) throws Exception {
        Path unsigned = SamplePdfGenerator.path(SamplePdfGenerator.UNSIGNED);
        Path once = dir.resolve("once.pdf");
        Path twice = dir.resolve("twice.pdf");
        Instant first = Instant.parse("2026-11-21T02:00:00Z");
        // no signingTime attribute: the time comes from /M
        TestPdfs.signWithPdfBox(unsigned, once, "000.00.01.D41", first, false);
        TestPdfs.signWithPdfBox(once, twice, "000.00.00.G22", first.plus(Duration.ofHours(2)), true);

        PdfVerificationReport single = verifier.verify(once);
        assertThat(single.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(single.signatures().get(0).signingTimeSource())
                .isEqualTo(SigningTimeSource.PDF_SIGNATURE_DICTIONARY);
        assertThat(single.signatures().get(0).signingTime()).isEqualTo(first);

        PdfVerificationReport both = verifier.verify(twice);
        assertThat(both.status()).as(both.en()).isEqualTo(SignatureStatus.VALID);
        assertThat(both.signatures()).extracting(s -> s.signer().organizationIdentifier())
                .containsExactly("000.00.01.D41", "000.00.00.G22");
        assertThat(both.signatures().get(0).coverage()).isEqualTo(Coverage.EARLIER_REVISION);
        assertThat(both.signatures().get(1).signingTimeSource()).isEqualTo(SigningTimeSource.SIGNED_ATTRIBUTE);
    }

    @Test
    void aStreamIsSpooledAndWhatIsNotAPdfIsUnreadable(@TempDir Path dir) throws IOException {
        PdfSignatureVerifier spooling = new PdfSignatureVerifier(TestPdfs.samplePkiCheck(),
                java.time.Clock.systemUTC(), dir);
        try (InputStream in = SamplePdfGenerator.open(SamplePdfGenerator.SIGNED)) {
            assertThat(spooling.verify(in).status()).isEqualTo(SignatureStatus.VALID);
        }
        PdfVerificationReport notPdf = spooling.verify(new ByteArrayInputStream(
                "<html>not a pdf</html>".getBytes(StandardCharsets.US_ASCII)));
        assertThat(notPdf.status()).isEqualTo(SignatureStatus.UNREADABLE);
        assertThat(notPdf.vi()).startsWith("Không đọc được tệp PDF");
        try (var left = Files.list(dir)) {
            assertThat(left).as("spooled files are deleted").isEmpty();
        }
    }
}
