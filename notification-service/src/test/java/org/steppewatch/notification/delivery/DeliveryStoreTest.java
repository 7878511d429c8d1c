package org.steppewatch.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.steppewatch.testsupport.TestInfrastructure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The lease and idempotency rules of the delivery documents, on the real MongoDB, in a database of their own. */
class DeliveryStoreTest {

    private static final Duration LEASE = Duration.ofSeconds(60);

    private MongoClient client;
    private DeliveryStore store;
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void connect() {
        String uri = TestInfrastructure.get().mongoUri("delivery-store");
        String database = URI.create(uri.replace("mongodb://", "http://")).getPath().substring(1);
        client = MongoClients.create(uri);
        store = new DeliveryStore(new MongoTemplate(client, database));
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static NewDelivery delivery(String subscription) {
        return new NewDelivery("alert-1", subscription, "inc-1", "webhook", "kk");
    }

    private static DeliveryView.Attempt attempt(Instant at, String outcome, Integer status) {
        return new DeliveryView.Attempt(at, outcome, status, null, 12);
    }

    @Test
    void creatingTheSameDeliveriesAgainAddsOnlyTheNewOnesAndLeavesTheOthersAlone() {
        store.createAll(List.of(delivery("a"), delivery("b"), delivery("c")), t0);
        Document claimed = store.claimNext(t0, t0.plus(LEASE), "w1");
        store.recordAttempt(claimed.getString("_id"), "w1", attempt(t0, "success", 200), DeliveryState.SENT, null);

        store.createAll(List.of(delivery("a"), delivery("b"), delivery("c"), delivery("d")), t0.plusSeconds(1));
        store.createAll(List.of(delivery("a")), t0.plusSeconds(2));

        List<DeliveryView> all = store.forAlert("alert-1");
        assertThat(all).extracting(DeliveryView::id)
                .containsExactly("alert-1:a", "alert-1:b", "alert-1:c", "alert-1:d");
        assertThat(all).filteredOn(d -> d.id().equals(claimed.getString("_id")))
                .singleElement().satisfies(d -> {
                    assertThat(d.state()).isEqualTo("SENT");
                    assertThat(d.attempts()).hasSize(1);
                });
    }

    @Test
    void aClaimedDeliveryIsNotHandedOutAgainUntilItsLeaseRunsOut() {
        store.createAll(List.of(delivery("a")), t0);
        Document first = store.claimNext(t0, t0.plus(LEASE), "w1");
        assertThat(first).isNotNull();
        assertThat(first.getString("leaseToken")).isEqualTo("w1");

        // another worker (or instance), while w1 is sending
        assertThat(store.claimNext(t0.plusSeconds(30), t0.plusSeconds(30).plus(LEASE), "w2")).isNull();

        // w1 crashed mid-send: after the lease the delivery is free again
        Instant later = t0.plus(LEASE).plusSeconds(1);
        Document second = store.claimNext(later, later.plus(LEASE), "w2");
        assertThat(second).isNotNull();
        assertThat(second.getString("_id")).isEqualTo(first.getString("_id"));

        // w1 waking up late may record what it did, but no longer decides the state
        assertThat(store.recordAttempt(first.getString("_id"), "w1", attempt(later, "http_error", 500),
                DeliveryState.RETRYING, later.plusSeconds(2))).isFalse();
        assertThat(store.recordAttempt(second.getString("_id"), "w2", attempt(later, "success", 200),
                DeliveryState.SENT, null)).isTrue();
        DeliveryView view = store.forAlert("alert-1").get(0);
        assertThat(view.state()).isEqualTo("SENT");
        assertThat(view.attempts()).extracting(DeliveryView.Attempt::outcome).containsExactly("http_error", "success");
        assertThat(view.nextAttemptAt()).isNull();
    }

    @Test
    void onlyDueOpenDeliveriesAreClaimed() {
        store.createAll(List.of(delivery("a"), delivery("b")), t0);
        Document a = store.claimNext(t0, t0.plus(LEASE), "w1");
        store.recordAttempt(a.getString("_id"), "w1", attempt(t0, "connection_error", null), DeliveryState.RETRYING,
                t0.plusSeconds(10));
        Document b = store.claimNext(t0, t0.plus(LEASE), "w1");
        store.recordAttempt(b.getString("_id"), "w1", attempt(t0, "http_error", 500), DeliveryState.FAILED, null);

        // a is not due before t0 + 10 s, b is final
        assertThat(store.claimNext(t0.plusSeconds(5), t0.plusSeconds(5).plus(LEASE), "w2")).isNull();
        Document due = store.claimNext(t0.plusSeconds(10), t0.plusSeconds(10).plus(LEASE), "w2");
        assertThat(due.getString("_id")).isEqualTo(a.getString("_id"));
        assertThat(due.getInteger("attemptCount")).isEqualTo(1);
        assertThat(store.claimNext(t0.plusSeconds(10), t0.plusSeconds(10).plus(LEASE), "w3")).isNull();
    }

    @Test
    void releasingHandsTheDeliveryBackWithoutCountingAnAttempt() {
        store.createAll(List.of(delivery("a")), t0);
        Document claimed = store.claimNext(t0, t0.plus(LEASE), "w1");
        store.release(claimed.getString("_id"), "w1", t0.plusSeconds(2));
        assertThat(store.claimNext(t0.plusSeconds(1), t0.plusSeconds(1).plus(LEASE), "w2")).isNull();
        Document again = store.claimNext(t0.plusSeconds(2), t0.plusSeconds(2).plus(LEASE), "w2");
        assertThat(again.getInteger("attemptCount")).isZero();
        assertThat(store.forAlert("alert-1").get(0).state()).isEqualTo("PENDING");
    }
}
