package vn.lienthong.gateway.links;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import vn.lienthong.vdxp.VdxpClient;

/**
 * The VDXP client of each link: the same client the CLI and the tests use, with the link's system id and secret,
 * and its TLS client certificate when it has one (mutual TLS). The linked axis's certificate is checked against
 * {@code gateway.links.trust-store} when set, else the JVM's trust store. One client per link setting, kept while
 * the setting stands.
 */
public class LinkClients {

    private record Key(String endpoint, String systemId, String secret, String keystore, String password) {
    }

    private final LinkProperties properties;
    private final Map<Key, VdxpClient> clients = new ConcurrentHashMap<>();
    private final TrustManager[] trustManagers;

    public LinkClients(LinkProperties properties) {
        this.properties = properties;
        this.trustManagers = trustManagers(properties);
    }

    public VdxpClient of(Link link) {
        Key key = new Key(link.endpoint(), link.systemId(), link.secret(), link.clientKeystore(),
                link.clientKeystorePassword());
        return clients.computeIfAbsent(key, k -> new VdxpClient(URI.create(k.endpoint()), k.systemId(), k.secret(),
                sslContext(k), properties.callTimeout()));
    }

    private SSLContext sslContext(Key key) {
        boolean clientCertificate = key.keystore() != null && !key.keystore().isBlank();
        if (!clientCertificate && trustManagers == null) {
            return null;
        }
        char[] password = key.password() == null ? new char[0] : key.password().toCharArray();
        try {
            KeyManager[] keyManagers = null;
            if (clientCertificate) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(Path.of(key.keystore()))) {
                    store.load(in, password);
                }
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, password);
                keyManagers = keys.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("không đọc được chứng thư máy khách của liên kết (cannot load the link's"
                    + " client certificate) " + key.keystore() + ": " + e.getMessage(), e);
        }
    }

    /** The trust managers of {@code gateway.links.trust-store}; null (the JVM's) when it is not set. */
    private static TrustManager[] trustManagers(LinkProperties properties) {
        if (properties.trustStore() == null) {
            return null;
        }
        char[] password = properties.trustStorePassword() == null ? new char[0]
                : properties.trustStorePassword().toCharArray();
        try (InputStream in = properties.trustStore().getInputStream()) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            return trust.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("không đọc được kho tin cậy của các liên kết (cannot load"
                    + " gateway.links.trust-store) " + properties.trustStore() + ": " + e.getMessage(), e);
        }
    }
}
