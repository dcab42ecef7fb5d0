package vn.lienthong.gateway.links;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.adapters.exchange.ExchangeService;
import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.adapters.exchange.SpooledPacket;
import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.gateway.cluster.ClusterLeases;
import vn.lienthong.gateway.exchange.GatewayExchangeService;

/**
 * Pulls each link's inbox (documents, then statuses) and feeds every packet through this gateway's own intake.
 * The packet is acknowledged on the link only after it was durably accepted here ({@code done}), or refused
 * ({@code fail}, with the code and reason, kept for operators); a crash in between takes it again at the next
 * poll, and the intake's de-duplication answers the same DocId. With several nodes, a node polls a link only
 * while it holds the link's cluster lease ({@code link-poll:<id>}).
 */
public class LinkPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LinkPoller.class);
    private static final List<String> MESSAGE_TYPES = List.of("edoc", "status");

    private final LinkRepository links;
    private final LinkClients clients;
    private final GatewayExchangeService exchange;
    private final LinkProperties properties;
    private final Path spoolDir;
    private final ClusterLeases leases;

    public LinkPoller(LinkRepository links, LinkClients clients, GatewayExchangeService exchange,
                      LinkProperties properties, Path spoolDir, ClusterLeases leases) {
        this.leases = leases;
        this.links = links;
        this.clients = clients;
        this.exchange = exchange;
        this.properties = properties;
        this.spoolDir = spoolDir;
    }

    /** One round: every enabled link this node holds (or can claim) is polled. */
    public void pollAll() {
        for (Link link : links.list()) {
            if (!link.enabled() || !leases.acquire(lease(link), properties.pollLease())) {
                continue;
            }
            links.markPolled(link.id());
            try {
                poll(link);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warn("Lấy hộp thư của liên kết không thành công (link poll failed) {}: {}", link.id(), e.toString());
                links.recordFailure(link.id(), "lấy hộp thư (poll): " + e);
            }
        }
    }

    private void poll(Link link) throws IOException, InterruptedException {
        VdxpClient client = clients.of(link);
        ExchangeService.CallerSystem caller = new ExchangeService.CallerSystem(link.callerId(), link.name(), "",
                links.agenciesBehind(link.id()));
        for (String messageType : MESSAGE_TYPES) {
            VdxpClient.Answer list = client.getReceivedEdocList(messageType);
            if (!list.ok()) {
                links.recordFailure(link.id(), "getReceivedEdocList: " + list.errorCode() + " " + list.errorDesc());
                return;
            }
            links.recordSuccess(link.id());
            for (JsonNode entry : list.data()) {
                take(link, client, caller, entry.path("docId").asText(), messageType);
            }
        }
    }

    private void take(Link link, VdxpClient client, ExchangeService.CallerSystem caller, String remoteDocId,
                      String messageType) throws IOException, InterruptedException {
        Optional<LinkRepository.Receipt> earlier = links.receipt(link.id(), remoteDocId);
        if (earlier.isPresent()) {
            acknowledge(client, earlier.get()); // taken before; its acknowledgement did not reach the link
            return;
        }
        HttpResponse<InputStream> response = client.downloadEdoc(remoteDocId);
        LinkRepository.Receipt receipt;
        try (InputStream body = response.body();
             SpooledPacket packet = SpooledPacket.spool(body, spoolDir, properties.maxPacketSize().toBytes())) {
            if (response.statusCode() != 200 || packet.size() == 0) {
                links.recordFailure(link.id(), "downloadEdoc " + remoteDocId + ": HTTP " + response.statusCode());
                return;
            }
            try {
                ExchangeService.Receipt accepted = exchange.submitFromLink(link.id(), caller,
                        new ExchangeService.Submission(messageType, packet, "LINK"));
                receipt = new LinkRepository.Receipt(link.id(), remoteDocId, messageType, accepted.docId(), null, null,
                        Instant.now());
                LOG.info("Nhận qua liên kết (taken from link) {} {} -> {}", link.id(), remoteDocId, accepted.docId());
            } catch (GatewayException refused) {
                if (refused.error() == GatewayError.INTERNAL_ERROR) {
                    LOG.warn("Chưa tiếp nhận được gói tin từ liên kết, thử lại lần sau (not accepted yet, retried"
                            + " at the next poll) {} {}: {}", link.id(), remoteDocId, refused.getMessage());
                    return;
                }
                receipt = new LinkRepository.Receipt(link.id(), remoteDocId, messageType, null,
                        refused.error().code(), refused.describe(), Instant.now());
                LOG.warn("Từ chối gói tin từ liên kết (refused a packet from link) {} {}: {}", link.id(), remoteDocId,
                        refused.getMessage());
            }
        }
        links.recordReceipt(receipt);
        acknowledge(client, receipt);
    }

    private void acknowledge(VdxpClient client, LinkRepository.Receipt receipt) throws IOException, InterruptedException {
        VdxpClient.Answer answer = receipt.accepted()
                ? client.updateStatus(receipt.remoteDocId(), "done")
                : client.updateStatus(receipt.remoteDocId(), "fail", "Mã lỗi " + receipt.errorCode() + ": " + receipt.reason());
        if (!answer.ok()) {
            LOG.warn("Liên kết không nhận xác nhận (the link did not take the acknowledgement) {} {}: {} {}",
                    receipt.linkId(), receipt.remoteDocId(), answer.errorCode(), answer.errorDesc());
        }
    }

    /** Gives up this node's leases, so that another node takes the links over at once. */
    @Override
    public void close() {
        for (Link link : links.list()) {
            leases.release(lease(link));
        }
    }

    private static String lease(Link link) {
        return "link-poll:" + link.id();
    }
}
