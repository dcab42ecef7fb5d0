package vn.lienthong.trust.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.certs.SamplePdfGenerator;

/**
 * The committed sample PDFs are exactly what the generator writes over the committed PKI: if this fails after the
 * PKI was regenerated, regenerate the PDFs (certs-sample/README.md).
 */
class SamplePdfGeneratorTest {

    @Test
    void regeneratingWritesTheCommittedFilesByteForByte(@TempDir Path dir) throws Exception {
        List<String> written = SamplePdfGenerator.generate(dir);

        assertThat(written).containsExactlyElementsOf(SamplePdfGenerator.files());
        for (String file : written) {
            Path committed = SamplePdfGenerator.path(file);
            assertThat(committed).as(file + " is committed").isRegularFile();
            assertThat(Files.readAllBytes(dir.resolve(file))).as(file + " regenerates identically")
                    .isEqualTo(Files.readAllBytes(committed));
        }
    }

    @Test
    void eachSampleGetsTheVerdictItIsNamedFor() throws Exception {
        PdfSignatureVerifier verifier = new PdfSignatureVerifier(TestPdfs.samplePkiCheck());
        assertThat(verifier.verify(SamplePdfGenerator.path(SamplePdfGenerator.SIGNED)).status())
                .isEqualTo(SignatureStatus.VALID);
        assertThat(verifier.verify(SamplePdfGenerator.path(SamplePdfGenerator.SIGNED_BY_REVOKED)).status())
                .isEqualTo(SignatureStatus.REVOKED);
        assertThat(verifier.verify(SamplePdfGenerator.path(SamplePdfGenerator.ALTERED)).status())
                .isEqualTo(SignatureStatus.NOT_COVERING);
        assertThat(verifier.verify(SamplePdfGenerator.path(SamplePdfGenerator.UNSIGNED)).status())
                .isEqualTo(SignatureStatus.NO_SIGNATURE);
        assertThat(verifier.verify(SamplePdfGenerator.path(SamplePdfGenerator.SIGNED_TWICE)).status())
                .isEqualTo(SignatureStatus.VALID);
    }
}
