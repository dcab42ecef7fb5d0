package vn.lienthong.trust.certificates;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.CRLReason;
import java.security.cert.CertPath;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import vn.lienthong.trust.certificates.CertificateCheck.Binding;
import vn.lienthong.trust.certificates.CertificateCheck.Code;
import vn.lienthong.trust.certificates.CertificateCheck.Revocation;

/**
 * Decides whether a signer's certificate may stand for a sender at a given time: not only that the signature's maths
 * hold (that is the XML-DSig verifier's job), but that the certificate is the sender's, from a trusted CA, in force,
 * fit for signing and not revoked.
 *
 * <p>Checks, in order; the first that fails gives the result's code:
 * <ol>
 *   <li>validity period at the validation time: {@link Code#EXPIRED}, {@link Code#NOT_YET_VALID};</li>
 *   <li>a PKIX path (JDK CertPathBuilder, revocation off) to a configured trust anchor at the validation time,
 *       using the configured intermediates and the certificates that came with the signature:
 *       {@link Code#UNTRUSTED};</li>
 *   <li>key usage: digitalSignature or nonRepudiation; a certificate without the extension is refused:
 *       {@link Code#BAD_KEY_USAGE};</li>
 *   <li>the binding to the sender: organizationIdentifier (2.5.4.97) equal to the agency code (ignoring case), or a
 *       SHA-256 fingerprint the caller registered for the agency: {@link Code#NOT_SENDERS};</li>
 *   <li>revocation of the certificate and of every CA of the path below the trust anchor: local CRLs, cached CRLs of
 *       the certificate's distribution points, its OCSP responders, fresh downloads of its distribution points.
 *       {@link Code#REVOKED}; no answer: {@link Code#REVOCATION_UNKNOWN} under {@link RevocationPolicy#REFUSE}, or
 *       OK with {@link Revocation#UNKNOWN} under {@link RevocationPolicy#ALLOW}.</li>
 * </ol>
 * Revocation comes last so that nothing is fetched for a certificate that is refused anyway, and only URLs of
 * certificates that chain to a trust anchor are ever fetched.
 *
 * <p>A revocation dated after the validation time does not count, except for key or CA compromise and
 * certificateHold. Freshness of CRLs and OCSP answers is judged at the clock's now, not at the validation time.
 *
 * <p>Thread-safe; build one per configuration and share it. Plain Java: no container, no database.
 */
public final class CertificateValidator {

    private static final int MAX_PATHS = 10_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Set<TrustAnchor> anchors;
    private final Set<X509Certificate> anchorCertificates;
    private final List<X509Certificate> intermediates;
    private final RevocationPolicy policy;
    private final Clock clock;
    private final CrlCache crlCache;
    private final OcspClient ocsp;
    private final RevocationChecker revocation;
    /** Paths built, by the certificate and what came with it: every packet of an agency carries the same ones. */
    private final Map<PathKey, BuiltPath> paths = new ConcurrentHashMap<>();

    private CertificateValidator(Builder builder) {
        if (builder.anchors.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor is needed");
        }
        this.anchorCertificates = Set.copyOf(builder.anchors);
        Set<TrustAnchor> trustAnchors = new LinkedHashSet<>();
        for (X509Certificate anchor : builder.anchors) {
            trustAnchors.add(new TrustAnchor(anchor, null));
        }
        this.anchors = Collections.unmodifiableSet(trustAnchors);
        this.intermediates = List.copyOf(builder.intermediates);
        this.policy = builder.policy;
        this.clock = builder.clock;
        BoundedHttp http = new BoundedHttp(builder.connectTimeout, builder.readTimeout, builder.fetchTimeout,
                builder.maxResponseBytes);
        this.crlCache = new CrlCache(http, clock, builder.retryAfterFailure, 1024);
        this.ocsp = new OcspClient(http, clock, builder.ocspCacheFor, builder.ocspMaxAge, 100_000);
        this.revocation = new RevocationChecker(new LocalCrls(builder.crls, builder.crlFiles), crlCache, ocsp,
                builder.fetchCrls, builder.useOcsp, clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@link #validate(X509Certificate, List, ExpectedSender, Instant)} now, with no extra certificates. */
    public CertificateCheck validate(X509Certificate certificate, ExpectedSender sender) {
        return validate(certificate, List.of(), sender, clock.instant());
    }

    /**
     * Checks {@code certificate} as the signer of a packet from {@code sender} at time {@code at}.
     *
     * @param certificate the signer's certificate
     * @param presented   other certificates that came with the signature (its KeyInfo chain); used only to build
     *                    the path, never trusted by themselves; may be empty
     * @param sender      the agency in the packet's From; null skips the binding check (for callers that bind the
     *                    certificate some other way; the result then has {@link Binding#NONE})
     * @param at          the validation time (receipt time, or signing time when it is trusted)
     */
    public CertificateCheck validate(X509Certificate certificate, List<X509Certificate> presented,
            ExpectedSender sender, Instant at) {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(at, "at");
        Date when = Date.from(at);

        try {
            certificate.checkValidity(when);
        } catch (CertificateExpiredException e) {
            Instant end = certificate.getNotAfter().toInstant();
            return refused(Code.EXPIRED, certificate, List.of(), at, "",
                    "Chứng thư số đã hết hạn sử dụng từ " + TIME.format(end),
                    "the certificate expired on " + TIME.format(end));
        } catch (CertificateNotYetValidException e) {
            Instant start = certificate.getNotBefore().toInstant();
            return refused(Code.NOT_YET_VALID, certificate, List.of(), at, "",
                    "Chứng thư số chưa có hiệu lực (có hiệu lực từ " + TIME.format(start) + ")",
                    "the certificate is not valid before " + TIME.format(start));
        }

        List<X509Certificate> path;
        try {
            path = buildPath(certificate, presented == null ? List.of() : presented, when);
        } catch (CertPathBuilderException e) {
            return refused(Code.UNTRUSTED, certificate, List.of(), at, "",
                    "Chứng thư số không được tin cậy: không xác lập được chuỗi chứng thực tới tổ chức chứng thực"
                            + " tin cậy",
                    "the certificate does not chain to a trusted CA at " + TIME.format(at) + ": "
                            + rootCause(e));
        }

        boolean[] usage = certificate.getKeyUsage();
        if (usage == null || !(usage[0] || usage[1])) {
            return refused(Code.BAD_KEY_USAGE, certificate, path, at, "",
                    "Chứng thư số không được phép dùng để ký số (keyUsage không có digitalSignature hoặc"
                            + " nonRepudiation)",
                    usage == null ? "the certificate has no key usage extension"
                            : "the key usage allows neither digitalSignature nor nonRepudiation");
        }

        Binding binding = Binding.NONE;
        if (sender != null) {
            Optional<String> code = CertificateIdentity.agencyCode(certificate);
            if (code.isPresent() && code.get().equalsIgnoreCase(sender.agencyCode())) {
                binding = Binding.ORGANIZATION_IDENTIFIER;
            } else if (sender.registeredFingerprints()
                    .contains(CertificateIdentity.sha256Fingerprint(certificate))) {
                binding = Binding.REGISTERED_FINGERPRINT;
            } else {
                String whose = code.map(c -> "cơ quan " + c).orElse("không ghi mã định danh cơ quan");
                String whoseEn = code.map(c -> "agency " + c).orElse("no agency code");
                return refused(Code.NOT_SENDERS, certificate, path, at, "",
                        "Chứng thư số không phải của cơ quan gửi " + sender.agencyCode() + " (chứng thư của "
                                + whose + ", vân tay SHA-256 chưa được đăng ký cho cơ quan gửi)",
                        "the certificate does not belong to the sender " + sender.agencyCode() + " (it names "
                                + whoseEn + " and its SHA-256 fingerprint is not registered for the sender)");
            }
        }

        List<String> sources = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        // path: signer, intermediates..., anchor; every certificate but the anchor is checked against its issuer
        for (int i = 0; i < path.size() - 1; i++) {
            X509Certificate subject = path.get(i);
            RevocationChecker.Result result = revocation.check(subject, path.get(i + 1));
            RevocationAnswer answer = result.answer();
            if (answer == null) {
                unknown.add((i == 0 ? "" : "CA " + CertificateIdentity.subject(subject) + ": ") + result.tried());
                continue;
            }
            sources.add(answer.source());
            if (answer.status() == RevocationAnswer.Status.REVOKED
                    && RevocationAnswer.revokedAsOf(answer.revokedAt(), answer.reason(), at)) {
                String which = i == 0 ? "Chứng thư số" : "Chứng thư của CA " + CertificateIdentity.subject(subject);
                String whichEn = i == 0 ? "the certificate" : "the CA certificate "
                        + CertificateIdentity.subject(subject);
                return new CertificateCheck(Code.REVOKED, Revocation.REVOKED, binding, certificate, path, at,
                        answer.source(),
                        which + " đã bị thu hồi từ " + TIME.format(answer.revokedAt()) + " (lý do: "
                                + reasonVi(answer.reason()) + ")",
                        whichEn + " was revoked on " + TIME.format(answer.revokedAt()) + " (reason: "
                                + answer.reason() + ", source: " + answer.source() + ")");
            }
        }
        String who = binding == Binding.NONE ? "" : " của cơ quan " + sender.agencyCode();
        String whoEn = binding == Binding.NONE ? "" : " of agency " + sender.agencyCode() + " (bound by "
                + binding + ")";
        if (!unknown.isEmpty()) {
            String tried = String.join(" | ", unknown);
            if (policy == RevocationPolicy.REFUSE) {
                return new CertificateCheck(Code.REVOCATION_UNKNOWN, Revocation.UNKNOWN, binding, certificate, path,
                        at, tried,
                        "Không xác định được tình trạng thu hồi của chứng thư số (không truy cập được CRL/OCSP"
                                + " hoặc không có nguồn thông tin thu hồi)",
                        "the revocation status of the certificate could not be established: " + tried);
            }
            return new CertificateCheck(Code.OK, Revocation.UNKNOWN, binding, certificate, path, at, tried,
                    "Chứng thư số hợp lệ" + who + "; chưa xác định được tình trạng thu hồi (được chấp nhận theo"
                            + " chính sách)",
                    "the certificate is valid" + whoEn + "; revocation status unknown, accepted by policy ALLOW: "
                            + tried);
        }
        return new CertificateCheck(Code.OK, Revocation.GOOD, binding, certificate, path, at,
                String.join(", ", sources),
                "Chứng thư số hợp lệ" + who,
                "the certificate is valid" + whoEn + ", not revoked (" + String.join(", ", sources) + ")");
    }

    /** The trust anchors this validator accepts. */
    public Set<X509Certificate> trustAnchors() {
        return anchorCertificates;
    }

    /** The revocation policy in force. */
    public RevocationPolicy revocationPolicy() {
        return policy;
    }

    /** How many CRL downloads were attempted so far (for metrics and tests). */
    public long crlFetchCount() {
        return crlCache.fetchCount();
    }

    /** How many OCSP requests were sent so far (for metrics and tests). */
    public long ocspRequestCount() {
        return ocsp.requestCount();
    }

    private record PathKey(X509Certificate certificate, List<X509Certificate> presented) {
    }

    /** A path and the time span in which each of its certificates (the anchor aside) is valid. */
    private record BuiltPath(List<X509Certificate> path, long validFrom, long validUntil) {
        static BuiltPath of(List<X509Certificate> path) {
            long from = Long.MIN_VALUE;
            long until = Long.MAX_VALUE;
            for (X509Certificate certificate : path.subList(0, path.size() - 1)) {
                from = Math.max(from, certificate.getNotBefore().getTime());
                until = Math.min(until, certificate.getNotAfter().getTime());
            }
            return new BuiltPath(List.copyOf(path), from, until);
        }

        boolean validAt(Date when) {
            return when.getTime() >= validFrom && when.getTime() <= validUntil;
        }
    }

    /**
     * The path from {@code certificate} to an anchor valid at {@code when}: the one found before when it is valid
     * then (the anchors and intermediates never change, so the search would find it again), else a new search.
     * Only paths found are kept, so certificates that chain nowhere cannot fill the memory.
     */
    private List<X509Certificate> buildPath(X509Certificate certificate, List<X509Certificate> presented, Date when)
            throws CertPathBuilderException {
        PathKey key = new PathKey(certificate, List.copyOf(presented));
        BuiltPath known = paths.get(key);
        if (known != null && known.validAt(when)) {
            return known.path();
        }
        List<X509Certificate> path = searchPath(certificate, presented, when);
        if (paths.size() >= MAX_PATHS) {
            paths.clear();
        }
        BuiltPath built = BuiltPath.of(path);
        paths.put(key, built);
        return built.path();
    }

    private List<X509Certificate> searchPath(X509Certificate certificate, List<X509Certificate> presented, Date when)
            throws CertPathBuilderException {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(when);
            List<X509Certificate> pool = new ArrayList<>(intermediates);
            pool.addAll(presented);
            pool.add(certificate);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
                    .build(parameters);
            CertPath certPath = result.getCertPath();
            List<X509Certificate> path = new ArrayList<>();
            for (java.security.cert.Certificate element : certPath.getCertificates()) {
                path.add((X509Certificate) element);
            }
            path.add(result.getTrustAnchor().getTrustedCert());
            return path;
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("bad PKIX parameters", e);
        } catch (GeneralSecurityException e) {
            if (e instanceof CertPathBuilderException builderException) {
                throw builderException;
            }
            throw new CertPathBuilderException(e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static CertificateCheck refused(Code code, X509Certificate certificate, List<X509Certificate> path,
            Instant at, String source, String vi, String en) {
        return new CertificateCheck(code, Revocation.NOT_CHECKED, Binding.NONE, certificate, path, at, source, vi, en);
    }

    private static String reasonVi(CRLReason reason) {
        return switch (reason == null ? CRLReason.UNSPECIFIED : reason) {
            case KEY_COMPROMISE -> "lộ khóa bí mật";
            case CA_COMPROMISE -> "lộ khóa của tổ chức chứng thực";
            case AFFILIATION_CHANGED -> "thay đổi thông tin cơ quan";
            case SUPERSEDED -> "đã được thay thế";
            case CESSATION_OF_OPERATION -> "ngừng hoạt động";
            case CERTIFICATE_HOLD -> "tạm dừng";
            case PRIVILEGE_WITHDRAWN -> "rút quyền";
            case AA_COMPROMISE -> "lộ khóa của tổ chức cấp thuộc tính";
            default -> "không nêu lý do";
        };
    }

    /** Configuration of a {@link CertificateValidator}. */
    public static final class Builder {
        private final List<X509Certificate> anchors = new ArrayList<>();
        private final List<X509Certificate> intermediates = new ArrayList<>();
        private final List<X509CRL> crls = new ArrayList<>();
        private final List<Path> crlFiles = new ArrayList<>();
        private RevocationPolicy policy = RevocationPolicy.REFUSE;
        private boolean fetchCrls = true;
        private boolean useOcsp = true;
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration readTimeout = Duration.ofSeconds(3);
        private Duration fetchTimeout = Duration.ofSeconds(5);
        private int maxResponseBytes = 20 * 1024 * 1024;
        private Duration retryAfterFailure = Duration.ofSeconds(30);
        private Duration ocspCacheFor = Duration.ofMinutes(5);
        private Duration ocspMaxAge = Duration.ofHours(1);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Trust anchors (root CAs, or any CA trusted by itself). */
        public Builder trustAnchors(Collection<X509Certificate> certificates) {
            anchors.addAll(certificates);
            return this;
        }

        /** Every trusted certificate entry of a trust store (e.g. a PKCS#12 truststore). */
        public Builder trustStore(KeyStore trustStore) {
            try {
                for (String alias : Collections.list(trustStore.aliases())) {
                    if (trustStore.isCertificateEntry(alias)
                            && trustStore.getCertificate(alias) instanceof X509Certificate certificate) {
                        anchors.add(certificate);
                    }
                }
            } catch (KeyStoreException e) {
                throw new IllegalArgumentException("trust store not loaded", e);
            }
            return this;
        }

        /** CA certificates that may sit between a signer and an anchor (not trusted by themselves). */
        public Builder intermediates(Collection<X509Certificate> certificates) {
            intermediates.addAll(certificates);
            return this;
        }

        /** CRLs held in memory (never refreshed: prefer {@link #crlFile} for CRLs that change). */
        public Builder crls(Collection<X509CRL> list) {
            crls.addAll(list);
            return this;
        }

        /** A CRL file (DER or PEM, one or more CRLs), read again whenever it changes on disk. */
        public Builder crlFile(Path file) {
            crlFiles.add(Objects.requireNonNull(file, "file"));
            return this;
        }

        /** What to do when no revocation answer can be had. Default {@link RevocationPolicy#REFUSE}. */
        public Builder revocationPolicy(RevocationPolicy revocationPolicy) {
            this.policy = Objects.requireNonNull(revocationPolicy, "revocationPolicy");
            return this;
        }

        /** Whether to download the CRLs named in certificates' distribution points. Default true. */
        public Builder fetchCrlDistributionPoints(boolean fetch) {
            this.fetchCrls = fetch;
            return this;
        }

        /** Whether to ask the OCSP responders named in certificates' AIA. Default true. */
        public Builder ocsp(boolean enabled) {
            this.useOcsp = enabled;
            return this;
        }

        /** TCP connect timeout of CRL and OCSP requests. Default 2 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout);
            return this;
        }

        /** Longest wait for any single read of a CRL or OCSP response. Default 3 s. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout);
            return this;
        }

        /** Deadline for a whole CRL or OCSP body once the connection answered. Default 5 s. */
        public Builder fetchTimeout(Duration timeout) {
            this.fetchTimeout = positive(timeout);
            return this;
        }

        /** Largest CRL or OCSP response accepted. Default 20 MiB. */
        public Builder maxResponseBytes(int bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxResponseBytes must be positive");
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /** How long a distribution point whose download failed is not tried again. Default 30 s. */
        public Builder retryAfterFailure(Duration delay) {
            this.retryAfterFailure = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /** How long a good or revoked OCSP answer is reused (never past its nextUpdate). Default 5 min. */
        public Builder ocspCacheFor(Duration duration) {
            this.ocspCacheFor = Objects.requireNonNull(duration, "duration");
            return this;
        }

        /** Oldest acceptable OCSP answer that has neither nextUpdate nor our nonce. Default 1 h. */
        public Builder ocspMaxAge(Duration duration) {
            this.ocspMaxAge = positive(duration);
            return this;
        }

        /** The clock for freshness of CRLs and OCSP answers and for "now". Default UTC system clock. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public CertificateValidator build() {
            return new CertificateValidator(this);
        }

        private static Duration positive(Duration duration) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("duration must be positive: " + duration);
            }
            return duration;
        }
    }
}
