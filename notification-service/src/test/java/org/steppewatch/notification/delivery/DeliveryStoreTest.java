package org.steppewatch.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.testsupport.TestMongoDatabase;

/** The lease and idempotency rules of the delivery documents, on the real MongoDB, in a database of their own. */
class DeliveryStoreTest {

    private static final Duration LEASE = Duration.ofSeconds(60);

    private TestMongoDatabase database;
    private DeliveryStore store;
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void connect() {
        database = TestMongoDatabase.open("delivery-store");
        store = new DeliveryStore(database.template());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static NewDelivery delivery(String subscription) {
        return new NewDelivery("alert-1", subscription, "inc-1", "webhook", "kk", "AEGL-2");
    }

    private static DeliveryView.Attempt attempt(Instant at, String outcome, Integer status) {
        return new DeliveryView.Attempt(at, outcome, status, null, 12);
    }

    /** The leases the claims in these tests take: from t0 (or t0 + lease + 1 s for the second holder). */
    private Outcome.Lease lease(String token) {
        Instant from = token.equals("w1") ? t0 : t0.plus(LEASE).plusSeconds(1);
        return new Outcome.Lease(token, from.plus(LEASE));
    }

    private static List<String> ids(List<Document> claimed) {
        return claimed.stream().map(d -> d.getString("_id")).toList();
    }

    @Test
    void creatingTheSameDeliveriesAgainAddsOnlyTheNewOnesAndLeavesTheOthersAlone() {
        store.createAll(List.of(delivery("a"), delivery("b"), delivery("c")), t0);
        Document claimed = store.claimNext(t0, t0.plus(LEASE), "w1");
        store.recordAll(List.of(Outcome.attempt(claimed.getString("_id"), lease("w1"), attempt(t0, "success", 200),
                DeliveryState.SENT, null)));

        store.createAll(List.of(delivery("a"), delivery("b"), delivery("c"), delivery("d")), t0.plusSeconds(1));
        store.createAll(List.of(delivery("a")), t0.plusSeconds(2));

        List<DeliveryView> all = store.forAlert("alert-1");
        assertThat(all).extracting(DeliveryView::id)
                .containsExactly("alert-1:a", "alert-1:b", "alert-1:c", "alert-1:d");
        assertThat(all).filteredOn(d -> d.id().equals(claimed.getString("_id")))
                .singleElement().satisfies(d -> {
                    assertThat(d.state()).isEqualTo("SENT");
                    assertThat(d.attempts()).hasSize(1);
                    assertThat(d.level()).isEqualTo("AEGL-2");
                });
    }

    @Test
    void claimsOfBucketRangesHandEachDueDeliveryToOneHolderOnly() {
        List<NewDelivery> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(delivery("s" + i));
        }
        store.createAll(many, t0);
        int half = DeliveryStore.BUCKETS / 2;
        List<String> low = ids(store.claimBuckets(t0, t0.plus(LEASE), "w1", 0, half));
        List<String> high = ids(store.claimBuckets(t0, t0.plus(LEASE), "w2", half, DeliveryStore.BUCKETS));
        // a third worker racing for everything gets nothing: all of it is leased
        assertThat(store.claimAll(t0, t0.plus(LEASE), "w3")).isEmpty();
        assertThat(low).isNotEmpty().doesNotContainAnyElementsOf(high);
        assertThat(high).isNotEmpty();
        assertThat(low.size() + high.size()).isEqualTo(200);
        assertThat(low).allSatisfy(id -> assertThat(DeliveryStore.bucket(id)).isLessThan(half));
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

        // w1 waking up late may record what it did (once, however often it repeats the write), but no longer decides the state
        Outcome late = Outcome.attempt(first.getString("_id"), lease("w1"), attempt(later, "http_error", 500),
                DeliveryState.RETRYING, later.plusSeconds(2));
        assertThat(store.recordAll(List.of(late))).isEqualTo(1);
        assertThat(store.recordAll(List.of(late))).isEqualTo(1);
        assertThat(store.recordAll(List.of(Outcome.attempt(second.getString("_id"), lease("w2"),
                attempt(later, "success", 200), DeliveryState.SENT, null)))).isZero();
        DeliveryView view = store.forAlert("alert-1").get(0);
        assertThat(view.state()).isEqualTo("SENT");
        assertThat(view.attempts()).extracting(DeliveryView.Attempt::outcome).containsExactly("http_error", "success");
        assertThat(view.nextAttemptAt()).isNull();
    }

    @Test
    void onlyDueOpenDeliveriesAreClaimed() {
        store.createAll(List.of(delivery("a"), delivery("b")), t0);
        List<Document> both = store.claimAll(t0, t0.plus(LEASE), "w1");
        assertThat(both).hasSize(2);
        String a = both.get(0).getString("_id");
        String b = both.get(1).getString("_id");
        store.recordAll(List.of(
                Outcome.attempt(a, lease("w1"), attempt(t0, "connection_error", null), DeliveryState.RETRYING, t0.plusSeconds(10)),
                Outcome.attempt(b, lease("w1"), attempt(t0, "http_error", 500), DeliveryState.FAILED, null)));

        // a is not due before t0 + 10 s, b is final
        assertThat(store.claimNext(t0.plusSeconds(5), t0.plusSeconds(5).plus(LEASE), "w2")).isNull();
        Document due = store.claimNext(t0.plusSeconds(10), t0.plusSeconds(10).plus(LEASE), "w2");
        assertThat(due.getString("_id")).isEqualTo(a);
        assertThat(due.getInteger("attemptCount")).isEqualTo(1);
        assertThat(store.claimNext(t0.plusSeconds(10), t0.plusSeconds(10).plus(LEASE), "w3")).isNull();
    }

    @Test
    void theProbeForDueDeliveriesFindsOneOnlyWhenOneIsDue() {
        assertThat(store.someDueBucket(t0)).isEqualTo(-1);
        store.createAll(List.of(delivery("a")), t0.plusSeconds(5));
        // not due before it was created, then due until it is claimed
        assertThat(store.someDueBucket(t0)).isEqualTo(-1);
        assertThat(store.someDueBucket(t0.plusSeconds(5))).isEqualTo(DeliveryStore.bucket("alert-1:a"));
        store.claimAll(t0.plusSeconds(5), t0.plusSeconds(5).plus(LEASE), "w1");
        assertThat(store.someDueBucket(t0.plusSeconds(6))).isEqualTo(-1);
    }

    @Test
    void releasingHandsTheDeliveryBackWithoutCountingAnAttempt() {
        store.createAll(List.of(delivery("a"), delivery("b")), t0);
        List<Document> claimed = store.claimAll(t0, t0.plus(LEASE), "w1");
        store.recordAll(List.of(Outcome.release(claimed.get(0).getString("_id"), lease("w1"), t0.plusSeconds(2))));
        // the other one is handed back at shutdown
        store.releaseAll("w1", t0);
        Document atOnce = store.claimNext(t0.plusSeconds(1), t0.plusSeconds(1).plus(LEASE), "w2");
        assertThat(atOnce.getString("_id")).isEqualTo(claimed.get(1).getString("_id"));
        assertThat(store.claimNext(t0.plusSeconds(1), t0.plusSeconds(1).plus(LEASE), "w2")).isNull();
        Document again = store.claimNext(t0.plusSeconds(2), t0.plusSeconds(2).plus(LEASE), "w3");
        assertThat(again.getInteger("attemptCount")).isZero();
        assertThat(store.forAlert("alert-1")).extracting(DeliveryView::state).containsOnly("PENDING");
    }

    @Test
    void deliveriesCreatedLeasedAreTheCreatorsUntilTheLeaseEndsAndExistingOnesAreNotHandedOverAgain() {
        store.createAll(List.of(delivery("a")), t0);
        List<Document> mine = store.createLeased(List.of(delivery("a"), delivery("b"), delivery("c")), t0, lease("w1"));
        // "a" existed: it is not this creator's to send
        assertThat(ids(mine)).containsExactly("alert-1:b", "alert-1:c");
        assertThat(ids(store.claimAll(t0.plusSeconds(1), t0.plusSeconds(1).plus(LEASE), "w2"))).containsExactly("alert-1:a");
        // the creator crashed: after its lease anyone may claim b and c
        Instant later = t0.plus(LEASE).plusSeconds(1);
        assertThat(ids(store.claimAll(later, later.plus(LEASE), "w3"))).containsExactlyInAnyOrder("alert-1:b", "alert-1:c");
    }

    @Test
    void cancellingRecordsWhyAndEndsTheDelivery() {
        store.createAll(List.of(delivery("a")), t0);
        Document claimed = store.claimNext(t0, t0.plus(LEASE), "w1");
        store.recordAll(List.of(Outcome.cancel(claimed.getString("_id"), lease("w1"), "subscription deleted")));
        DeliveryView view = store.forAlert("alert-1").get(0);
        assertThat(view.state()).isEqualTo("CANCELLED");
        assertThat(view.note()).isEqualTo("subscription deleted");
        assertThat(view.nextAttemptAt()).isNull();
        assertThat(store.claimNext(t0.plus(LEASE).plusSeconds(1), t0.plus(LEASE).plus(LEASE), "w2")).isNull();
    }

    @Test
    void aLateWriteIsFencedByItsTokenEvenWhenItsOwnClockSaysTheLeaseStillHolds() {
        store.createAll(List.of(delivery("a")), t0);
        String id = store.claimNext(t0, t0.plus(LEASE), "w1").getString("_id");
        // w1 stalls past its lease (or its clock runs behind); w2 claims and sends
        Instant later = t0.plus(LEASE).plusSeconds(1);
        assertThat(store.claimNext(later, later.plus(LEASE), "w2").getString("_id")).isEqualTo(id);
        assertThat(store.recordAll(List.of(Outcome.attempt(id, lease("w2"), attempt(later, "success", 200),
                DeliveryState.SENT, null)))).isZero();
        // w1's write, although by w1's lease of 60 s from t0 it comes 10 s in: it does not undo w2's SENT
        Outcome stale = Outcome.attempt(id, lease("w1"), attempt(t0.plusSeconds(10), "http_error", 503),
                DeliveryState.RETRYING, t0.plusSeconds(15));
        assertThat(store.recordAll(List.of(stale))).isEqualTo(1);
        DeliveryView view = store.forAlert("alert-1").get(0);
        assertThat(view.state()).isEqualTo("SENT");
        assertThat(view.nextAttemptAt()).isNull();
        assertThat(view.attempts()).extracting(DeliveryView.Attempt::outcome).containsExactlyInAnyOrder("success", "http_error");
    }

    @Test
    void aRenewedLeaseKeepsTheDeliveryItsHoldersUntilTheRenewalEnds() {
        store.createAll(List.of(delivery("a")), t0);
        String id = store.claimNext(t0, t0.plus(LEASE), "w1").getString("_id");
        assertThat(store.renew("w1", t0.plus(LEASE).plus(LEASE))).isEqualTo(1);

        Instant afterFirstLease = t0.plus(LEASE).plusSeconds(1);
        assertThat(store.claimNext(afterFirstLease, afterFirstLease.plus(LEASE), "w2")).isNull();
        assertThat(store.recordAll(List.of(Outcome.attempt(id, lease("w1"), attempt(afterFirstLease, "success", 200),
                DeliveryState.SENT, null)))).isZero();
        assertThat(store.forAlert("alert-1").get(0).state()).isEqualTo("SENT");
        // a recorded delivery holds no lease any more: renewing it changes nothing
        assertThat(store.renew("w1", t0.plus(LEASE).plus(LEASE))).isZero();
    }

    @Test
    void leasesAreRenewedWhileDeliveriesAreOpenAndLeftAloneOnceAllAreRecordedOrTheLeaseRanOut() {
        store.createAll(List.of(delivery("a"), delivery("b")), t0);
        MovableClock clock = new MovableClock(t0);
        Leases leases = new Leases(store, LEASE, clock);
        Outcome.Lease w1 = new Outcome.Lease("w1", t0.plus(LEASE));
        assertThat(store.claimAll(t0, w1.until(), "w1")).hasSize(2);
        leases.taken(w1, 2);

        clock.now = t0.plusSeconds(20);
        leases.renew();
        assertThat(leases.until(w1)).isEqualTo(t0.plusSeconds(80));
        // by the first lease it would be free now; renewed, it is not
        assertThat(store.claimAll(t0.plusSeconds(61), t0.plusSeconds(121), "w2")).isEmpty();

        leases.done("w1", 2);
        assertThat(leases.count()).isZero();

        Outcome.Lease w3 = new Outcome.Lease("w3", t0.plusSeconds(100));
        leases.taken(w3, 1);
        clock.now = t0.plusSeconds(101);
        leases.renew();
        // ran out before it was renewed: not revived
        assertThat(leases.count()).isZero();
        assertThat(leases.until(w3)).isEqualTo(t0.plusSeconds(100));
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends java.time.Clock {
        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
