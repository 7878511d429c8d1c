package org.steppewatch.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.testsupport.TestMongoDatabase;

/** The fan-out lease on alert documents, on the real MongoDB: one holder at a time, every write fenced by its token. */
class FanOutStateTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private TestMongoDatabase database;
    private FanOutState state;

    @BeforeEach
    void connect() {
        database = TestMongoDatabase.open("fan-out-state");
        state = new FanOutState(database.template());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void alert(String id, String incident, long version, String msgType, boolean done) {
        database.template().insert(new Document("_id", id).append("incidentId", incident).append("incidentVersion", version)
                .append("msgType", msgType).append(FanOutState.DONE, done), AlertStore.COLLECTION);
    }

    @Test
    void oneHolderAtATimeUntilTheLeaseExpiresAndOnlyTheHolderFinishes() {
        alert("a1", "inc", 1, "Alert", false);
        assertThat(state.claim("a1", "first", T0, T0.plusSeconds(60))).isNotNull();
        assertThat(state.claim("a1", "second", T0.plusSeconds(59), T0.plusSeconds(119))).isNull();
        // the first holder stalls past its lease: the second takes over, and the first can no longer write
        assertThat(state.claim("a1", "second", T0.plusSeconds(61), T0.plusSeconds(121))).isNotNull();
        assertThat(state.renew("a1", "first", T0.plusSeconds(180))).isFalse();
        assertThat(state.recipients("a1", "first", 5)).isFalse();
        // a count that does not change is still the holder's write
        assertThat(state.recipients("a1", "second", 0)).isTrue();
        assertThat(state.recipients("a1", "second", 0)).isTrue();
        assertThat(state.finish("a1", "first")).isFalse();
        assertThat(state.done("a1")).isFalse();
        assertThat(state.finish("a1", "second")).isTrue();
        assertThat(state.done("a1")).isTrue();
        assertThat(state.claim("a1", "third", T0.plusSeconds(500), T0.plusSeconds(560))).isNull();
    }

    @Test
    void anUpdateWaitsForTheEarlierVersionsFanOutAndACancelForEveryEarlierOne() {
        alert("v1", "inc", 1, "Alert", false);
        alert("v2", "inc", 2, "Update", false);
        alert("cancel", "inc", 3, "Cancel", false);
        alert("other", "other-incident", 1, "Alert", false);
        Document v1 = state.claim("v1", "t1", T0, T0.plusSeconds(60));
        Document v2 = state.claim("v2", "t2", T0, T0.plusSeconds(60));
        Document cancel = state.claim("cancel", "t3", T0, T0.plusSeconds(60));
        assertThat(state.earlierPending(v1)).isFalse();
        assertThat(state.earlierPending(v2)).isTrue();
        assertThat(state.earlierPending(cancel)).isTrue();
        assertThat(state.finish("v1", "t1")).isTrue();
        assertThat(state.earlierPending(v2)).isFalse();
        assertThat(state.earlierPending(cancel)).isTrue();
        assertThat(state.finish("v2", "t2")).isTrue();
        assertThat(state.earlierPending(cancel)).isFalse();
    }

    @Test
    void unfinishedFanOutsNobodyHoldsAreFoundEarliestVersionFirst() {
        alert("v2", "inc", 2, "Update", false);
        alert("v1", "inc", 1, "Alert", false);
        alert("done", "inc", 0, "Alert", true);
        alert("held", "other", 1, "Alert", false);
        state.claim("held", "t", T0, T0.plusSeconds(60));
        assertThat(state.unfinished(null, T0.plusSeconds(1), 10)).containsExactly("v1", "v2");
        assertThat(state.unfinished("other", T0.plusSeconds(61), 10)).containsExactly("held");
    }
}
