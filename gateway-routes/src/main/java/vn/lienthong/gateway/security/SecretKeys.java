package vn.lienthong.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the key that seals systems' secrets comes from ({@code gateway.secrets.*}): the base64 text of 32 random
 * bytes in {@code key} (an environment variable) or in the file {@code key-file}. The embedded default creates
 * {@code <data-dir>/secrets.key} (owner-only) on its first start; the production profile never creates one: a
 * cluster's nodes must share the same key, so a missing key stops the start.
 */
public final class SecretKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SecretKeys.class);

    private SecretKeys() {
    }

    public static SecretCipher load(String key, String keyFile, String previousKeyFile, boolean mayCreate) {
        byte[] current;
        if (key != null && !key.isBlank()) {
            current = decode("gateway.secrets.key", key);
        } else if (keyFile != null && !keyFile.isBlank()) {
            Path file = Path.of(keyFile);
            if (!Files.exists(file)) {
                if (!mayCreate) {
                    throw new IllegalStateException("gateway.secrets.key-file " + file + " không tồn tại (does not exist):"
                            + " tạo bằng 'openssl rand -base64 32 > " + file + "' và dùng chung cho mọi nút (share it)");
                }
                create(file);
            }
            current = decode("gateway.secrets.key-file " + file, read(file));
        } else {
            throw new IllegalStateException("gateway.secrets.key hoặc gateway.secrets.key-file là bắt buộc"
                    + " (the key that seals systems' secrets is required)");
        }
        List<byte[]> previous = new ArrayList<>();
        if (previousKeyFile != null && !previousKeyFile.isBlank()) {
            previous.add(decode("gateway.secrets.previous-key-file", read(Path.of(previousKeyFile))));
        }
        return new SecretCipher(current, previous);
    }

    private static void create(Path file) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the secrets key " + file, e);
        }
        LOG.info("Đã tạo khóa niêm phong khóa bí mật của hệ thống (created the secrets key) {}", file);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secrets key " + file, e);
        }
    }

    private static byte[] decode(String where, String text) {
        try {
            byte[] key = Base64.getDecoder().decode(text.trim());
            if (key.length != 32) {
                throw new IllegalStateException(where + ": cần 32 byte ngẫu nhiên dạng base64 (must be base64 of 32 bytes)");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": không phải base64 (not base64)");
        }
    }
}
