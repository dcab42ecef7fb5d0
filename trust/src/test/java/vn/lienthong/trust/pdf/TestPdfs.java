package vn.lienthong.trust.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.Collection;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.lienthong.certs.SamplePki;
import vn.lienthong.trust.certificates.CertificateValidator;
import vn.lienthong.trust.certificates.RevocationPolicy;

/** Shared by the PDF tests: the sample PKI's check, and signing with PDFBox (another producer than the samples). */
final class TestPdfs {

    private TestPdfs() {
    }

    /** Trust anchors: the sample root and agency CA; CRLs: both of the sample set. */
    static SignerCertificateCheck samplePkiCheck() {
        return check(SamplePki.caCertificates(), List.of(SamplePki.crl(), SamplePki.rootCrl()), RevocationPolicy.REFUSE);
    }

    /**
     * The gateway's check ({@link CertificateValidator}) over these anchors and CRL files only: nothing is
     * fetched (no CRL distribution point, no OCSP), so a missing CRL is a missing answer.
     */
    static SignerCertificateCheck check(Collection<X509Certificate> anchors, Collection<X509CRL> crls,
            RevocationPolicy policy) {
        return new CertificateValidatorSignerCheck(CertificateValidator.builder().trustAnchors(anchors).crls(crls)
                .fetchCrlDistributionPoints(false).ocsp(false).revocationPolicy(policy).build());
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /**
     * Signs {@code in} into {@code out} with PDFBox (incremental update, adbe.pkcs7.detached, invisible), as
     * {@code entity} of the sample PKI; {@code signDate} goes into /M, and into the CMS signingTime attribute
     * only when {@code signingTimeAttribute}.
     */
    static void signWithPdfBox(Path in, Path out, String entity, Instant signDate, boolean signingTimeAttribute)
            throws IOException, GeneralSecurityException {
        X509Certificate certificate = SamplePki.certificate(entity);
        PrivateKey key = SamplePki.privateKey(entity);
        try (PDDocument document = Loader.loadPDF(in.toFile())) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(entity);
            signature.setReason("PDFBox test signature");
            Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
            calendar.setTimeInMillis(signDate.toEpochMilli());
            signature.setSignDate(calendar);
            SignatureOptions options = new SignatureOptions();
            options.setPreferredSignatureSize(12_000);
            document.addSignature(signature, options);
            try (OutputStream output = Files.newOutputStream(out)) {
                ExternalSigningSupport external = document.saveIncrementalForExternalSigning(output);
                external.setSignature(cms(external.getContent(), certificate, key, signDate, signingTimeAttribute));
            }
            options.close();
        }
    }

    private static byte[] cms(InputStream content, X509Certificate certificate, PrivateKey key, Instant signDate,
            boolean signingTimeAttribute) throws GeneralSecurityException, IOException {
        try {
            DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator();
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(parameters -> {
                        var table = defaults.getAttributes(parameters).remove(CMSAttributes.signingTime);
                        if (signingTimeAttribute) {
                            table = table.add(CMSAttributes.signingTime,
                                    new org.bouncycastle.asn1.cms.Time(java.util.Date.from(signDate)));
                        }
                        return table;
                    })
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key), certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate, SamplePki.agencyCa())));
            CMSTypedData data = new CMSTypedData() {
                @Override
                public ASN1ObjectIdentifier getContentType() {
                    return CMSObjectIdentifiers.data;
                }

                @Override
                public void write(OutputStream out) throws IOException {
                    content.transferTo(out);
                }

                /** Not null: Bouncy Castle 1.86 skips write() when getContent() is null (absent content). */
                @Override
                public Object getContent() {
                    return content;
                }
            };
            return generator.generate(data, false).getEncoded("DER");
        } catch (org.bouncycastle.operator.OperatorCreationException | org.bouncycastle.cms.CMSException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
