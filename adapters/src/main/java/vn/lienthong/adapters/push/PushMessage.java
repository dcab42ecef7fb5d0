package vn.lienthong.adapters.push;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One delivery to push.
 *
 * @param deliveryId  the delivery's id: the same on every attempt, so the recipient's idempotency key
 * @param docId       the DocId of the packet
 * @param messageType {@code edoc} or {@code status}
 * @param fromCode    the sending agency's code
 * @param toCode      the recipient agency's code
 * @param packetFile  the stored packet, streamed as it is sent
 * @param size        the packet's length in bytes (checked against the file before sending)
 * @param sha256      the packet's SHA-256, lower-case hex, as the push's proof signs it; null: computed from the file
 */
public record PushMessage(String deliveryId, String docId, String messageType, String fromCode, String toCode,
                          Path packetFile, long size, String sha256) {

    /** A delivery whose packet's SHA-256 is computed when it is pushed with a proof. */
    public PushMessage(String deliveryId, String docId, String messageType, String fromCode, String toCode,
                       Path packetFile, long size) {
        this(deliveryId, docId, messageType, fromCode, toCode, packetFile, size, null);
    }

    public PushMessage {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(docId, "docId");
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(packetFile, "packetFile");
    }

    /** The same with its SHA-256 known. */
    public PushMessage withSha256(String value) {
        return new PushMessage(deliveryId, docId, messageType, fromCode, toCode, packetFile, size, value);
    }
}
