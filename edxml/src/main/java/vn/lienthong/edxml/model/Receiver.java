package vn.lienthong.edxml.model;

/** A recipient change in an update: ReceiverType 0 removed from the recipients, 1 newly added. */
public record Receiver(String organId, String receiverType) {
}
