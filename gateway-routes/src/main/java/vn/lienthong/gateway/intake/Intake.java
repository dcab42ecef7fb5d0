package vn.lienthong.gateway.intake;

import java.util.ArrayList;
import java.util.List;

import vn.lienthong.adapters.exchange.ExchangeService.CallerSystem;
import vn.lienthong.adapters.exchange.SpooledPacket;
import vn.lienthong.edxml.model.PacketHeader;
import vn.lienthong.gateway.tracking.TrackingStore;

/**
 * One packet on its way through the intake route: what came in, and what each step found out. It is the
 * body of the Camel exchange from the adapter's call to the DocId answer.
 */
public final class Intake {

    final CallerSystem caller;
    final String messageType;
    final SpooledPacket packet;
    final String channel;
    /** The link the packet was taken from; null for a packet a system sent here. */
    String viaLink;

    PacketHeader header;
    /** Retired codes the packet addresses, each with the successor that receives in its place. */
    final java.util.Map<String, String> retiredRecipients = new java.util.LinkedHashMap<>();
    /** The sender's retirement when a retired code sends a status (allowed on documents from before it). */
    vn.lienthong.gateway.directory.AgencyRetirements.Retirement retiredSender;
    /** Every recipient agency, each once, in the order the packet names them. */
    final List<String> recipients = new ArrayList<>();
    /** The original document a status, revocation, update or replacement concerns, when known. */
    TrackingStore.DocumentRow original;
    String signatureStatus;
    String signer;
    String dedupKey;
    String storedSha256;
    long storedSize;
    /** The DocId answered: a new one, or the one of the earlier identical submission. */
    String docId;
    boolean duplicate;
    final List<TrackingStore.NewDelivery> deliveries = new ArrayList<>();
    /** What the PDF signatures in its attachments say. */
    vn.lienthong.gateway.signatures.PdfSignatureInspection.Result pdfSignatures;

    public Intake(CallerSystem caller, String messageType, SpooledPacket packet, String channel) {
        this.caller = caller;
        this.messageType = messageType;
        this.packet = packet;
        this.channel = channel;
    }

    /** Marks the packet as taken from a link's inbox (what may be routed back through that link is not). */
    public Intake fromLink(String linkId) {
        this.viaLink = linkId;
        return this;
    }

    public String docId() {
        return docId;
    }

    public boolean duplicate() {
        return duplicate;
    }

    public List<TrackingStore.NewDelivery> deliveries() {
        return deliveries;
    }

    /** The edXML Priority 0..4 its deliveries carry (a status inherits its document's). */
    public int priority() {
        if (header instanceof vn.lienthong.edxml.model.EdocHeader edoc) {
            return edoc.messageHeader().priorityLevel();
        }
        return original == null ? 0 : original.priority();
    }

    /** Retired codes the packet addressed, each with the successor it was delivered to (the sender is told). */
    public java.util.Map<String, String> retiredRecipients() {
        return java.util.Collections.unmodifiableMap(retiredRecipients);
    }

    public PacketHeader header() {
        return header;
    }
}
