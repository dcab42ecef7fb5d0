package vn.lienthong.trust.certificates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.time.Duration;
import java.util.Locale;

/**
 * Plain HTTP GET and POST with every wait bounded: connect timeout, read timeout per read, a deadline for the
 * whole body and a size limit. Revocation data only (CRLs, OCSP), so only {@code http} and {@code https}.
 */
final class BoundedHttp {

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration totalTimeout;
    private final int maxBytes;

    BoundedHttp(Duration connectTimeout, Duration readTimeout, Duration totalTimeout, int maxBytes) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.totalTimeout = totalTimeout;
        this.maxBytes = maxBytes;
    }

    static boolean isHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    }

    byte[] get(URI uri) throws IOException {
        return exchange(uri, null, null, null);
    }

    byte[] post(URI uri, String contentType, String accept, byte[] body) throws IOException {
        return exchange(uri, contentType, accept, body);
    }

    private byte[] exchange(URI uri, String contentType, String accept, byte[] body) throws IOException {
        if (!isHttp(uri)) {
            throw new IOException("not an http(s) URL: " + uri);
        }
        long deadline = System.nanoTime() + totalTimeout.toNanos();
        URLConnection opened = uri.toURL().openConnection();
        HttpURLConnection connection = (HttpURLConnection) opened;
        try {
            connection.setConnectTimeout(millis(connectTimeout));
            connection.setReadTimeout(millis(readTimeout));
            connection.setUseCaches(false);
            connection.setInstanceFollowRedirects(true);
            if (accept != null) {
                connection.setRequestProperty("Accept", accept);
            }
            if (body != null) {
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", contentType);
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("HTTP " + status + " from " + uri);
            }
            long declared = connection.getContentLengthLong();
            if (declared > maxBytes) {
                throw new IOException("response of " + declared + " bytes exceeds the limit of " + maxBytes
                        + " from " + uri);
            }
            try (InputStream in = connection.getInputStream()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
                byte[] buffer = new byte[16384];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (bytes.size() + n > maxBytes) {
                        throw new IOException("response exceeds the limit of " + maxBytes + " bytes from " + uri);
                    }
                    bytes.write(buffer, 0, n);
                    if (System.nanoTime() - deadline > 0) {
                        throw new IOException("response took longer than " + totalTimeout + " from " + uri);
                    }
                }
                return bytes.toByteArray();
            }
        } finally {
            connection.disconnect();
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }
}
