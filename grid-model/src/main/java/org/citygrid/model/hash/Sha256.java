package org.citygrid.model.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests, the one helper every module uses: stored key and token hashes, content hashes
 * of photos and watched files, and deterministic ids derived from text. Text is hashed as UTF-8.
 * Hex digests are 64 lower-case characters.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** The digest of {@code bytes}: 32 bytes. */
    public static byte[] digest(byte[] bytes) {
        return newDigest().digest(bytes);
    }

    /** The digest of {@code text} encoded as UTF-8: 32 bytes. */
    public static byte[] digest(String text) {
        return digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest of {@code bytes} as 64 lower-case hex characters. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }

    /** The digest of {@code text} encoded as UTF-8, as 64 lower-case hex characters. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh digest, for callers that feed it in parts. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // the Java SE specification requires every runtime to provide SHA-256
            throw new IllegalStateException("this Java runtime lacks SHA-256", e);
        }
    }
}
