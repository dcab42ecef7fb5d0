/**
 * The gateway's outbound push: each delivery to a recipient configured for push is POSTed to its REST
 * endpoint ({@link vn.lienthong.adapters.push.RestPushClient}) or sent to its SOAP endpoint, which
 * implements {@link vn.lienthong.adapters.push.LienthongReceiver}
 * ({@link vn.lienthong.adapters.push.SoapPushClient}). The delivery id is the recipient's idempotency key:
 * a redelivered push carries the same id. {@link vn.lienthong.adapters.push.ReceiverEndpoints} is the
 * receiving side, for integrators and for tests.
 */
package vn.lienthong.adapters.push;
