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

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import vn.lienthong.adapters.vdxp.VdxpClient;

/**
 * The VDXP client of each link: the same client the CLI and the tests use, with the link's system id and secret,
 * and its TLS client certificate when it has one (the server is checked against the JVM's trust store). One
 * client per link setting, kept while the setting stands.
 */
public class LinkClients {

    private record Key(String endpoint, String systemId, String secret, String keystore, String password) {
    }

    private final LinkProperties properties;
    private final Map<Key, VdxpClient> clients = new ConcurrentHashMap<>();

    public LinkClients(LinkProperties properties) {
        this.properties = properties;
    }

    public VdxpClient of(Link link) {
        Key key = new Key(link.endpoint(), link.systemId(), link.secret(), link.clientKeystore(),
                link.clientKeystorePassword());
        return clients.computeIfAbsent(key, k -> new VdxpClient(URI.create(k.endpoint()), k.systemId(), k.secret(),
                sslContext(k), properties.callTimeout()));
    }

    private static SSLContext sslContext(Key key) {
        if (key.keystore() == null || key.keystore().isBlank()) {
            return null;
        }
        char[] password = key.password() == null ? new char[0] : key.password().toCharArray();
        try (InputStream in = Files.newInputStream(Path.of(key.keystore()))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("không đọc được chứng thư máy khách của liên kết (cannot load the link's"
                    + " client certificate) " + key.keystore() + ": " + e.getMessage(), e);
        }
    }
}
