package vn.lienthong.gateway.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.gateway.tracking.TrackingStore;
import vn.lienthong.trust.chain.ChainHeadSigner;
import vn.lienthong.trust.chain.ChainHeadVerifier;
import vn.lienthong.trust.evidence.EvidenceSigner;
import vn.lienthong.trust.evidence.EvidenceVerifier;

/** Wires signed evidence and the tamper-evident log ({@code gateway.evidence.*}). */
@Configuration
@EnableConfigurationProperties(EvidenceProperties.class)
public class EvidenceConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceConfiguration.class);

    @Bean
    EvidenceKeys evidenceKeys(ResourceLoader resources, EvidenceProperties properties) {
        EvidenceKeys keys = EvidenceKeys.load(resources, properties);
        LOG.info("Khóa ký bằng chứng (evidence key): {} {}", keys.signer().signatureAlgorithm(),
                keys.signer().certificate().getSubjectX500Principal().getName());
        return keys;
    }

    @Bean
    EvidenceStore evidenceStore(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transaction) {
        return new EvidenceStore(jdbc, template, transaction);
    }

    @Bean(destroyMethod = "close")
    EvidenceIssuer evidenceIssuer(TrackingStore tracking, EvidenceStore store, EvidenceKeys keys,
                                  EvidenceProperties properties) {
        return new EvidenceIssuer(tracking, store, new EvidenceSigner(keys.signer()), properties);
    }

    @Bean
    EvidenceVerifier evidenceVerifier(EvidenceKeys keys) {
        return new EvidenceVerifier(keys.trustAnchors(), keys.gatewayCertificates());
    }

    @Bean
    ChainService chainService(JdbcClient jdbc, JdbcTemplate template, EvidenceStore store, EvidenceKeys keys,
                              EvidenceProperties properties, vn.lienthong.gateway.config.GatewayProperties gateway,
                              org.springframework.transaction.PlatformTransactionManager transactions,
                              vn.lienthong.gateway.tracking.EventChain events) {
        return new ChainService(jdbc, template, store, new ChainHeadSigner(keys.signer()),
                new ChainHeadVerifier(keys.trustAnchors(), keys.gatewayCertificates()), properties.log(),
                transactions, events, new ChainHeadCopy(gateway.dataDir().resolve("chain-heads.log")));
    }

    @Bean
    EvidenceTasks evidenceTasks(EvidenceIssuer issuer, ChainService chain, EvidenceProperties properties,
                                vn.lienthong.gateway.cluster.ClusterLeases leases) {
        return new EvidenceTasks(issuer, chain, properties, leases);
    }

    /**
     * The periodic tasks: evidence still owed (once at start for everything, then for events older than
     * {@code repair-age} every {@code repair-interval}), and the chain's signed head every {@code head-interval}.
     * With several nodes, each task runs on the node holding its lease ({@code evidence-repair},
     * {@code chain-head}); the head signed at shutdown is signed by every node that stops.
     */
    static final class EvidenceTasks implements SmartLifecycle {
        static final String REPAIR_LEASE = "evidence-repair";
        static final String HEAD_LEASE = "chain-head";
        private final EvidenceIssuer issuer;
        private final ChainService chain;
        private final EvidenceProperties properties;
        private final vn.lienthong.gateway.cluster.ClusterLeases leases;
        private ScheduledExecutorService scheduler;

        EvidenceTasks(EvidenceIssuer issuer, ChainService chain, EvidenceProperties properties,
                      vn.lienthong.gateway.cluster.ClusterLeases leases) {
            this.issuer = issuer;
            this.chain = chain;
            this.properties = properties;
            this.leases = leases;
        }

        @Override
        public synchronized void start() {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "evidence-tasks");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.execute(() -> repair(Instant.now()));
            scheduler.scheduleWithFixedDelay(() -> repair(Instant.now().minus(properties.repairAge())),
                    millis(properties.repairInterval()), millis(properties.repairInterval()), TimeUnit.MILLISECONDS);
            scheduler.scheduleWithFixedDelay(this::signHeadIfLeased, millis(properties.headInterval()),
                    millis(properties.headInterval()), TimeUnit.MILLISECONDS);
        }

        private void signHeadIfLeased() {
            if (leases.acquire(HEAD_LEASE, vn.lienthong.gateway.cluster.ClusterLeases.leaseFor(properties.headInterval()))) {
                signHead();
            }
        }

        private void repair(Instant before) {
            if (!leases.acquire(REPAIR_LEASE,
                    vn.lienthong.gateway.cluster.ClusterLeases.leaseFor(properties.repairInterval()))) {
                return; // another node repairs
            }
            try {
                int events = issuer.repair(before);
                if (events > 0) {
                    LOG.info("Đã cấp bằng chứng còn nợ (issued owed evidence) cho {} sự kiện", events);
                }
            } catch (RuntimeException e) {
                LOG.warn("Cấp bằng chứng còn nợ lỗi (owed evidence repair failed): {}", e.toString());
            }
        }

        private void signHead() {
            try {
                chain.signHead();
            } catch (RuntimeException e) {
                LOG.warn("Ký đầu chuỗi lỗi (signing the chain head failed): {}", e.toString());
            }
        }

        @Override
        public synchronized void stop() {
            if (scheduler != null) {
                scheduler.shutdownNow();
                scheduler = null;
            }
            signHead(); // the head at shutdown
            leases.release(REPAIR_LEASE);
            leases.release(HEAD_LEASE);
        }

        @Override
        public synchronized boolean isRunning() {
            return scheduler != null;
        }

        private static long millis(Duration duration) {
            return Math.max(1, duration.toMillis());
        }
    }
}
