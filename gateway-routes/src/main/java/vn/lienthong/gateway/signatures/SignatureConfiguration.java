package vn.lienthong.gateway.signatures;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.gateway.payload.PayloadStore;
import vn.lienthong.trust.certificates.CertificateValidator;
import vn.lienthong.trust.pdf.AttachmentSignatureInspector;
import vn.lienthong.trust.pdf.CertificateValidatorSignerCheck;
import vn.lienthong.trust.pdf.PdfSignatureVerifier;
import vn.lienthong.trust.zip.SafeUnzip;

/** PDF signatures are checked with the same certificate rules as packet signatures. */
@Configuration
public class SignatureConfiguration {

    @Bean
    PdfSignatureInspection pdfSignatureInspection(CertificateValidator certificates, PayloadStore payloads)
            throws IOException {
        PdfSignatureVerifier verifier = new PdfSignatureVerifier(new CertificateValidatorSignerCheck(certificates),
                java.time.Clock.systemUTC(), payloads.scratchDir());
        return new PdfSignatureInspection(new AttachmentSignatureInspector(verifier, new SafeUnzip()));
    }
}
