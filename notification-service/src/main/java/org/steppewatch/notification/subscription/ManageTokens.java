package org.steppewatch.notification.subscription;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The bearer token that lets a subscriber read or delete a subscription. Shown once; only its
 * SHA-256 is stored, so a leaked database does not hand out control of subscriptions.
 */
final class ManageTokens {

    private ManageTokens() {
    }

    static String generate(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    static boolean matches(String token, String storedHash) {
        // constant-time comparison of the digests
        return storedHash != null && MessageDigest.isEqual(sha256(token), HexFormat.of().parseHex(storedHash));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
