package org.steppewatch.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.steppewatch.eventing.OutboxFixture.AT;
import static org.steppewatch.eventing.OutboxFixture.COLLECTION;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.IncidentRetracted;

/**
 * A relay instance whose lease on an incident expired and was taken over writes nothing more for that incident; a
 * lease is renewed once a quarter of it has passed.
 */
class OutboxLeasesTest {

    private final OutboxFixture fixture = new OutboxFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aRelayWhoseLeaseWasTakenOverCanNeitherRenewNorReleaseItNorRemoveEvents() {
        String incidentId = UUID.randomUUID().toString();
        fixture.store(COLLECTION, incidentId,
                OutboxMessage.of(new IncidentRetracted(incidentId, 1, AT, "reason"), AT).toDocument());
        MutableClock clock = new MutableClock(AT);
        OutboxLeases leases = new OutboxLeases(fixture.mongo(), Duration.ofSeconds(30), clock);
        OutboxStore store = new OutboxStore(fixture.mongo(), List.of(COLLECTION));
        String stale = leases.take(incidentId);
        List<OutboxStore.Pending> staleView = store.claim(incidentId, stale);
        assertThat(leases.take(incidentId)).as("held").isNull();

        clock.advance(Duration.ofSeconds(31));
        String current = leases.take(incidentId);
        store.claim(incidentId, current);

        assertThat(current).isNotNull().isNotEqualTo(stale);
        assertThat(leases.renew(incidentId, stale)).isFalse();
        assertThat(store.remove(staleView.get(0), stale)).isFalse();
        assertThat(fixture.pending(incidentId)).hasSize(1);
        leases.release(incidentId, stale);
        assertThat(fixture.mongo().findById(incidentId, Document.class, OutboxLeases.COLLECTION).getString("token"))
                .isEqualTo(current);
        assertThat(leases.renew(incidentId, current)).isTrue();
        assertThat(store.remove(staleView.get(0), current)).isTrue();
        assertThat(fixture.pending(incidentId)).isEmpty();
    }

    @Test
    void aLeaseIsDueForRenewalOnceAQuarterOfItHasPassed() {
        MutableClock clock = new MutableClock(AT);
        OutboxLeases leases = new OutboxLeases(fixture.mongo(), Duration.ofSeconds(65), clock);

        clock.advance(Duration.ofMillis(16_249));
        assertThat(leases.due(AT)).as("16.249 s of 65 s").isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(leases.due(AT)).as("16.25 s of 65 s").isTrue();
    }
}
