package vn.lienthong.trust.certificates;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CRLs fetched over HTTP from the distribution points certificates name, kept in memory until their nextUpdate.
 *
 * <p>One fetch per URL at a time: concurrent validations of certificates pointing at the same URL wait for the one
 * fetch rather than each downloading the CRL. A failed fetch is not retried before {@code retryAfterFailure}, so
 * that an unreachable distribution point costs one timeout, not one per document. Only URLs of certificates that
 * already chained to a trust anchor reach this cache.
 */
final class CrlCache {

    private static final Logger LOG = LoggerFactory.getLogger(CrlCache.class);

    private final BoundedHttp http;
    private final Clock clock;
    private final Duration retryAfterFailure;
    private final int maxEntries;
    private final Map<URI, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong fetches = new AtomicLong();

    CrlCache(BoundedHttp http, Clock clock, Duration retryAfterFailure, int maxEntries) {
        this.http = http;
        this.clock = clock;
        this.retryAfterFailure = retryAfterFailure;
        this.maxEntries = maxEntries;
    }

    /** The cached CRL of {@code uri} if it is still fresh, without any network access; null otherwise. */
    CheckedCrl cached(URI uri) {
        Entry entry = entries.get(uri);
        CheckedCrl crl = entry == null ? null : entry.crl;
        return crl != null && crl.isFresh(clock.instant()) ? crl : null;
    }

    /**
     * A fresh CRL of {@code uri}: the cached one, or a new download when there is none or it is stale.
     *
     * @throws IOException when it cannot be fetched (or a recent fetch failed and the retry delay has not passed)
     */
    CheckedCrl fetch(URI uri) throws IOException {
        Entry entry = entries.get(uri);
        if (entry == null) {
            if (entries.size() >= maxEntries) {
                evictStale();
            }
            entry = entries.computeIfAbsent(uri, u -> new Entry());
        }
        synchronized (entry) {
            Instant now = clock.instant();
            if (entry.crl != null && entry.crl.isFresh(now)) {
                return entry.crl;
            }
            if (entry.failedAt != null && now.isBefore(entry.failedAt.plus(retryAfterFailure))) {
                throw new IOException(entry.failure + " (not retried before "
                        + entry.failedAt.plus(retryAfterFailure) + ")");
            }
            try {
                fetches.incrementAndGet();
                byte[] body = http.get(uri);
                X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                        .generateCRL(new ByteArrayInputStream(body));
                if (crl == null) {
                    throw new IOException("no CRL in the response");
                }
                CheckedCrl checked = new CheckedCrl(crl, "crl:" + uri);
                if (!checked.isFresh(now)) {
                    throw new IOException("the CRL served is not fresh (thisUpdate " + crl.getThisUpdate()
                            + ", nextUpdate " + crl.getNextUpdate() + ")");
                }
                entry.crl = checked;
                entry.failedAt = null;
                entry.failure = null;
                LOG.debug("CRL fetched from {}: thisUpdate {}, nextUpdate {}", uri, crl.getThisUpdate(),
                        crl.getNextUpdate());
                return entry.crl;
            } catch (IOException | CertificateException | CRLException | ClassCastException e) {
                entry.failedAt = now;
                entry.failure = "CRL " + uri + " unavailable: " + e.getMessage();
                LOG.warn("CRL {} unavailable: {}", uri, e.toString());
                throw new IOException(entry.failure, e);
            }
        }
    }

    /** How many HTTP fetches were attempted (for tests and metrics). */
    long fetchCount() {
        return fetches.get();
    }

    private void evictStale() {
        Instant now = clock.instant();
        entries.entrySet().removeIf(e -> e.getValue().crl == null || !e.getValue().crl.isFresh(now));
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
    }

    private static final class Entry {
        volatile CheckedCrl crl;
        Instant failedAt;
        String failure;
    }
}
