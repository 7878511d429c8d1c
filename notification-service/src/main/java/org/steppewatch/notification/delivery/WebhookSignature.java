package org.steppewatch.notification.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing: {@code v1,} + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)),
 * where the key is the base64-decoded part of the secret after {@code whsec_}.
 */
final class WebhookSignature {

    static final String SECRET_PREFIX = "whsec_";
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    private WebhookSignature(byte[] key) {
        this.key = new SecretKeySpec(key, HMAC);
    }

    /** @throws IllegalArgumentException when the secret is not whsec_ + base64 */
    static WebhookSignature forSecret(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
        }
        return new WebhookSignature(Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())));
    }

    /** The value of the {@code webhook-signature} header. */
    String sign(String messageId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            byte[] digest = mac.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
