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
    /** A Mac per sending thread: looking one up for every delivery costs more than the HMAC of a small body. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(HMAC);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    });

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
        return sign(messageId, timestampSeconds, WebhookBody.of(body));
    }

    /** The same, over the body's parts as they are (no copy of the body). */
    String sign(String messageId, long timestampSeconds, WebhookBody body) {
        Mac mac = MACS.get();
        try {
            mac.init(key);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("any key suits HmacSHA256", e);
        }
        mac.update((messageId + "." + timestampSeconds + ".").getBytes(UTF_8));
        body.parts().forEach(mac::update);
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal());
    }
}
