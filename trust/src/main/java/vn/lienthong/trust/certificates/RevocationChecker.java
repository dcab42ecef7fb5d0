package vn.lienthong.trust.certificates;

import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/**
 * Finds a revocation answer for one certificate, cheapest source first: the local CRLs, a cached fresh CRL of one
 * of its distribution points, its OCSP responders, then a download of its distribution points. The first
 * authoritative answer wins.
 */
final class RevocationChecker {

    /** The answer (null when none could be had) and, when there is none, what was tried and why it failed. */
    record Result(RevocationAnswer answer, String tried) {
    }

    private final LocalCrls localCrls;
    private final CrlCache crlCache;
    private final OcspClient ocsp;
    private final boolean fetchCrls;
    private final boolean useOcsp;
    private final Clock clock;

    RevocationChecker(LocalCrls localCrls, CrlCache crlCache, OcspClient ocsp, boolean fetchCrls, boolean useOcsp,
            Clock clock) {
        this.localCrls = localCrls;
        this.crlCache = crlCache;
        this.ocsp = ocsp;
        this.fetchCrls = fetchCrls;
        this.useOcsp = useOcsp;
        this.clock = clock;
    }

    Result check(X509Certificate certificate, X509Certificate issuer) {
        StringBuilder tried = new StringBuilder();
        for (CheckedCrl crl : localCrls.all()) {
            if (!crl.isFrom(issuer)) {
                continue;
            }
            RevocationAnswer answer = crl.answer(certificate, issuer, clock.instant(), separated(tried));
            if (answer != null) {
                return new Result(answer, "");
            }
        }
        List<URI> distributionPoints = fetchCrls
                ? CertificateExtensions.crlDistributionPoints(certificate).stream().filter(BoundedHttp::isHttp).toList()
                : List.of();
        for (URI uri : distributionPoints) {
            CheckedCrl cached = crlCache.cached(uri);
            if (cached != null) {
                RevocationAnswer answer = cached.answer(certificate, issuer, clock.instant(), separated(tried));
                if (answer != null) {
                    return new Result(answer, "");
                }
            }
        }
        if (useOcsp) {
            for (URI responder : CertificateExtensions.ocspResponders(certificate)) {
                if (!BoundedHttp.isHttp(responder)) {
                    continue;
                }
                RevocationAnswer answer = ocsp.check(certificate, issuer, responder, separated(tried));
                if (answer != null) {
                    return new Result(answer, "");
                }
            }
        }
        for (URI uri : distributionPoints) {
            try {
                CheckedCrl crl = crlCache.fetch(uri);
                RevocationAnswer answer = crl.answer(certificate, issuer, clock.instant(), separated(tried));
                if (answer != null) {
                    return new Result(answer, "");
                }
            } catch (IOException e) {
                separated(tried).append(e.getMessage());
            }
        }
        if (tried.length() == 0) {
            tried.append("no local CRL of the issuer, no CRL distribution point, no OCSP responder");
        }
        return new Result(null, tried.toString());
    }

    private static StringBuilder separated(StringBuilder tried) {
        if (tried.length() > 0) {
            tried.append("; ");
        }
        return tried;
    }
}
