package org.steppewatch.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.steppewatch.eventing.OutboxFixture.AT;
import static org.steppewatch.eventing.OutboxFixture.COLLECTION;
import static org.steppewatch.eventing.OutboxFixture.OTHER_COLLECTION;

import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.IncidentRetracted;

/**
 * Which collections the relay claims a key in: only those where the key was found waiting; and removing a
 * document's last published event takes the relay's stamp off in the same write.
 */
class OutboxStoreTest {

    private final OutboxFixture fixture = new OutboxFixture();
    private final OutboxStore store = new OutboxStore(fixture.mongo(), List.of(COLLECTION, OTHER_COLLECTION));

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void keysWaitingNameTheCollectionsThatHoldTheirEventsInTheConfiguredOrder() {
        String both = UUID.randomUUID().toString();
        String onlyOther = UUID.randomUUID().toString();
        fixture.store(OTHER_COLLECTION, "w-" + both, event(both, 2));
        fixture.store(COLLECTION, both, event(both, 1));
        fixture.store(OTHER_COLLECTION, "w-" + onlyOther, event(onlyOther, 1));

        assertThat(store.keysWaiting())
                .containsEntry(both, List.of(COLLECTION, OTHER_COLLECTION))
                .containsEntry(onlyOther, List.of(OTHER_COLLECTION))
                .hasSize(2);
    }

    @Test
    void aClaimInTheCollectionsNamedLeavesTheOthersUnstampedAndUnread() {
        String key = UUID.randomUUID().toString();
        fixture.store(COLLECTION, key, event(key, 1));
        fixture.store(OTHER_COLLECTION, "w-" + key, event(key, 2));

        List<OutboxStore.Pending> claimed = store.claim(key, List.of(COLLECTION), "token-1");

        assertThat(claimed).extracting(OutboxStore.Pending::collection).containsExactly(COLLECTION);
        assertThat(fixture.mongo().findById(key, Document.class, COLLECTION)).containsEntry("outboxLease", "token-1");
        assertThat(fixture.mongo().findById("w-" + key, Document.class, OTHER_COLLECTION))
                .doesNotContainKey("outboxLease");
        assertThat(store.claim(key, "token-2")).as("every collection, oldest version first")
                .extracting(p -> p.message().sequence()).containsExactly(1L, 2L);
    }

    @Test
    void removingWithUnstampTakesTheStampOffInTheSameWriteAndOnlyThen() {
        String key = UUID.randomUUID().toString();
        fixture.store(COLLECTION, key, event(key, 1));
        fixture.store(OTHER_COLLECTION, "w-" + key, event(key, 2));
        List<OutboxStore.Pending> claimed = store.claim(key, "token-1");

        assertThat(store.remove(claimed.get(0), "token-1", false)).isTrue();
        assertThat(store.remove(claimed.get(1), "token-1", true)).isTrue();

        assertThat(fixture.mongo().findById(key, Document.class, COLLECTION))
                .containsEntry("outboxLease", "token-1").containsEntry("outbox", List.of());
        assertThat(fixture.mongo().findById("w-" + key, Document.class, OTHER_COLLECTION))
                .doesNotContainKey("outboxLease").containsEntry("outbox", List.of());
    }

    private static Document event(String incidentId, int version) {
        return OutboxMessage.of(new IncidentRetracted(incidentId, version, AT, "reason"), AT).toDocument();
    }
}
