package vn.lienthong.gateway.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import org.apache.camel.ProducerTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

import vn.lienthong.adapters.exchange.ExchangeService;
import vn.lienthong.adapters.push.PushMessage;
import vn.lienthong.adapters.push.PushTarget;
import vn.lienthong.adapters.push.RoutingPushClient;
import vn.lienthong.adapters.soap.SoapAdapterConfiguration;
import vn.lienthong.adapters.soap.SoapSettings;
import vn.lienthong.adapters.vdxp.VdxpController;
import vn.lienthong.adapters.vdxp.VdxpSettings;
import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.directory.DeliveryMode;
import vn.lienthong.gateway.directory.DirectoryRepository;
import vn.lienthong.gateway.intake.IntakeProperties;
import vn.lienthong.gateway.intake.IntakeSteps;
import vn.lienthong.gateway.intake.RecipientResolver;
import vn.lienthong.gateway.intake.TrustProperties;
import vn.lienthong.gateway.limits.DiskBudget;
import vn.lienthong.gateway.limits.SystemLimits;
import vn.lienthong.gateway.links.LinkForwarder;
import vn.lienthong.gateway.links.LinkRouting;
import vn.lienthong.gateway.signatures.PdfSignatureInspection;
import vn.lienthong.gateway.signatures.PdfSignatureStore;
import vn.lienthong.trust.certificates.CertificateValidator;
import vn.lienthong.gateway.metrics.GatewayMetrics;
import vn.lienthong.gateway.payload.PayloadStore;
import vn.lienthong.gateway.cluster.ClusterLeases;
import vn.lienthong.gateway.routes.BrokerOutage;
import vn.lienthong.gateway.routes.DeliveryRoute;
import vn.lienthong.gateway.routes.DeliveryWorker;
import vn.lienthong.gateway.routes.DispatchRoute;
import vn.lienthong.gateway.routes.IntakeRoute;
import vn.lienthong.gateway.routes.Pusher;
import vn.lienthong.gateway.routes.RouteProperties;
import vn.lienthong.gateway.routes.SweeperRoute;
import vn.lienthong.gateway.tracking.TrackingStore;

/** Wires the document exchange: the stores, the intake steps, the routes and the protocol adapters. */
@Configuration
@EnableConfigurationProperties({IntakeProperties.class, TrustProperties.class, RouteProperties.class})
@Import(SoapAdapterConfiguration.class)
public class ExchangeConfiguration {

    @Bean
    PayloadStore payloadStore(GatewayProperties gateway) throws IOException {
        return new PayloadStore(gateway.payloadsDir());
    }

    /**
     * Checks signers' certificates: chain to the trust anchors, validity, key usage, revocation, binding. This
     * one applies the policy for agencies that must sign; {@link #lenientCertificateValidator} the other.
     */
    @Bean
    @org.springframework.context.annotation.Primary
    CertificateValidator certificateValidator(IntakeProperties intake, TrustProperties trust, ResourceLoader resources)
            throws IOException, CertificateException, java.security.cert.CRLException {
        return validator(intake, trust, resources, trust.revocationPolicy());
    }

    /** The same checks for agencies that sign when they choose: by default a missing CRL does not refuse. */
    @Bean
    CertificateValidator lenientCertificateValidator(IntakeProperties intake, TrustProperties trust,
                                                     ResourceLoader resources)
            throws IOException, CertificateException, java.security.cert.CRLException {
        return validator(intake, trust, resources, trust.revocationPolicyIfPresent());
    }

    private static CertificateValidator validator(IntakeProperties intake, TrustProperties trust,
                                                  ResourceLoader resources, vn.lienthong.trust.certificates.RevocationPolicy policy)
            throws IOException, CertificateException, java.security.cert.CRLException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<java.security.cert.X509CRL> crls = new java.util.ArrayList<>();
        for (String location : trust.crls()) {
            try (InputStream in = resources.getResource(location).getInputStream()) {
                crls.add((java.security.cert.X509CRL) factory.generateCRL(in));
            }
        }
        return CertificateValidator.builder()
                .trustAnchors(trustAnchors(resources, intake.trustAnchors()))
                .crls(crls)
                .revocationPolicy(policy)
                .fetchCrlDistributionPoints(trust.fetchDistributionPoints())
                .ocsp(trust.ocsp())
                .build();
    }

    @Bean
    IntakeSteps intakeSteps(DirectoryRepository directory, TrackingStore tracking, PayloadStore payloads,
                            IntakeProperties properties, CertificateValidator certificateValidator,
                            // by name: the @Primary one would otherwise be injected here too, and IF_PRESENT would
                            // refuse what its policy allows
                            @org.springframework.beans.factory.annotation.Qualifier("lenientCertificateValidator")
                            CertificateValidator lenientCertificateValidator,
                            PdfSignatureInspection pdfInspection, PdfSignatureStore pdfSignatures,
                            vn.lienthong.gateway.limits.LimitsProperties limits) {
        return new IntakeSteps(directory, tracking, payloads, properties, certificateValidator,
                lenientCertificateValidator, pdfInspection, pdfSignatures, limits.packet());
    }

    @Bean
    GatewayExchangeService exchangeService(DirectoryRepository directory, TrackingStore tracking, PayloadStore payloads,
                                    ProducerTemplate camel, GatewayMetrics metrics,
                                    vn.lienthong.gateway.evidence.EvidenceStore evidence, PdfSignatureStore pdfSignatures,
                                    SystemLimits limits, DiskBudget disk, RouteProperties routes) {
        return new GatewayExchangeService(directory, tracking, payloads, camel, metrics, evidence, pdfSignatures,
                limits, disk, new IntakeGate(routes.intakeChecksAtOnce()));
    }

    @Bean
    VdxpController vdxpController(ExchangeService exchange, IntakeProperties properties, PayloadStore payloads,
                                  vn.lienthong.gateway.security.StrictRequests strictRequests,
                                  vn.lienthong.adapters.exchange.LoginThrottle loginThrottle)
            throws IOException {
        return new VdxpController(exchange, new VdxpSettings(properties.maxPacketSize().toBytes(), payloads.scratchDir()),
                strictRequests, loginThrottle);
    }

    @Bean
    SoapSettings soapSettings(IntakeProperties properties, PayloadStore payloads) throws IOException {
        return SoapSettings.under(payloads.scratchDir(), properties.maxPacketSize().toBytes());
    }

    @Bean
    DeliveryWorker deliveryWorker(TrackingStore tracking, DirectoryRepository directory, PayloadStore payloads,
                                  Pusher pusher, GatewayMetrics metrics, ClusterLeases leases,
                                  IntakeProperties properties) {
        return new DeliveryWorker(tracking, directory, payloads, pusher, metrics, leases.node(),
                properties.pushTimeout().plusSeconds(30));
    }

    @Bean(destroyMethod = "close")
    RoutingPushClient pushClient() {
        return new RoutingPushClient();
    }

    /**
     * Pushes with the client the recipient's delivery mode names (SOAP or REST), with the proof signed by the
     * recipient system's secret, or forwards through its link.
     */
    @Bean
    Pusher pusher(RoutingPushClient client, IntakeProperties properties, LinkForwarder links,
                  DirectoryRepository directory) {
        return (recipient, document, delivery, packet) -> {
            if (recipient.deliveryMode() == DeliveryMode.LINK) {
                links.forward(recipient, document, delivery, packet);
                return;
            }
            client.push(
                new PushTarget(recipient.pushEndpoint(),
                        recipient.deliveryMode() == DeliveryMode.PUSH_SOAP ? PushTarget.Mode.SOAP : PushTarget.Mode.REST,
                        properties.pushTimeout(), directory.pushSecretOf(delivery.recipientCode()).orElse(null)),
                new PushMessage(delivery.id(), document.id(), document.messageType(), document.fromCode(),
                        delivery.recipientCode(), packet, document.storedSize(), document.storedSha256().trim()));
        };
    }

    @Bean
    IntakeRoute intakeRoute(IntakeSteps steps, DirectoryRepository directory, TrackingStore tracking,
                            LinkRouting linkRouting, vn.lienthong.gateway.directory.AgencyRetirements retirements,
                            vn.lienthong.gateway.refusals.RefusalStore refusals) {
        return new IntakeRoute(steps, new RecipientResolver(directory, tracking, linkRouting),
                new vn.lienthong.gateway.intake.RetiredCodes(retirements),
                new vn.lienthong.gateway.intake.ClassifiedGuard(refusals));
    }

    @Bean
    DispatchRoute dispatchRoute(TrackingStore tracking, RouteProperties routes) {
        return new DispatchRoute(tracking, new BrokerOutage(), routes.dispatchSenders());
    }

    @Bean
    DeliveryRoute deliveryRoute(DeliveryWorker worker, RouteProperties routes) {
        return new DeliveryRoute(worker, routes.pullConsumers(), routes.pushConsumers());
    }

    @Bean
    SweeperRoute sweeperRoute(TrackingStore tracking, ClusterLeases leases, IntakeProperties properties,
                              RouteProperties routes) {
        return new SweeperRoute(tracking, leases, properties.sweepInterval(), properties.sweepAge(),
                properties.queuedAge(), routes.sweepBatch());
    }

    /** The PEM certificates at a resource location (trust anchors, certificates to watch). */
    public static List<X509Certificate> trustAnchors(ResourceLoader resources, String location)
            throws IOException, CertificateException {
        try (InputStream in = resources.getResource(location).getInputStream()) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        }
    }

}
