package vn.lienthong.adapters.push;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;

/** What both push clients check and how they word a failure. */
final class PushSupport {

    private PushSupport() {
    }

    static URI endpoint(PushTarget target, PushTarget.Mode expected) throws PushException {
        if (target.mode() != expected) {
            throw new PushException(PushException.Kind.CONFIGURATION,
                    "Sai kiểu điểm nhận: " + target.mode() + " (this client pushes " + expected + ")", null);
        }
        try {
            URI uri = new URI(target.endpointUrl());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new URISyntaxException(target.endpointUrl(), "not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new PushException(PushException.Kind.CONFIGURATION,
                    "Địa chỉ điểm nhận không hợp lệ: " + target.endpointUrl() + " (" + e.getMessage() + ")", e);
        }
    }

    static void checkPacket(PushMessage message) throws PushException {
        long actual;
        try {
            actual = Files.size(message.packetFile());
        } catch (IOException e) {
            throw new PushException(PushException.Kind.PACKET,
                    "Không đọc được gói tin " + message.docId() + " (packet file unreadable: " + e + ")", e);
        }
        if (actual != message.size()) {
            throw new PushException(PushException.Kind.PACKET, "Gói tin " + message.docId() + " có " + actual
                    + " byte, khác " + message.size() + " byte đã ghi nhận (packet size mismatch)", null);
        }
    }

    /** The HTTP headers proving the push ({@link PushProof}); none when the target has no secret. */
    static java.util.Map<String, String> proof(PushTarget target, PushMessage message) throws PushException {
        if (target.secret() == null) {
            return java.util.Map.of();
        }
        PushMessage hashed = message;
        if (message.sha256() == null) {
            try (var in = Files.newInputStream(message.packetFile())) {
                java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
                hashed = message.withSha256(java.util.HexFormat.of().formatHex(digest.digest()));
            } catch (IOException e) {
                throw new PushException(PushException.Kind.PACKET,
                        "Không đọc được gói tin " + message.docId() + " (packet file unreadable: " + e + ")", e);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return PushProof.headers(hashed, target.secret(), java.time.Instant.now());
    }

    /**
     * The push's result within {@code bound}: a push still running then is cancelled and is a timeout; an
     * interrupted wait cancels it too. A failure of the push itself is the caller's to word.
     */
    static <T> T await(java.util.concurrent.Future<T> push, Duration bound, PushTarget target)
            throws PushException, java.util.concurrent.ExecutionException {
        try {
            return push.get(bound.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            push.cancel(true);
            throw timeout(target, e);
        } catch (InterruptedException e) {
            push.cancel(true);
            Thread.currentThread().interrupt();
            throw new PushException(PushException.Kind.UNREACHABLE, "Bị ngắt khi đang gửi (interrupted)", e);
        }
    }

    /** A push that failed in a way no other wording covers. */
    static PushException failed(Throwable cause) {
        return new PushException(PushException.Kind.PROTOCOL,
                "Lỗi khi gửi tới bên nhận (push failed: " + cause + ")", cause);
    }

    static PushException timeout(PushTarget target, Throwable cause) {
        return new PushException(PushException.Kind.TIMEOUT, "Bên nhận không trả lời trong " + human(target.timeout())
                + " (no answer within " + target.timeout() + ")", cause);
    }

    static PushException httpStatus(int status, String detail) {
        String suffix = detail == null || detail.isBlank() ? "" : ": " + abbreviate(detail);
        if (status >= 500) {
            return new PushException(PushException.Kind.SERVER_ERROR,
                    "Bên nhận trả về HTTP " + status + " (receiver answered HTTP " + status + ")" + suffix, status, null);
        }
        if (status >= 400) {
            return new PushException(PushException.Kind.CLIENT_ERROR, "Bên nhận từ chối với HTTP " + status
                    + "; sẽ gửi lại nhưng cần kiểm tra cấu hình điểm nhận (receiver answered HTTP " + status
                    + ", a client error: retried, but check the recipient's endpoint configuration)" + suffix,
                    status, null);
        }
        return new PushException(PushException.Kind.PROTOCOL, "Bên nhận trả về HTTP " + status
                + " không mong đợi (unexpected HTTP " + status + "; redirects are not followed)" + suffix, status, null);
    }

    /**
     * A failure below HTTP: the first recognisable cause decides (timeout, connection, other I/O). An I/O
     * error that ends a call as old as the timeout is the timeout (CXF reports an upload cut off by its
     * request timeout as "Pipe closed").
     *
     * @return null when the chain holds nothing the push recognises
     */
    static PushException transport(PushTarget target, Throwable failure, Duration elapsed) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException || t instanceof HttpTimeoutException
                    || t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return timeout(target, failure);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException) {
                return new PushException(PushException.Kind.UNREACHABLE, "Không kết nối được bên nhận "
                        + target.endpointUrl() + " (cannot connect: " + t + ")", failure);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException && elapsed.compareTo(target.timeout()) >= 0) {
                return timeout(target, failure);
            }
            if (t instanceof IOException) {
                return new PushException(PushException.Kind.UNREACHABLE, "Lỗi đường truyền khi gửi tới bên nhận "
                        + target.endpointUrl() + " (I/O error: " + t + ")", failure);
            }
        }
        return null;
    }

    static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }

    private static String human(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " giây" : millis + " ms";
    }
}
