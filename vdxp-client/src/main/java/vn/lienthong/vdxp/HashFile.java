package vn.lienthong.vdxp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SDK's {@code hash-file}: SHA-256 of the packet written byte by byte in lower-case hex WITHOUT zero
 * padding (0x05 is "5"), so usually shorter than 64 characters. Reproduced exactly, since it is what the
 * signed header carries and what protects the body.
 */
public final class HashFile {

    private HashFile() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The SDK's unpadded hex of a digest. */
    public static String unpaddedHex(byte[] digest) {
        StringBuilder text = new StringBuilder(64);
        for (byte b : digest) {
            text.append(Integer.toHexString(b & 0xff));
        }
        return text.toString();
    }

    /** Whether a received hash-file value names this digest (the SDK's form, or ordinary padded hex). */
    public static boolean matches(String received, byte[] digest) {
        if (received == null) {
            return false;
        }
        String value = received.trim().toLowerCase(java.util.Locale.ROOT);
        return value.equals(unpaddedHex(digest)) || value.equals(java.util.HexFormat.of().formatHex(digest));
    }
}
