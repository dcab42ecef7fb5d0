package vn.lienthong.adapters.push;

/**
 * Pushes one delivery to a recipient's endpoint. Returning normally means the recipient acknowledged it
 * (REST: a 2xx answer; SOAP: a response, not a fault).
 *
 * <p>Recipients must treat {@link PushMessage#deliveryId()} as an idempotency key: after a timeout the
 * gateway cannot know whether the packet arrived, so it pushes again with the same delivery id, and the
 * recipient answers success without storing the packet twice.
 */
public interface PushClient {

    void push(PushTarget target, PushMessage message) throws PushException;
}
