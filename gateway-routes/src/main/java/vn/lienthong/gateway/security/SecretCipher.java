package vn.lienthong.gateway.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Systems' secrets as the database holds them: AES-256-GCM under a key that lives outside the database (an
 * environment variable or a file), bound to the system id (so a stored value copied onto another system's row
 * does not open it). Stored form: {@code gcm1:<key id>:<base64 of iv and ciphertext>}, the key id being the first
 * 8 hex digits of the key's SHA-256, so that values under a previous key are recognised and re-encrypted.
 */
public final class SecretCipher {

    static final String PREFIX = "gcm1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, byte[]> keys = new LinkedHashMap<>();

    /** {@code current} encrypts; {@code previous} keys (may be empty) still decrypt, for rotation. */
    public SecretCipher(byte[] current, List<byte[]> previous) {
        this.currentId = keyId(check(current));
        keys.put(currentId, current.clone());
        for (byte[] key : previous) {
            keys.putIfAbsent(keyId(check(key)), key.clone());
        }
    }

    public String encrypt(String systemId, String secret) {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentId), iv, systemId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + currentId + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * The secret stored for {@code systemId}.
     *
     * @throws IllegalArgumentException when it is not sealed (plain text written into the database), was sealed
     *                                  under an unknown key or for another system, or was altered
     */
    public String decrypt(String systemId, String stored) {
        if (!isSealed(stored)) {
            throw new IllegalArgumentException("secret of " + systemId + " is not sealed");
        }
        int colon = stored.indexOf(':', PREFIX.length());
        byte[] key = colon < 0 ? null : keys.get(stored.substring(PREFIX.length(), colon));
        if (key == null) {
            throw new IllegalArgumentException("secret of " + systemId + " sealed under an unknown key");
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(sealed, 12), systemId);
            return new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("secret of " + systemId + " does not open (altered, or another system's)");
        }
    }

    /** Whether a stored value is sealed at all (values written before encryption existed are not). */
    public static boolean isSealed(String stored) {
        return stored.startsWith(PREFIX);
    }

    /** Whether a stored value is sealed under the current key (else the startup re-encrypts it). */
    public boolean isCurrent(String stored) {
        return stored.startsWith(PREFIX + currentId + ":");
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, String systemId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(("lienthong-system-secret:" + systemId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] check(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("the secrets key must be 32 bytes (base64 of 32 random bytes)");
        }
        return key;
    }

    static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
