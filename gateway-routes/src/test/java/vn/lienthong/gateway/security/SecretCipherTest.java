package vn.lienthong.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The sealing of systems' secrets: AES-GCM bound to the system id, and a key rotation. */
class SecretCipherTest {

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void aSealedSecretOpensOnlyForItsOwnSystemAndKey() {
        SecretCipher cipher = new SecretCipher(key(), List.of());
        String sealed = cipher.encrypt("vpcp", "vpcp-secret-2026");
        assertThat(sealed).startsWith("gcm1:").doesNotContain("vpcp-secret-2026");
        assertThat(cipher.decrypt("vpcp", sealed)).isEqualTo("vpcp-secret-2026");
        assertThat(cipher.encrypt("vpcp", "vpcp-secret-2026")).as("a fresh IV each time").isNotEqualTo(sealed);

        assertThatThrownBy(() -> cipher.decrypt("qlvb-ubnd", sealed)).as("copied onto another system's row")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretCipher(key(), List.of()).decrypt("vpcp", sealed)).as("another key")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt("vpcp", "vpcp-secret-2026")).as("plain text written into the table")
                .isInstanceOf(IllegalArgumentException.class);
        String altered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> cipher.decrypt("vpcp", altered)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRotationOpensTheOldValuesAndSealsThemAgainUnderTheNewKey() {
        byte[] oldKey = key();
        String underOld = new SecretCipher(oldKey, List.of()).encrypt("vpcp", "vpcp-secret-2026");
        SecretCipher rotated = new SecretCipher(key(), List.of(oldKey));
        assertThat(rotated.isCurrent(underOld)).isFalse();
        assertThat(rotated.decrypt("vpcp", underOld)).isEqualTo("vpcp-secret-2026");
        String resealed = rotated.encrypt("vpcp", rotated.decrypt("vpcp", underOld));
        assertThat(rotated.isCurrent(resealed)).isTrue();
        assertThatThrownBy(() -> new SecretCipher(oldKey, List.of()).decrypt("vpcp", resealed))
                .as("the old key alone no longer opens it").isInstanceOf(IllegalArgumentException.class);
    }
}
