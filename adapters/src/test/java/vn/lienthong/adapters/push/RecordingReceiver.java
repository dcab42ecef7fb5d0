package vn.lienthong.adapters.push;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import jakarta.activation.DataHandler;

/** A receiver that keeps what it is given; it can also refuse, or hold the call until released. */
class RecordingReceiver implements LienthongReceiver {

    record Received(String deliveryId, String docId, String messageType, String from, String to, byte[] packet) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    /** When set, every call throws it (a SOAP fault / HTTP 500 to the caller). */
    volatile RuntimeException refusal;
    /** When set, a call counts {@link #entered} down, then waits for this latch before answering. */
    volatile CountDownLatch hold;
    final CountDownLatch entered = new CountDownLatch(1);
    /** Hold before reading the packet (a receiver that stops reading its request) instead of after. */
    volatile boolean holdBeforeReading;

    @Override
    public String receiveDocument(String deliveryId, String docId, String messageType, String from, String to,
                                  DataHandler packet) {
        if (holdBeforeReading) {
            waitForRelease();
        }
        byte[] bytes;
        try (InputStream in = packet.getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!holdBeforeReading) {
            waitForRelease();
        }
        if (refusal != null) {
            throw refusal;
        }
        received.add(new Received(deliveryId, docId, messageType, from, to, bytes));
        return "nhan-" + deliveryId;
    }

    private void waitForRelease() {
        if (hold != null) {
            entered.countDown();
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
