package org.steppewatch.notification.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.notification.secrets.SecretBox;
import org.steppewatch.testsupport.TestMongoDatabase;

/** The generated key, kept in MongoDB under the secrets key. */
class GeneratedSigningKeyTest {

    private TestMongoDatabase database;

    @BeforeEach
    void connect() {
        database = TestMongoDatabase.open("generated-signing-key");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private CapSigningKeys keys(SecretBox box) {
        return new CapSigningKeys(database.template(), box, Clock.systemUTC(), new CapSigningProperties(null));
    }

    @Test
    void itsPrivateHalfIsStoredEncryptedAndFollowsARotationOfTheSecretsKey() {
        byte[] oldKey = new byte[32];
        byte[] newKey = new byte[32];
        Arrays.fill(newKey, (byte) 1);
        SecretBox before = SecretBox.of(oldKey);
        String kid = keys(before).active().kid();
        Document stored = database.template().findById(kid, Document.class, CapSigningKeys.COLLECTION);
        assertThat(stored.getString("privateKey")).startsWith("enc1:" + before.currentKeyId() + ":");
        assertThat(stored.getString("publicKey")).startsWith("-----BEGIN PUBLIC KEY-----");

        // the secrets key rotates: one start with both keys, then the old one can go
        keys(SecretBox.of(newKey, List.of(oldKey)));
        SecretBox after = SecretBox.of(newKey);
        assertThat(database.template().findById(kid, Document.class, CapSigningKeys.COLLECTION).getString("privateKey"))
                .startsWith("enc1:" + after.currentKeyId() + ":");
        assertThat(keys(after).active().kid()).isEqualTo(kid);
    }
}
