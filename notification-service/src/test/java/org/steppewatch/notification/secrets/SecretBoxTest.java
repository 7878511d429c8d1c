package org.steppewatch.notification.secrets;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static final byte[] KEY = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    private final SecretBox box = SecretBox.of(KEY);

    @Test
    void aSealedValueIsAes256GcmUnderTheDerivedKeyWithTheContextAsAssociatedData() throws Exception {
        String sealed = box.seal("whsec_abc", "subscription:s1:webhook-secret");

        // decrypted here with the JDK alone, from the documented format: enc1:<kid>:<base64url(nonce || ct || tag)>
        String[] parts = sealed.split(":");
        assertThat(parts).hasSize(3);
        assertThat(parts[0]).isEqualTo("enc1");
        assertThat(parts[1]).isEqualTo(box.currentKeyId()).matches("[0-9a-f]{8}");
        byte[] raw = Base64.getUrlDecoder().decode(parts[2]);
        // 12-byte nonce, 9 bytes of text, 16-byte tag
        assertThat(raw).hasSize(12 + 9 + 16);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(hmac(KEY, "steppewatch/aes-256-gcm"), "AES"),
                new GCMParameterSpec(128, raw, 0, 12));
        cipher.updateAAD("subscription:s1:webhook-secret".getBytes(UTF_8));
        assertThat(new String(cipher.doFinal(raw, 12, raw.length - 12), UTF_8)).isEqualTo("whsec_abc");
        assertThat(box.open(sealed, "subscription:s1:webhook-secret")).isEqualTo("whsec_abc");
    }

    @Test
    void everySealUsesAFreshNonce() {
        assertThat(box.seal("same", "c")).isNotEqualTo(box.seal("same", "c"));
    }

    @Test
    void aChangedValueAnotherDocumentOrAnUnknownKeyDoNotOpen() {
        String sealed = box.seal("whsec_abc", "subscription:s1:webhook-secret");
        // a character inside the base64 (the last one may carry only padding bits, which decoders ignore)
        int at = sealed.lastIndexOf(':') + 20;
        String changed = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
        assertThatThrownBy(() -> box.open(changed, "subscription:s1:webhook-secret"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open(sealed, "subscription:s2:webhook-secret"))
                .isInstanceOf(IllegalStateException.class);
        byte[] other = new byte[32];
        assertThatThrownBy(() -> SecretBox.of(other).open(sealed, "subscription:s1:webhook-secret"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(box.currentKeyId());
    }

    @Test
    void tokensAreStableSecretAndPerPurpose() throws Exception {
        String token = box.token(box.currentKeyId(), "unsubscribe", "s1");
        assertThat(token).isEqualTo(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac(hmac(KEY, "steppewatch/tokens"), "unsubscribe\ns1")));
        assertThat(box.token(box.currentKeyId(), "confirm", "s1")).isNotEqualTo(token);
        assertThat(SecretBox.matches(token, List.of("00", SecretBox.hash(token)))).isTrue();
        assertThat(SecretBox.matches(token + "x", List.of(SecretBox.hash(token)))).isFalse();
        // SHA-256 of "abc", FIPS 180-2 appendix B.1
        assertThat(SecretBox.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void withoutAConfiguredKeyAnOwnerOnlyKeyFileIsCreatedOnceAndReadAfterwards(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data").resolve("secret.key");
        SecretBox first = new SecretBox(new SecretsProperties(null, file.toString(), null));

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        SecretBox again = new SecretBox(new SecretsProperties(null, file.toString(), null));
        assertThat(again.currentKeyId()).isEqualTo(first.currentKeyId());
        assertThat(again.open(first.seal("x", "c"), "c")).isEqualTo("x");
    }

    @Test
    void aKeyOfTheWrongLengthStopsTheStart() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> new SecretBox(new SecretsProperties(shortKey, null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("16 bytes");
    }

    private static byte[] hmac(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(UTF_8));
    }
}
