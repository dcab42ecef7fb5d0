package vn.lienthong.gateway.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Polls a condition until it holds or a deadline passes: synchronisation on an observable state, not on time. */
public final class Await {

    private Await() {
    }

    public static <T> T until(Duration timeout, Callable<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.call();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("điều kiện không đạt sau " + timeout + " (condition not met); last: " + value);
            }
            Thread.sleep(50); // polling interval between probes of the real state
            value = probe.call();
        }
        return value;
    }
}
