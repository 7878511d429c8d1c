package org.steppewatch.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.Severity;
import org.steppewatch.testsupport.TestMongoDatabase;

/** Reads the delivery worker makes of subscriptions, on the real MongoDB, in a database of their own. */
class SubscriptionStoreTest {

    private TestMongoDatabase database;
    private SubscriptionStore store;

    @BeforeEach
    void connect() {
        database = TestMongoDatabase.open("subscription-store");
        store = new SubscriptionStore(database.template());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Subscription subscription(String id, String state) {
        return new Subscription(id, id, new Document("settlementId", "gn:1521368"), Geo.point(63.3167, 45.6167),
                Subscription.WEBHOOK, "https://example.org/" + id, "whsec_" + id, null, "kk", Severity.MINOR, state,
                Instant.parse("2026-11-01T00:00:00Z"), "hash", "unsubscribe-" + id, null);
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
        assertThat(s7.unsubscribeToken()).isEqualTo("unsubscribe-s7");
        assertThat(found.stream().filter(s -> s.id().equals("s50")).findFirst().orElseThrow().state())
                .isEqualTo(Subscription.DELETED);
    }
}
