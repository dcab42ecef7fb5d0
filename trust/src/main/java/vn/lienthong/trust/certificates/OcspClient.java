package vn.lienthong.trust.certificates;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.CRLReason;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an OCSP responder (RFC 6960) about one certificate, and accepts the answer only when it is signed by the
 * certificate's issuer or by a responder certificate the issuer delegated (issued by it, EKU id-kp-OCSPSigning,
 * valid now), matches the request (certificate ID, nonce when echoed) and is fresh. Good and revoked answers are
 * cached until their nextUpdate, at most {@code cacheFor}.
 */
final class OcspClient {

    private static final Logger LOG = LoggerFactory.getLogger(OcspClient.class);
    private static final HexFormat HEX = HexFormat.of();

    private final BoundedHttp http;
    private final Clock clock;
    private final Duration cacheFor;
    private final Duration maxAgeWithoutNextUpdate;
    private final int maxEntries;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    OcspClient(BoundedHttp http, Clock clock, Duration cacheFor, Duration maxAgeWithoutNextUpdate, int maxEntries) {
        this.http = http;
        this.clock = clock;
        this.cacheFor = cacheFor;
        this.maxAgeWithoutNextUpdate = maxAgeWithoutNextUpdate;
        this.maxEntries = maxEntries;
    }

    private record Cached(RevocationAnswer answer, Instant until) {
    }

    /**
     * The responder's answer about {@code certificate}, or null when it gave none that can be trusted ({@code why}
     * receives the reason; an "unknown" status is no answer either).
     */
    RevocationAnswer check(X509Certificate certificate, X509Certificate issuer, URI responder, StringBuilder why) {
        Instant now = clock.instant();
        CertificateID id;
        String key;
        try {
            id = new CertificateID(Bc.DIGESTS.get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer),
                    certificate.getSerialNumber());
            key = responder + "|" + HEX.formatHex(id.toASN1Primitive().getEncoded());
        } catch (OCSPException | OperatorCreationException | CertificateEncodingException | IOException e) {
            why.append("ocsp:").append(responder).append(": cannot build the request: ").append(e.getMessage());
            return null;
        }
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.answer();
        }
        try {
            Cached answer = ask(issuer, responder, id, now, why);
            if (answer != null) {
                if (cache.size() >= maxEntries) {
                    cache.entrySet().removeIf(e -> !now.isBefore(e.getValue().until()));
                    if (cache.size() >= maxEntries) {
                        cache.clear();
                    }
                }
                cache.put(key, answer);
                return answer.answer();
            }
            return null;
        } catch (IOException | OCSPException | OperatorCreationException | CertificateException | CertException
                | RuntimeException e) {
            LOG.warn("OCSP responder {} gave no usable answer: {}", responder, e.toString());
            why.append("ocsp:").append(responder).append(": ").append(e.getMessage());
            return null;
        }
    }

    /** How many OCSP requests were sent (for tests and metrics). */
    long requestCount() {
        return requests.get();
    }

    private Cached ask(X509Certificate issuer, URI responder, CertificateID id, Instant now, StringBuilder why)
            throws IOException, OCSPException, OperatorCreationException, CertificateException, CertException {
        String source = "ocsp:" + responder;
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        Extension nonceExtension = Extension.create(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                new DEROctetString(nonce));
        OCSPReq request = new OCSPReqBuilder().addRequest(id)
                .setRequestExtensions(new Extensions(nonceExtension)).build();
        requests.incrementAndGet();
        byte[] body = http.post(responder, "application/ocsp-request", "application/ocsp-response",
                request.getEncoded());
        OCSPResp response = new OCSPResp(body);
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
            why.append(source).append(": responder status ").append(response.getStatus());
            return null;
        }
        if (!(response.getResponseObject() instanceof BasicOCSPResp basic)) {
            why.append(source).append(": not a basic OCSP response");
            return null;
        }
        X509Certificate signer = responderCertificate(basic, issuer, now, source, why);
        if (signer == null) {
            return null;
        }
        boolean signatureValid;
        try {
            signatureValid = basic.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .setProvider(Bc.PROVIDER).build(signer.getPublicKey()));
        } catch (OCSPException e) {
            signatureValid = false; // e.g. an algorithm that does not fit the key
        }
        if (!signatureValid) {
            why.append(source).append(": the response signature does not verify with the key of ")
                    .append(CertificateIdentity.subject(signer));
            return null;
        }
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (echoed != null && !Arrays.equals(echoed.getExtnValue().getOctets(),
                nonceExtension.getExtnValue().getOctets())) {
            why.append(source).append(": the response nonce is not the request's (replayed?)");
            return null;
        }
        for (SingleResp single : basic.getResponses()) {
            if (!single.getCertID().equals(id)) {
                continue;
            }
            Instant thisUpdate = single.getThisUpdate().toInstant();
            Date nextUpdate = single.getNextUpdate();
            if (thisUpdate.isAfter(now.plus(CheckedCrl.CLOCK_SKEW))) {
                why.append(source).append(": thisUpdate is in the future");
                return null;
            }
            if (nextUpdate != null ? now.isAfter(nextUpdate.toInstant().plus(CheckedCrl.CLOCK_SKEW))
                    : echoed == null && thisUpdate.isBefore(now.minus(maxAgeWithoutNextUpdate))) {
                why.append(source).append(": the answer is stale");
                return null;
            }
            Instant until = now.plus(cacheFor);
            if (nextUpdate != null && nextUpdate.toInstant().isBefore(until)) {
                until = nextUpdate.toInstant();
            }
            CertificateStatus status = single.getCertStatus();
            if (status == CertificateStatus.GOOD) {
                return new Cached(RevocationAnswer.good(source), until);
            }
            if (status instanceof RevokedStatus revoked) {
                CRLReason reason = revoked.hasRevocationReason() && revoked.getRevocationReason() >= 0
                        && revoked.getRevocationReason() < CRLReason.values().length
                        ? CRLReason.values()[revoked.getRevocationReason()] : CRLReason.UNSPECIFIED;
                return new Cached(RevocationAnswer.revoked(source, revoked.getRevocationTime().toInstant(), reason),
                        until);
            }
            why.append(source).append(": the responder does not know the certificate");
            return null;
        }
        why.append(source).append(": no answer for the certificate asked about");
        return null;
    }

    private static X509Certificate responderCertificate(BasicOCSPResp basic, X509Certificate issuer, Instant now,
            String source, StringBuilder why)
            throws CertificateException, OCSPException, OperatorCreationException, CertException {
        RespID responderId = basic.getResponderId();
        X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
        if (names(responderId, issuerHolder)) {
            return issuer;
        }
        for (X509CertificateHolder candidate : basic.getCerts()) {
            if (!names(responderId, candidate)) {
                continue;
            }
            ExtendedKeyUsage usage = ExtendedKeyUsage.fromExtensions(candidate.getExtensions());
            boolean delegated = candidate.getIssuer().equals(issuerHolder.getSubject())
                    && candidate.isSignatureValid(new JcaContentVerifierProviderBuilder()
                            .setProvider(Bc.PROVIDER).build(issuer.getPublicKey()))
                    && candidate.isValidOn(Date.from(now))
                    && usage != null && usage.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning);
            if (delegated) {
                return new JcaX509CertificateConverter().getCertificate(candidate);
            }
            why.append(source).append(": the responder certificate is not delegated by the issuer");
            return null;
        }
        why.append(source).append(": signed by neither the issuer nor a certificate it delegated");
        return null;
    }

    private static boolean names(RespID responderId, X509CertificateHolder certificate) throws OCSPException,
            OperatorCreationException {
        return responderId.equals(new RespID(certificate.getSubject()))
                || responderId.equals(new RespID(certificate.getSubjectPublicKeyInfo(),
                        Bc.DIGESTS.get(RespID.HASH_SHA1)));
    }
}
