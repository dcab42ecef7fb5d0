package vn.lienthong.gateway.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/** Waits for an observable state with Awaitility; tests call {@code Awaitility.await()} directly. */
public final class Await {

    private Await() {
    }

    public static <T> T until(Duration timeout, Callable<T> probe, Predicate<T> done) {
        return Awaitility.await().atMost(timeout).until(probe, done);
    }
}
