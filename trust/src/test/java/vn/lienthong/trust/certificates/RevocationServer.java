package vn.lienthong.trust.certificates;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A real HTTP server on 127.0.0.1 (JDK HttpServer) that serves CRLs under {@code /crl/<name>} and answers OCSP
 * requests on {@code /ocsp} with a small Bouncy Castle responder.
 */
final class RevocationServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> crls = new ConcurrentHashMap<>();
    /** CertificateStatus.GOOD is null in Bouncy Castle: good serials map to an empty Optional. */
    private final Map<BigInteger, java.util.Optional<CertificateStatus>> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger crlHits = new AtomicInteger();
    private final AtomicInteger ocspHits = new AtomicInteger();
    private volatile Signer ocspSigner = new Signer(TestCa.agencyCaKey(), TestCa.agencyCa().getPublicKey(),
            new X509Certificate[0]);

    /** Who signs OCSP responses: the key, the key the responder ID names, the certificates to include. */
    record Signer(PrivateKey key, PublicKey namedKey, X509Certificate[] certificates) {
    }

    RevocationServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/crl/", this::crl);
        server.createContext("/ocsp", this::ocsp);
        server.start();
    }

    URI crlUri(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/crl/" + name);
    }

    URI ocspUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ocsp");
    }

    void serveCrl(String name, byte[] der) {
        crls.put(name, der);
    }

    void good(BigInteger serial) {
        statuses.put(serial, java.util.Optional.empty());
    }

    void revoked(BigInteger serial, Instant when) {
        statuses.put(serial, java.util.Optional.of(new RevokedStatus(Date.from(when),
                org.bouncycastle.asn1.x509.CRLReason.keyCompromise)));
    }

    void signOcspWith(Signer signer) {
        this.ocspSigner = signer;
    }

    int crlHits() {
        return crlHits.get();
    }

    int ocspHits() {
        return ocspHits.get();
    }

    private void crl(HttpExchange exchange) throws IOException {
        crlHits.incrementAndGet();
        String name = exchange.getRequestURI().getPath().substring("/crl/".length());
        byte[] body = crls.get(name);
        if (body == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        respond(exchange, "application/pkix-crl", body);
    }

    private void ocsp(HttpExchange exchange) throws IOException {
        ocspHits.incrementAndGet();
        try (InputStream in = exchange.getRequestBody()) {
            OCSPReq request = new OCSPReq(in.readAllBytes());
            Signer signer = ocspSigner;
            JcaBasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(signer.namedKey(),
                    new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1));
            Instant now = Instant.now();
            for (Req one : request.getRequestList()) {
                CertificateID id = one.getCertID();
                java.util.Optional<CertificateStatus> known = statuses.get(id.getSerialNumber());
                CertificateStatus status = known == null ? new UnknownStatus() : known.orElse(CertificateStatus.GOOD);
                builder.addResponse(id, status, Date.from(now), Date.from(now.plus(Duration.ofHours(1))), null);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            X509CertificateHolder[] chain = new X509CertificateHolder[signer.certificates().length];
            for (int i = 0; i < chain.length; i++) {
                chain[i] = new JcaX509CertificateHolder(signer.certificates()[i]);
            }
            BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder(TestCa.algorithm(signer.key()))
                    .build(signer.key()), chain, Date.from(now));
            respond(exchange, "application/ocsp-response",
                    new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded());
        } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
