package vn.lienthong.gateway.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.StatusCode;
import vn.lienthong.edxml.model.StatusHeader;
import vn.lienthong.gateway.directory.Side;
import vn.lienthong.gateway.operator.Alerts;
import vn.lienthong.gateway.support.Await;
import vn.lienthong.gateway.support.GatewayTest;
import vn.lienthong.gateway.support.Http;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;
import vn.lienthong.gateway.tracking.DeliveryState;
import vn.lienthong.gateway.tracking.TrackingStore;

/**
 * Forwarding over a link, against another axis on a real port ({@link FakeAxis}: the project's VDXP API in front of
 * a recorder, each sendEdoc held for a second so that calls made at once overlap): two recipients behind one link
 * get one hand-off even though their deliveries run at once, and the far side's statuses map back to each; a
 * document's statuses cross the link one at a time, in the order they were accepted, and waiting their turn spends
 * none of their attempts; a link that fails raises one alert, not one per agency behind it.
 */
class LinkForwardingTest extends GatewayTest {

    static final String LINK = "truc-tinh-b";
    static final String UBND_B = "000.00.00.H40";
    static final String SO_B = "000.00.05.H40";
    /** Behind a link whose axis does not answer. */
    static final String DOWN_LINK = "truc-hong";
    static final String UBND_C = "000.00.00.H33";
    static final String SO_C = "000.00.05.H33";

    static FakeAxis axis;
    static boolean linked;

    @Autowired
    LinkRepository links;

    @Autowired
    TrackingStore tracking;

    @Autowired
    Alerts alerts;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        axis = new FakeAxis(Files.createTempDirectory("fake-axis"), "truc-g", "truc-g-secret");
        registry.add("gateway.links.poll-interval", () -> "300ms");
        registry.add("gateway.delivery.initial-delay", () -> "200ms");
        registry.add("gateway.delivery.multiplier", () -> "1.0");
        registry.add("gateway.delivery.max-delay", () -> "200ms");
        // few attempts: waiting one's turn (about five looks behind a held sendEdoc) must spend none of them
        registry.add("gateway.delivery.max-attempts", () -> "3");
        registry.add("gateway.links.turn-wait", () -> "200ms");
        registry.add("gateway.operators.alerts.recipient-failing-for", () -> "0s");
    }

    @AfterAll
    static void stopAxis() {
        axis.close();
    }

    @BeforeEach
    void linkedToTheAxis() throws Exception {
        if (!linked) {
            linked = true;
            links.insert(new Link(LINK, "Trục tỉnh B (thử nghiệm)", axis.endpoint(), "truc-g", "truc-g-secret", null,
                    null, true, null, null, null, null, null));
            links.addAgency(UBND_B, "UBND tỉnh B", Side.STATE, LINK);
            links.addAgency(SO_B, "Sở Nội vụ tỉnh B", Side.STATE, LINK);
            links.insert(new Link(DOWN_LINK, "Trục tỉnh C (không trả lời)", "http://127.0.0.1:" + Http.freePort()
                    + "/vdxp", "truc-g", "x", null, null, true, null, null, null, null, null));
            links.addAgency(UBND_C, "UBND tỉnh C", Side.STATE, DOWN_LINK);
            links.addAgency(SO_C, "Sở Nội vụ tỉnh C", Side.STATE, DOWN_LINK);
        }
        axis.hold = Duration.ofSeconds(1);
        axis.mostInFlight.set(0);
    }

    @Test
    void twoRecipientsBehindOneLinkGetOneHandOffAndTheFarSidesStatusesMapBackToEach() throws Exception {
        int before = axis.sent("edoc").size();
        String documentId = newDocumentId(Packets.TINH_UY, "-CV/VPTU");
        String docId = sendPacket(SampleSystems.tinhUy(port), Packets.document(work, "vpcp-sdk-example/edoc_new.edxml",
                Packets.TINH_UY, List.of(UBND_B, SO_B), documentId), Packets.TINH_UY);

        Await.until(Duration.ofSeconds(30), () -> tracking.deliveriesOf(docId),
                deliveries -> deliveries.size() == 2
                        && deliveries.stream().allMatch(d -> d.state() == DeliveryState.DELIVERED));
        // one sendEdoc, carrying both recipients, though both deliveries were worked at once
        assertThat(axis.sent("edoc")).hasSize(before + 1);
        assertThat(axis.mostInFlight.get()).isEqualTo(1);
        EdocHeader handedOff = (EdocHeader) Packets.header(axis.sent("edoc").get(before).packet());
        assertThat(handedOff.messageHeader().documentId()).isEqualTo(documentId);
        assertThat(handedOff.messageHeader().to().stream().map(o -> o.organId().trim()))
                .containsExactlyInAnyOrder(UBND_B, SO_B);
        List<String> forwarded = tracking.events(docId).stream()
                .filter(e -> e.type() == vn.lienthong.gateway.tracking.EventType.FORWARDED)
                .map(TrackingStore.EventRow::detail).toList();
        assertThat(forwarded).hasSize(2);
        assertThat(forwarded).filteredOn(d -> d.contains("same hand-off")).hasSize(1);

        // each recipient's status comes back through the link, to its own delivery
        axis.deliver("status", SO_B, Packets.TINH_UY, Packets.status(work, handedOff, SO_B, StatusCode.ACCEPTED));
        axis.deliver("status", UBND_B, Packets.TINH_UY, Packets.status(work, handedOff, UBND_B, StatusCode.ARRIVED));
        Map<String, String> statuses = Await.until(Duration.ofSeconds(30), () -> tracking.deliveriesOf(docId).stream()
                .filter(d -> d.businessStatus() != null)
                .collect(Collectors.toMap(TrackingStore.DeliveryRow::recipientCode,
                        TrackingStore.DeliveryRow::businessStatus)), found -> found.size() == 2);
        assertThat(statuses).containsEntry(SO_B, "03").containsEntry(UBND_B, "01");
        // each status is acknowledged on the far axis only after it was recorded here, so that comes a moment later
        Await.until(Duration.ofSeconds(30), axis::inboxEmpty, Boolean::booleanValue);
    }

    @Test
    void aDocumentsStatusesCrossTheLinkOneAtATimeInTheOrderTheyWereAccepted() throws Exception {
        // UBND tỉnh B writes, through the link, to this gateway's UBND
        String documentId = UBND_B + ",2026/12/07," + System.nanoTime() + "/UBND";
        axis.deliver("edoc", UBND_B, Packets.UBND, Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", UBND_B,
                List.of(Packets.UBND), documentId));
        VdxpClient ubnd = SampleSystems.ubnd(port);
        EdocHeader received = Await.until(Duration.ofSeconds(30), () -> take(ubnd, documentId),
                java.util.Objects::nonNull);

        // the UBND answers 01 then, at once, 03: both are accepted before either has crossed
        int before = axis.sent("status").size();
        for (StatusCode code : List.of(StatusCode.ARRIVED, StatusCode.ACCEPTED)) {
            VdxpClient.Answer answer = ubnd.sendEdoc(Packets.status(work, received, Packets.UBND, code), "status",
                    Packets.UBND);
            assertThat(answer.ok()).as(answer.json().toString()).isTrue();
        }
        List<FakeAxis.Sent> crossed = Await.until(Duration.ofSeconds(30), () -> axis.sent("status"),
                sent -> sent.size() >= before + 2).subList(before, before + 2);
        List<String> codes = crossed.stream().map(s -> statusCode(s.packet())).toList();
        assertThat(codes).containsExactly("01", "03");
        assertThat(crossed.get(1).began()).isAfterOrEqualTo(crossed.get(0).ended());
        assertThat(axis.mostInFlight.get()).isEqualTo(1);
    }

    @Test
    void aFailingLinkRaisesOneAlertNotOnePerAgencyBehindIt() throws Exception {
        String docId = sendPacket(SampleSystems.tinhUy(port), Packets.document(work, "vpcp-sdk-example/edoc_new.edxml",
                Packets.TINH_UY, List.of(UBND_C, SO_C), newDocumentId(Packets.TINH_UY, "-CV/VPTU")), Packets.TINH_UY);
        // the hand-off has failed (the axis does not answer) and the link is failing
        Await.until(Duration.ofSeconds(30), () -> tracking.deliveriesOf(docId),
                deliveries -> deliveries.stream().anyMatch(d -> d.attempts() > 0));
        List<Alerts.Alert> current = Await.until(Duration.ofSeconds(30), alerts::current,
                found -> found.stream().anyMatch(a -> a.code().equals("LINK_FAILING")));

        assertThat(current).filteredOn(a -> a.code().equals("LINK_FAILING")).singleElement()
                .satisfies(a -> {
                    assertThat(a.subject()).isEqualTo(DOWN_LINK);
                    assertThat(a.message()).contains(DOWN_LINK, "văn bản chờ chuyển");
                });
        assertThat(current).noneMatch(a -> a.subject().equals(UBND_C) || a.subject().equals(SO_C));
    }

    /** Takes the document with this DocumentId from the system's inbox, acknowledged; null while it is not there. */
    private static EdocHeader take(VdxpClient system, String documentId) throws Exception {
        for (JsonNode entry : system.getReceivedEdocList("edoc").data()) {
            String docId = entry.path("docId").asText();
            EdocHeader header = (EdocHeader) Packets.header(VdxpClient.decodeEdoc(system.getEdoc(docId)));
            if (documentId.equals(header.messageHeader().documentId())) {
                assertThat(system.updateStatus(docId, "done").ok()).isTrue();
                return header;
            }
        }
        return null;
    }

    private static String statusCode(byte[] packet) {
        try {
            return ((StatusHeader) Packets.header(packet)).statusCode().trim();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
