package vn.lienthong.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vn.lienthong.edxml.EdxmlException;
import vn.lienthong.edxml.dsig.EdxmlSignatureVerifier;
import vn.lienthong.edxml.dsig.EdxmlSigner;
import vn.lienthong.edxml.dsig.SignatureCheck;

/** `edxml sign` and `edxml verify`: XML-DSig over a whole packet. */
final class SignCommands {

    private SignCommands() {
    }

    /** A subject with its attributes named, organizationIdentifier (the agency code) included. */
    static String subject(X509Certificate certificate) {
        return org.bouncycastle.asn1.x500.X500Name.getInstance(org.bouncycastle.asn1.x500.style.BCStyle.INSTANCE,
                certificate.getSubjectX500Principal().getEncoded()).toString();
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = "Ký số gói tin bằng khóa trong tệp PKCS#12 (sign a packet with a PKCS#12 key)")
    static final class Sign implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "gói tin cần ký (the packet)")
        Path file;

        @Option(names = "--keystore", required = true, paramLabel = "P12", description = "tệp PKCS#12 (.p12)")
        Path keystore;

        @Option(names = "--password", required = true, interactive = true, arity = "0..1",
                description = "mật khẩu tệp khóa (keystore password); omit the value to be asked")
        char[] password;

        @Option(names = "--alias", description = "bí danh khóa; mặc định là khóa duy nhất (key alias; default: the only key)")
        String alias;

        @Option(names = "--replace", description = "thay chữ ký số đã có (replace an existing signature)")
        boolean replace;

        @Option(names = "--out", required = true, paramLabel = "OUT", description = "tệp kết quả (output file)")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            EdxmlSigner signer;
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(keystore)) {
                    store.load(in, password);
                }
                String keyAlias = alias != null ? alias : onlyKeyAlias(store);
                signer = EdxmlSigner.fromKeyStore(store, keyAlias, password).withReplaceExistingSignature(replace);
            } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
                err.println("Không mở được khóa ký (cannot open the signing key): " + e.getMessage());
                return LienthongCli.EXIT_IO;
            }
            try {
                signer.sign(file, out);
            } catch (EdxmlException e) {
                err.println(file + ": " + e.error().name() + " " + e.getMessage());
                return LienthongCli.EXIT_INVALID;
            }
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("Đã ký (signed) " + out + " bởi (by) " + subject(signer.certificate()));
            stdout.flush();
            return 0;
        }

        private static String onlyKeyAlias(KeyStore store) throws GeneralSecurityException {
            String found = null;
            for (String name : Collections.list(store.aliases())) {
                if (store.isKeyEntry(name)) {
                    if (found != null) {
                        throw new IllegalArgumentException("tệp có nhiều khóa, hãy chọn --alias (several keys: use --alias)");
                    }
                    found = name;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("tệp không có khóa riêng (no private key in the keystore)");
            }
            return found;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Kiểm tra chữ ký số của gói tin; in người ký (verify a packet's signature; print the signer)")
    static final class Verify implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "gói tin (the packet)")
        Path file;

        @Option(names = "--trust", paramLabel = "PEM",
                description = "chứng thư tin cậy (PEM: trust anchors); without it only the maths are checked")
        Path trust;

        @Option(names = "--allow-sha1", description = "chấp nhận RSA-SHA1 như SDK mặc định (accept the SDK's SHA-1)")
        boolean allowSha1;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            EdxmlSignatureVerifier verifier = EdxmlSignatureVerifier.create().withSha1Allowed(allowSha1);
            if (trust != null) {
                verifier = verifier.withTrustAnchors(trust);
            }
            SignatureCheck check;
            try {
                check = verifier.verify(file);
            } catch (EdxmlException e) {
                spec.commandLine().getErr().println(file + ": " + e.error().name() + " " + e.getMessage());
                return LienthongCli.EXIT_INVALID;
            }
            PrintWriter out = spec.commandLine().getOut();
            switch (check.status()) {
                case VALID -> {
                    X509Certificate signer = check.signer();
                    out.println(file + ": chữ ký hợp lệ (valid signature)");
                    out.println("  người ký (signer): " + subject(signer));
                    out.println("  cấp bởi (issuer): " + org.bouncycastle.asn1.x500.X500Name.getInstance(org.bouncycastle.asn1.x500.style.BCStyle.INSTANCE,
                            signer.getIssuerX500Principal().getEncoded()));
                    out.println("  hiệu lực (valid): " + signer.getNotBefore().toInstant() + " .. "
                            + signer.getNotAfter().toInstant());
                }
                case UNSIGNED -> out.println(file + ": UNSIGNED " + check.reason());
                case INVALID -> out.println(file + ": " + check.failure().name() + " " + check.reason());
            }
            out.flush();
            return check.isValid() ? 0 : LienthongCli.EXIT_INVALID;
        }
    }
}
