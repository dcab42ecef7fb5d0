package vn.lienthong.certs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committed sample PKI, read from the classpath ({@code /vn/lienthong/certs/sample/}).
 *
 * <p>For tests and the embedded default run only: the private keys are public, in this repository. Names of the
 * entities: {@link #GATEWAY}, {@link #GATEWAY_RSA}, {@link #GATEWAY_TLS}, each code of {@link #AGENCY_CODES},
 * {@link #REVOKED}, {@link #EXPIRED}, and the two CAs {@link #ROOT_CA} and {@link #AGENCY_CA}.
 *
 * <p>Files per entity {@code <name>}: {@code <name>.p12} (alias {@code <name>}, password {@link #PASSWORD}, key and
 * full chain), {@code <name>.cert.pem}, {@code <name>.key.pem} (unencrypted PKCS#8), {@code <name>.chain.pem}
 * (certificate, agency CA, root). Thread-safe; everything is loaded lazily and cached.
 */
public final class SamplePki {

    /** The password of every keystore in the set (and of every key inside). */
    public static final String PASSWORD = "lienthong-sample";

    public static final String ROOT_CA = "root-ca";
    public static final String AGENCY_CA = "agency-ca";
    /** The gateway's ECDSA P-256 key: signs evidence (CMS). */
    public static final String GATEWAY = "gateway";
    /** The gateway's RSA-2048 key. */
    public static final String GATEWAY_RSA = "gateway-rsa";
    /** The gateway's HTTPS server certificate: RSA-2048, SAN DNS:localhost and IP:127.0.0.1. */
    public static final String GATEWAY_TLS = "gateway-tls";
    /** An agency certificate for 000.00.00.H41 that the agency CA's CRL lists as revoked. */
    public static final String REVOKED = "revoked-000.00.00.H41";
    /** An agency certificate for 000.00.05.H41 whose notAfter is in the past. */
    public static final String EXPIRED = "expired-000.00.05.H41";

    /** The sample agencies: code (mã định danh) to the common name in its certificate. */
    public static final Map<String, String> AGENCIES = Collections.unmodifiableMap(agencies());
    /** The codes of the sample agencies; each is also the name of that agency's (good) certificate. */
    public static final List<String> AGENCY_CODES = List.copyOf(AGENCIES.keySet());

    /** The agency CA then the root, PEM: for {@code xmlsec1 --trusted-pem}, {@code openssl -CAfile}. */
    public static final String CA_BUNDLE = "ca-bundle.pem";
    /** A PKCS#12 trust store holding the root and the agency CA as trusted entries. */
    public static final String TRUSTSTORE = "truststore.p12";
    /** The list of every file in the set, one per line. */
    public static final String INDEX = "files.txt";

    private static final String RESOURCE_DIR = "/vn/lienthong/certs/sample/";

    /** The agency each agency-bound entity's certificate is issued to (see {@link #agencyCode(String)}). */
    private static final Map<String, String> ENTITY_AGENCY = entityAgencies();

    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Path> FILES = new ConcurrentHashMap<>();

    private SamplePki() {
    }

    private static Map<String, String> agencies() {
        Map<String, String> agencies = new LinkedHashMap<>();
        agencies.put("000.00.00.D41", "Van phong Tinh uy Nghe An (mau)");
        agencies.put("000.00.01.D41", "Ban Tuyen giao Tinh uy Nghe An (mau)");
        agencies.put("000.00.00.H41", "UBND tinh Nghe An (mau)");
        agencies.put("000.00.05.H41", "So Noi vu tinh Nghe An (mau)");
        agencies.put("000.00.00.G22", "Van phong Chinh phu (mau)");
        return agencies;
    }

    private static Map<String, String> entityAgencies() {
        Map<String, String> codes = new HashMap<>();
        AGENCY_CODES.forEach(code -> codes.put(code, code));
        codes.put(REVOKED, "000.00.00.H41");
        codes.put(EXPIRED, "000.00.05.H41");
        return Map.copyOf(codes);
    }

    /** Every entity that has a key: the two CAs, the gateway's three, the agencies, the revoked and the expired. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of(ROOT_CA, AGENCY_CA, GATEWAY, GATEWAY_RSA, GATEWAY_TLS));
        names.addAll(AGENCY_CODES);
        names.add(REVOKED);
        names.add(EXPIRED);
        return List.copyOf(names);
    }

    public static X509Certificate rootCa() {
        return certificate(ROOT_CA);
    }

    public static X509Certificate agencyCa() {
        return certificate(AGENCY_CA);
    }

    /** The trust anchors of the set: the root and the agency CA. */
    public static List<X509Certificate> caCertificates() {
        return List.of(rootCa(), agencyCa());
    }

    public static X509Certificate certificate(String name) {
        return chain(name).get(0);
    }

    /** The entity's certificate, then the agency CA, then the root (just the root for {@link #ROOT_CA}). */
    @SuppressWarnings("unchecked")
    public static List<X509Certificate> chain(String name) {
        return (List<X509Certificate>) CACHE.computeIfAbsent("chain:" + known(name), key -> {
            try {
                Certificate[] chain = keyStore(name).getCertificateChain(name);
                List<X509Certificate> certificates = new ArrayList<>();
                for (Certificate certificate : chain) {
                    certificates.add((X509Certificate) certificate);
                }
                return List.copyOf(certificates);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("sample chain " + name + " unreadable", e);
            }
        });
    }

    public static PrivateKey privateKey(String name) {
        return (PrivateKey) CACHE.computeIfAbsent("key:" + known(name), key -> {
            try {
                return keyStore(name).getKey(name, PASSWORD.toCharArray());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("sample key " + name + " unreadable", e);
            }
        });
    }

    /** A fresh KeyStore (PKCS#12) loaded from {@code <name>.p12}: one key entry, alias {@code name}. */
    public static KeyStore keyStore(String name) {
        return loadKeyStore(known(name) + ".p12");
    }

    /** A fresh PKCS#12 trust store with the root and the agency CA as trusted certificate entries. */
    public static KeyStore trustStore() {
        return loadKeyStore(TRUSTSTORE);
    }

    /** The agency CA's CRL: lists {@link #REVOKED}. */
    public static X509CRL crl() {
        return loadCrl(AGENCY_CA + ".crl.der");
    }

    /** The root's CRL: empty (the agency CA is not revoked). */
    public static X509CRL rootCrl() {
        return loadCrl(ROOT_CA + ".crl.der");
    }

    /** A real file holding {@code <name>.cert.pem}, for command-line tools. */
    public static Path pemPath(String name) {
        return resource(known(name) + ".cert.pem");
    }

    /** A real file holding {@code <name>.key.pem} (unencrypted PKCS#8). */
    public static Path keyPemPath(String name) {
        return resource(known(name) + ".key.pem");
    }

    /** A real file holding {@code <name>.chain.pem}. */
    public static Path chainPemPath(String name) {
        return resource(known(name) + ".chain.pem");
    }

    /** A real file holding the agency CA and the root, PEM. */
    public static Path caBundlePath() {
        return resource(CA_BUNDLE);
    }

    /**
     * A real file path for a file of the set: the file itself when the classpath is a directory, otherwise a copy
     * in a temporary directory (made once per JVM and per file).
     */
    public static Path resource(String file) {
        return FILES.computeIfAbsent(file, SamplePki::materialize);
    }

    /** Opens a file of the set from the classpath. */
    public static InputStream open(String file) throws IOException {
        InputStream in = SamplePki.class.getResourceAsStream(RESOURCE_DIR + checkFileName(file));
        if (in == null) {
            throw new IOException("sample PKI file not on the classpath: " + RESOURCE_DIR + file);
        }
        return in;
    }

    /**
     * The agency code (mã định danh) the entity's certificate carries in its subject's {@code organizationIdentifier}
     * (OID 2.5.4.97): its own name for each of {@link #AGENCY_CODES}, the agency's code for {@link #REVOKED} and
     * {@link #EXPIRED}; empty for the gateway's and the CAs'. The generator writes these codes; reading a code from
     * a certificate is {@code trust}'s {@code CertificateIdentity.agencyCode}.
     */
    public static Optional<String> agencyCode(String entity) {
        return Optional.ofNullable(ENTITY_AGENCY.get(known(entity)));
    }

    private static String known(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("unknown sample PKI entity: " + name + " (known: " + names() + ")");
        }
        return name;
    }

    private static String checkFileName(String file) {
        if (file == null || file.isEmpty() || file.contains("/") || file.contains("\\") || file.startsWith(".")) {
            throw new IllegalArgumentException("not a file name of the sample PKI: " + file);
        }
        return file;
    }

    private static KeyStore loadKeyStore(String file) {
        try (InputStream in = open(file)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, PASSWORD.toCharArray());
            return keyStore;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("sample keystore " + file + " unreadable", e);
        }
    }

    private static X509CRL loadCrl(String file) {
        return (X509CRL) CACHE.computeIfAbsent("file:" + file, key -> {
            try (InputStream in = open(file)) {
                return CertificateFactory.getInstance("X.509").generateCRL(in);
            } catch (IOException | CertificateException | CRLException e) {
                throw new IllegalStateException("sample CRL " + file + " unreadable", e);
            }
        });
    }

    private static Path materialize(String file) {
        URL url = SamplePki.class.getResource(RESOURCE_DIR + checkFileName(file));
        if (url == null) {
            throw new IllegalArgumentException("sample PKI file not on the classpath: " + RESOURCE_DIR + file);
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Paths.get(url.toURI());
            }
            Path copy = tempDir().resolve(file);
            try (InputStream in = url.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            copy.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy sample PKI file " + file, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        return (Path) CACHE.computeIfAbsent("tempdir", key -> {
            try {
                Path dir = Files.createTempDirectory("lienthong-sample-pki-");
                dir.toFile().deleteOnExit();
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
