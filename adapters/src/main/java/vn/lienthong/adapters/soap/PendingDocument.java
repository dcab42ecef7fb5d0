package vn.lienthong.adapters.soap;

import java.time.Instant;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlSchemaType;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

import vn.lienthong.adapters.exchange.ExchangeService;

/** One packet waiting in the caller's inbox (listPending). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "PendingDocument",
        propOrder = {"docId", "messageType", "from", "to", "createdAt", "status", "priority", "size", "sha256"})
public class PendingDocument {

    @XmlElement(required = true)
    private String docId;
    @XmlElement(required = true)
    private String messageType;
    private String from;
    private String to;
    @XmlJavaTypeAdapter(InstantXmlAdapter.class)
    @XmlSchemaType(name = "dateTime")
    private Instant createdAt;
    private String status;
    private int priority;
    /** The packet's length in bytes, to check what getDocument returns. */
    private long size;
    /** The packet's SHA-256 (lower-case hex), to check what getDocument returns. */
    private String sha256;

    public PendingDocument() {
    }

    public static PendingDocument of(ExchangeService.InboxEntry entry) {
        PendingDocument item = new PendingDocument();
        item.docId = entry.docId();
        item.messageType = entry.messageType();
        item.from = entry.from();
        item.to = entry.to();
        item.createdAt = entry.createdAt();
        item.status = entry.processing() ? "processing" : "initial";
        item.priority = entry.priority();
        item.size = entry.size();
        item.sha256 = entry.sha256();
        return item;
    }

    public String getDocId() {
        return docId;
    }

    public void setDocId(String docId) {
        this.docId = docId;
    }

    public String getMessageType() {
        return messageType;
    }

    public void setMessageType(String messageType) {
        this.messageType = messageType;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public int getPriority() {
        return priority;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    public long getSize() {
        return size;
    }

    public void setSize(long size) {
        this.size = size;
    }

    public String getSha256() {
        return sha256;
    }

    public void setSha256(String sha256) {
        this.sha256 = sha256;
    }
}
