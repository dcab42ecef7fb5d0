package vn.lienthong.adapters.push;

/** Pushes each delivery with the client for its target's mode. */
public final class RoutingPushClient implements PushClient, AutoCloseable {

    private final RestPushClient rest;
    private final SoapPushClient soap;

    public RoutingPushClient(RestPushClient rest, SoapPushClient soap) {
        this.rest = rest;
        this.soap = soap;
    }

    /** A REST client and a SOAP client with its own bus. */
    public RoutingPushClient() {
        this(new RestPushClient(), new SoapPushClient());
    }

    @Override
    public void push(PushTarget target, PushMessage message) throws PushException {
        switch (target.mode()) {
            case REST -> rest.push(target, message);
            case SOAP -> soap.push(target, message);
        }
    }

    @Override
    public void close() {
        soap.close();
    }
}
