package vn.lienthong.gateway.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;

import org.springframework.core.io.ResourceLoader;

import vn.lienthong.gateway.exchange.ExchangeConfiguration;
import vn.lienthong.trust.evidence.CmsSigner;

/** The gateway's evidence key and what verifies its signatures. */
public record EvidenceKeys(CmsSigner signer, List<X509Certificate> trustAnchors,
                           List<X509Certificate> gatewayCertificates) {

    public static EvidenceKeys load(ResourceLoader resources, EvidenceProperties properties) {
        char[] password = properties.password().toCharArray();
        try (InputStream in = resources.getResource(properties.keystore()).getInputStream()) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String alias = Collections.list(store.aliases()).stream()
                    .filter(a -> a.equalsIgnoreCase(properties.alias()) && isKey(store, a)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("gateway.evidence.alias " + properties.alias()
                            + ": không có khóa (no key entry) in " + properties.keystore()));
            CmsSigner signer = CmsSigner.fromKeyStore(store, alias, password);
            return new EvidenceKeys(signer,
                    ExchangeConfiguration.trustAnchors(resources, properties.trustAnchors()),
                    List.of(signer.certificate()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the evidence key store " + properties.keystore() + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
