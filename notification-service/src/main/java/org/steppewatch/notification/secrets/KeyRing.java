package org.steppewatch.notification.secrets;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys the service knows: the current one (which writes) and older ones (which are
 * only read). Each master key is never used directly: an encryption key, a token key and the key
 * id are derived from it with HMAC-SHA256 under distinct labels, so one purpose's output tells
 * nothing about another's.
 */
record KeyRing(String currentId, Map<String, Keys> keys) {

    static final int KEY_BYTES = 32;

    /** The keys derived from one master key. */
    record Keys(String id, SecretKeySpec encryption, SecretKeySpec tokens) {
    }

    static KeyRing of(byte[] current, List<byte[]> older) {
        Map<String, Keys> keys = new LinkedHashMap<>();
        Keys first = derive(current);
        keys.put(first.id(), first);
        for (byte[] old : older) {
            Keys k = derive(old);
            keys.putIfAbsent(k.id(), k);
        }
        return new KeyRing(first.id(), Map.copyOf(keys));
    }

    /** Base64 of exactly 32 bytes, or an exception that says what is wrong (never the value). */
    static byte[] decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not base64: give base64 of " + KEY_BYTES + " random bytes");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(where + " holds " + key.length + " bytes; an AES-256 key is " + KEY_BYTES);
        }
        return key;
    }

    private static Keys derive(byte[] master) {
        byte[] id = hmac(master, "steppewatch/key-id");
        return new Keys(HexFormat.of().formatHex(id, 0, 4),
                new SecretKeySpec(hmac(master, "steppewatch/aes-256-gcm"), "AES"),
                new SecretKeySpec(hmac(master, "steppewatch/tokens"), "HmacSHA256"));
    }

    static byte[] hmac(byte[] key, String label) {
        return hmac(new SecretKeySpec(key, "HmacSHA256"), label);
    }

    /** Looking a Mac up costs more than using it: one per thread (index loads derive 100,000 tokens). */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    });

    static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = MAC.get();
            mac.init(key);
            return mac.doFinal(message.getBytes(UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
