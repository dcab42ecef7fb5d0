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
 */
public record PushMessage(String deliveryId, String docId, String messageType, String fromCode, String toCode,
                          Path packetFile, long size) {

    public PushMessage {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(docId, "docId");
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(packetFile, "packetFile");
    }
}
