package org.steppewatch.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.Severity;
import org.steppewatch.notification.secrets.SecretBox;
import org.steppewatch.testsupport.TestMongoDatabase;

/** Reads the delivery worker makes of subscriptions, and what is stored of their secrets, on the real MongoDB. */
class SubscriptionStoreTest {

    private static final byte[] KEY_A = new byte[32];
    private static final byte[] KEY_B = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            KEY_A[i] = (byte) i;
            KEY_B[i] = (byte) (100 + i);
        }
    }

    private TestMongoDatabase database;
    private SubscriptionStore store;

    @BeforeEach
    void connect() {
        database = TestMongoDatabase.open("subscription-store");
        store = new SubscriptionStore(database.template(), SecretBox.of(KEY_A));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Subscription subscription(String id, String state) {
        return new Subscription(id, id, new Document("settlementId", "gn:1521368"), Geo.point(63.3167, 45.6167),
                Subscription.WEBHOOK, "https://example.org/" + id, "whsec_" + id, null, "kk", Severity.MINOR, state,
                Instant.parse("2026-11-01T00:00:00Z"), "hash", null, null);
    }

    private Document raw(String id) {
        return database.template().findById(id, Document.class, SubscriptionStore.COLLECTION);
    }

    @Test
    void findsEveryRequestedSubscriptionWhateverTheStateAndHowManyAreAskedFor() {
        List<Subscription> stored = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            stored.add(subscription("s" + i, i % 50 == 0 ? Subscription.DELETED : Subscription.ACTIVE));
        }
        store.insertAll(stored);
        List<String> asked = new ArrayList<>(stored.stream().map(Subscription::id).toList());
        asked.add("s7");
        asked.add("unknown");

        List<Subscription> found = store.findForDelivery(asked);

        assertThat(found).extracting(Subscription::id).containsExactlyInAnyOrderElementsOf(
                stored.stream().map(Subscription::id).toList());
        Subscription s7 = found.stream().filter(s -> s.id().equals("s7")).findFirst().orElseThrow();
        assertThat(s7.url()).isEqualTo("https://example.org/s7");
        assertThat(s7.secret()).isEqualTo("whsec_s7");
        // 256 bits in base64url without padding: 43 characters
        assertThat(s7.unsubscribeToken()).matches("[A-Za-z0-9_-]{43}");
        assertThat(store.findWithToken("s7", SubscriptionStore.UNSUBSCRIBE, s7.unsubscribeToken())).isPresent();
        assertThat(found.stream().filter(s -> s.id().equals("s50")).findFirst().orElseThrow().state())
                .isEqualTo(Subscription.DELETED);
    }

    @Test
    void theStoredDocumentHoldsNeitherTheSecretNorAnyTokenInClear() {
        Subscription email = new Subscription("e1", "e1", new Document("settlementId", "gn:1521368"),
                Geo.point(63.3167, 45.6167), Subscription.EMAIL, null, null, "akim@example.org", "ru", Severity.MINOR,
                Subscription.PENDING_CONFIRMATION, Instant.parse("2026-11-01T00:00:00Z"), "hash", null, null);
        store.insert(subscription("w1", Subscription.ACTIVE));
        store.insert(email);
        Subscription webhook = store.find("w1").orElseThrow();
        Subscription mail = store.find("e1").orElseThrow();

        String webhookJson = raw("w1").toJson();
        assertThat(webhookJson).doesNotContain("whsec_w1").doesNotContain(webhook.unsubscribeToken());
        assertThat(raw("w1").get("channel", Document.class).getString("secret"))
                .startsWith("enc1:" + SecretBox.of(KEY_A).currentKeyId() + ":");
        String emailJson = raw("e1").toJson();
        assertThat(mail.confirmToken()).isNotBlank();
        assertThat(emailJson).doesNotContain(mail.confirmToken()).doesNotContain(mail.unsubscribeToken());
        // a confirmation token does not unsubscribe, nor the other way round
        assertThat(store.findWithToken("e1", SubscriptionStore.CONFIRM, mail.confirmToken())).isPresent();
        assertThat(store.findWithToken("e1", SubscriptionStore.UNSUBSCRIBE, mail.confirmToken())).isEmpty();
        assertThat(store.findWithToken("e1", SubscriptionStore.CONFIRM, mail.unsubscribeToken())).isEmpty();
        assertThat(store.findWithToken("w1", SubscriptionStore.UNSUBSCRIBE, mail.unsubscribeToken())).isEmpty();
    }

    @Test
    void plaintextStoredBeforeEncryptionIsEncryptedAtStartAndItsOldLinksStillWork() {
        database.template().insert(new Document("_id", "legacy").append("name", "Old council")
                .append("area", new Document("settlementId", "gn:1521368"))
                .append("geometry", new Document("type", "Point").append("coordinates", List.of(63.3167, 45.6167)))
                .append("channel", new Document("type", "webhook").append("url", "https://example.org/hook")
                        .append("secret", "whsec_plaintextFromBefore"))
                .append("language", "ru").append("minSeverity", "Minor").append("state", "ACTIVE")
                .append("createdAt", new Date()).append("updatedAt", new Date())
                .append("manageTokenHash", "00").append("unsubscribeToken", "old-unsubscribe-token")
                .append("confirmToken", null), SubscriptionStore.COLLECTION);

        SubscriptionStore restarted = new SubscriptionStore(database.template(), SecretBox.of(KEY_A));

        Document after = raw("legacy");
        assertThat(after.toJson()).doesNotContain("whsec_plaintextFromBefore").doesNotContain("old-unsubscribe-token");
        assertThat(after.containsKey("unsubscribeToken")).isFalse();
        assertThat(restarted.find("legacy").orElseThrow().secret()).isEqualTo("whsec_plaintextFromBefore");
        assertThat(restarted.findWithToken("legacy", SubscriptionStore.UNSUBSCRIBE, "old-unsubscribe-token")).isPresent();
        String newToken = restarted.find("legacy").orElseThrow().unsubscribeToken();
        assertThat(restarted.findWithToken("legacy", SubscriptionStore.UNSUBSCRIBE, newToken)).isPresent();
    }

    @Test
    void aRotatedKeyReEncryptsAtStartAndOldLinksKeepWorking() {
        store.insert(subscription("r1", Subscription.ACTIVE));
        String oldLink = store.find("r1").orElseThrow().unsubscribeToken();

        SubscriptionStore rotated = new SubscriptionStore(database.template(), SecretBox.of(KEY_B, List.of(KEY_A)));

        String keyB = SecretBox.of(KEY_B).currentKeyId();
        assertThat(raw("r1").get("channel", Document.class).getString("secret")).startsWith("enc1:" + keyB + ":");
        assertThat(raw("r1").getString("keyId")).isEqualTo(keyB);
        // the old key can go now
        SubscriptionStore onlyNewKey = new SubscriptionStore(database.template(), SecretBox.of(KEY_B));
        assertThat(onlyNewKey.find("r1").orElseThrow().secret()).isEqualTo("whsec_r1");
        assertThat(onlyNewKey.findWithToken("r1", SubscriptionStore.UNSUBSCRIBE, oldLink)).isPresent();
        assertThat(rotated.find("r1").orElseThrow().unsubscribeToken()).isNotEqualTo(oldLink);
    }

    @Test
    void aWrongKeyStopsTheStartInsteadOfSendingGarbage() {
        store.insert(subscription("w2", Subscription.ACTIVE));
        String keyA = SecretBox.of(KEY_A).currentKeyId();

        assertThatThrownBy(() -> new SubscriptionStore(database.template(), SecretBox.of(KEY_B)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("written with key " + keyA)
                .hasMessageContaining("STEPPEWATCH_SECRET_KEY");
    }
}
