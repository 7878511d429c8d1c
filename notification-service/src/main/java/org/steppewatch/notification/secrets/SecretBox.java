package org.steppewatch.notification.secrets;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.stereotype.Component;

/**
 * Secrets at rest: AES-256-GCM with a random 96-bit nonce per value, stored as
 * {@code enc1:<key id>:<base64url(nonce || ciphertext || tag)>}. The key id says which master key
 * wrote a value, so keys can rotate: the current key writes, older ones still read. Each value is
 * bound to where it is stored (the {@code context}, GCM's associated data), so a value copied into
 * another document does not decrypt. Also derives per-purpose tokens (HMAC-SHA256) from the same
 * master key, so a token can be put in a message without being stored.
 */
@Component
public class SecretBox {

    private static final String PREFIX = "enc1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** One per thread: looking a Cipher up costs more than a short decryption. */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is unavailable", e);
        }
    });

    private final KeyRing ring;
    private final SecureRandom random = new SecureRandom();

    @org.springframework.beans.factory.annotation.Autowired
    SecretBox(SecretsProperties properties) {
        this(KeyRingLoader.load(properties));
    }

    private SecretBox(KeyRing ring) {
        this.ring = ring;
    }

    /** A box with one key, for tests and tools. */
    public static SecretBox of(byte[] key) {
        return new SecretBox(KeyRing.of(key, java.util.List.of()));
    }

    /** A box writing with {@code current} and still reading {@code older} (a rotation). */
    public static SecretBox of(byte[] current, java.util.List<byte[]> older) {
        return new SecretBox(KeyRing.of(current, older));
    }

    /** The id of the key new values are written with. */
    public String currentKeyId() {
        return ring.currentId();
    }

    public Set<String> knownKeyIds() {
        return ring.keys().keySet();
    }

    /** True for a value this class wrote (with any key); false for a plaintext stored before encryption. */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The id of the key that wrote {@code stored}, or null for a plaintext. */
    public static String keyIdOf(String stored) {
        if (!isSealed(stored)) {
            return null;
        }
        int end = stored.indexOf(':', PREFIX.length());
        return end < 0 ? null : stored.substring(PREFIX.length(), end);
    }

    public String seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, ring.keys().get(ring.currentId()).encryption(),
                    new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + ring.currentId() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is unavailable", e);
        }
    }

    /**
     * @throws IllegalStateException when the value was written with a key this service does not have,
     *                               or does not decrypt (a wrong key, a changed value, another context)
     */
    public String open(String stored, String context) {
        String keyId = keyIdOf(stored);
        if (keyId == null) {
            throw new IllegalArgumentException("not a sealed value");
        }
        KeyRing.Keys keys = ring.keys().get(keyId);
        if (keys == null) {
            throw new IllegalStateException(unknownKey(keyId));
        }
        byte[] in = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length() + keyId.length() + 1));
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, keys.encryption(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a secret stored for " + context + " does not decrypt with key " + keyId
                    + ": it was changed, or written by another key with the same id", e);
        }
    }

    /**
     * A token for {@code purpose} and {@code subject} (base64url of 256 bits), derived from the key
     * {@code keyId}: the same inputs always give the same token, and nobody without the key can
     * compute one.
     */
    public String token(String keyId, String purpose, String subject) {
        KeyRing.Keys keys = ring.keys().get(keyId);
        if (keys == null) {
            throw new IllegalStateException(unknownKey(keyId));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(KeyRing.hmac(keys.tokens(), purpose + "\n" + subject));
    }

    /** What is stored of a token: hex SHA-256. */
    public static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    /** Compares in constant time (for a given number of hashes). */
    public static boolean matches(String token, Iterable<String> storedHashes) {
        if (token == null || storedHashes == null) {
            return false;
        }
        byte[] given = sha256(token);
        boolean found = false;
        for (String stored : storedHashes) {
            found |= stored != null && MessageDigest.isEqual(given, HexFormat.of().parseHex(stored));
        }
        return found;
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public String unknownKey(String keyId) {
        return "stored secrets were written with key " + keyId + ", which this service does not have (it has "
                + String.join(", ", ring.keys().keySet()) + "). Start it with that key: STEPPEWATCH_SECRET_KEY or the key file "
                + "(STEPPEWATCH_SECRET_KEY_FILE); when rotating, keep the old key in steppewatch.secrets.old-keys "
                + "or on a later line of the key file";
    }
}
