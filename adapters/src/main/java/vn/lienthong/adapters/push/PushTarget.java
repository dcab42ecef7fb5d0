package vn.lienthong.adapters.push;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how a recipient is pushed to.
 *
 * @param endpointUrl the recipient's absolute http(s) URL
 * @param mode        SOAP ({@link LienthongReceiver}) or REST (a POST of the packet)
 * @param timeout     the bound on one push: connecting, sending the packet and receiving the answer
 * @param secret      the key of the push's proof ({@link PushProof}): the recipient system's secret; null: no proof
 */
public record PushTarget(String endpointUrl, Mode mode, Duration timeout, String secret) {

    /** A target pushed to without a proof. */
    public PushTarget(String endpointUrl, Mode mode, Duration timeout) {
        this(endpointUrl, mode, timeout, null);
    }

    public enum Mode {
        SOAP, REST
    }

    public PushTarget {
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout phải dương (must be positive): " + timeout);
        }
    }

    @Override
    public String toString() {
        return "PushTarget[" + endpointUrl + ", " + mode + ", " + timeout + (secret == null ? "" : ", secret=***") + "]";
    }
}
