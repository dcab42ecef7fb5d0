package vn.lienthong.gateway.exchange;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;

/**
 * Lets a fixed number of packets through the intake's checks at once; the others wait their turn, first come
 * first served. The checks are CPU work (parsing, signatures, PDFs): sixteen of them at once on two cores take as
 * long in all as two at a time, but they hold the processors in turns so finely that every short call (an inbox
 * list, a getEdoc, an acknowledgement) and the JIT compiler wait behind them. The packet has already been
 * received into the spool when it waits here, so a slow sender holds no permit.
 */
public final class IntakeGate {

    private final Semaphore permits;

    public IntakeGate(int atOnce) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("atOnce must be >= 1");
        }
        this.permits = new Semaphore(atOnce, true);
    }

    public <T> T through(Supplier<T> intake) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(GatewayError.INTERNAL_ERROR, "bị ngắt khi chờ tiếp nhận (interrupted)");
        }
        try {
            return intake.get();
        } finally {
            permits.release();
        }
    }
}
