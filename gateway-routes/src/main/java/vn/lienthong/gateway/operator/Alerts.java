package vn.lienthong.gateway.operator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.gateway.directory.Agency;
import vn.lienthong.gateway.directory.DeliveryMode;
import vn.lienthong.gateway.directory.DirectoryRepository;

/**
 * What needs an operator's attention now: a recipient failing for longer than a bound, dead letters, a
 * backlog older than a bound, a certificate expiring soon, a classified document refused in the last
 * {@link #CLASSIFIED_WINDOW} (one alert each, metadata only). Shown on the console and in health details;
 * each new alert is also posted to the webhook when one is configured.
 */
public class Alerts {

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

    public record Alert(String code, String severity, String subject, String message, Instant since) {
    }

    /** Alerts another part of the gateway raises (the limits, the disk budget). */
    public interface Source {
        List<Alert> alerts(Instant now);
    }

    private final OperatorQueries queries;
    private final DirectoryRepository directory;
    private final OperatorProperties.Alerts bounds;
    private final List<X509Certificate> watchedCertificates;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final vn.lienthong.gateway.refusals.RefusalStore refusals;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final vn.lienthong.gateway.cluster.ClusterLeases leases;
    private final List<Source> sources;

    /** How long a classified document's refusal stays an alert. */
    public static final Duration CLASSIFIED_WINDOW = Duration.ofHours(24);

    /**
     * @param jdbc   where the alerts already posted are kept ({@code alerts_announced}), so that no node posts one twice
     * @param leases the webhook is served by the node holding the lease {@code alerts}
     */
    public Alerts(OperatorQueries queries, DirectoryRepository directory, OperatorProperties.Alerts bounds,
                  List<X509Certificate> watchedCertificates, vn.lienthong.gateway.refusals.RefusalStore refusals,
                  org.springframework.jdbc.core.simple.JdbcClient jdbc, vn.lienthong.gateway.cluster.ClusterLeases leases,
                  List<Source> sources) {
        this.sources = List.copyOf(sources);
        this.refusals = refusals;
        this.queries = queries;
        this.directory = directory;
        this.bounds = bounds;
        this.watchedCertificates = List.copyOf(watchedCertificates);
        this.jdbc = jdbc;
        this.leases = leases;
    }

    public List<Alert> current() {
        Instant now = Instant.now();
        List<Alert> alerts = new ArrayList<>();
        for (Agency agency : directory.listAgencies()) {
            // an agency behind a link fails with its link: one LINK_FAILING per link (links.LinkAlerts)
            if (agency.deliveryMode() == DeliveryMode.PULL || agency.deliveryMode() == DeliveryMode.LINK
                    || !agency.enabled()) {
                continue;
            }
            OperatorQueries.AgencyStatus status = queries.agencyStatus(agency.code(), now);
            boolean failingSinceSuccess = status.lastFailureAt() != null
                    && (status.lastSuccessAt() == null || status.lastFailureAt().isAfter(status.lastSuccessAt()));
            if (failingSinceSuccess && status.consecutiveFailures() > 0) {
                Instant since = status.lastSuccessAt() == null ? status.lastFailureAt() : status.lastSuccessAt();
                if (Duration.between(since, now).compareTo(bounds.recipientFailingFor()) >= 0 || status.backlog() > 0
                        && status.oldestBacklogAgeSeconds() >= bounds.recipientFailingFor().toSeconds()) {
                    alerts.add(new Alert("RECIPIENT_FAILING", "WARNING", agency.code(),
                            "Đơn vị " + agency.code() + " chuyển không thành công: " + status.lastFailure(), since));
                }
            }
        }
        long deadLetters = queries.countDeliveries("FAILED");
        if (deadLetters > 0) {
            alerts.add(new Alert("DEAD_LETTERS", "ERROR", "DLQ",
                    deadLetters + " chuyển phát thất bại đang chờ gửi lại (dead letters waiting for a resend)", null));
        }
        OperatorQueries.Backlog backlog = queries.backlog(now);
        if (backlog.deliveries() > 0 && backlog.oldestAgeSeconds() >= bounds.backlogOlderThan().toSeconds()) {
            alerts.add(new Alert("BACKLOG_OLD", "WARNING", "backlog", "Có văn bản chờ chuyển quá "
                    + bounds.backlogOlderThan().toMinutes() + " phút (backlog older than the bound)",
                    now.minusSeconds(backlog.oldestAgeSeconds())));
        }
        for (Source source : sources) {
            alerts.addAll(source.alerts(now));
        }
        for (X509Certificate certificate : watchedCertificates) {
            Instant notAfter = certificate.getNotAfter().toInstant();
            if (notAfter.isBefore(now.plus(bounds.certificateExpiryWithin()))) {
                alerts.add(new Alert("CERTIFICATE_EXPIRING", notAfter.isBefore(now) ? "ERROR" : "WARNING",
                        certificate.getSubjectX500Principal().getName(),
                        "Chứng thư số hết hạn ngày " + notAfter + " (certificate expires)", notAfter));
            }
        }
        for (vn.lienthong.gateway.refusals.Refusal refusal : refusals.since(now.minus(CLASSIFIED_WINDOW))) {
            alerts.add(new Alert("CLASSIFIED_REFUSED", "ERROR", refusal.id(), "Đã từ chối văn bản mật (dấu \""
                    + refusal.markText() + "\" tại " + refusal.foundIn() + ") từ " + refusal.fromCode() + " qua hệ thống "
                    + refusal.senderSystem() + ", gửi " + refusal.toCodes() + "; không lưu nội dung (classified document "
                    + "refused, nothing stored)", refusal.createdAt()));
        }
        return alerts;
    }

    /** Posts alerts not announced before to the webhook, every {@code gateway.operators.alerts.check-interval}. */
    @Scheduled(fixedDelayString = "${gateway.operators.alerts.check-interval:PT30S}",
            initialDelayString = "${gateway.operators.alerts.check-interval:PT30S}")
    public void announce() {
        if (bounds.webhook() == null || bounds.webhook().isBlank()
                || !leases.acquire("alerts", vn.lienthong.gateway.cluster.ClusterLeases.leaseFor(bounds.checkInterval()))) {
            return;
        }
        for (Alert alert : current()) {
            String key = alert.code() + "|" + alert.subject();
            key = key.length() <= 300 ? key : key.substring(0, 300);
            if (markAnnounced(key)) {
                try {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(bounds.webhook()))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(alert))).build();
                    http.send(request, HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    jdbc.sql("DELETE FROM alerts_announced WHERE alert_key = :key").param("key", key).update();
                    LOG.warn("Không gửi được cảnh báo tới webhook (alert webhook failed): {}", e.toString());
                }
            }
        }
    }

    /** True when no node had announced this alert yet (and now this one has). */
    private boolean markAnnounced(String key) {
        return jdbc.sql("INSERT INTO alerts_announced (alert_key, announced_at) VALUES (:key, :now) ON CONFLICT DO NOTHING")
                .param("key", key).param("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)).update() == 1;
    }
}
