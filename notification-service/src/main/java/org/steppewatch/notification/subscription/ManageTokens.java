package org.steppewatch.notification.subscription;

import java.security.SecureRandom;
import java.util.Base64;

import org.steppewatch.notification.secrets.SecretBox;

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
        return SecretBox.hash(token);
    }

    static boolean matches(String token, String storedHash) {
        return storedHash != null && SecretBox.matches(token, java.util.List.of(storedHash));
    }
}
