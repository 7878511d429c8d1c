package org.steppewatch.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.steppewatch.eventing.OutboxFixture.COLLECTION;
import static org.steppewatch.eventing.OutboxFixture.message;
import static org.steppewatch.eventing.OutboxFixture.recordsFor;

import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.Topics;
import org.steppewatch.testsupport.TestInfrastructure;

/** An event that can never be published is parked with its error, and the events after it are published. */
class OutboxParkingTest {

    private final OutboxFixture fixture = new OutboxFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void parksAnEventTheBrokerRefusesAsTooLargeAndTheLaterOnesFlowOn() throws Exception {
        String smallTopic = "outbox-small-" + UUID.randomUUID();
        // the broker refuses records over 1 KiB on this topic; the producer's own limit (1 MiB) lets them go
        OutboxFixture.createTopic(smallTopic, Map.of("max.message.bytes", "1024"));
        String incidentId = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        OutboxMessage tooLarge = message(smallTopic, incidentId, 1, "{\"text\":\"" + "x".repeat(4000) + "\"}");
        OutboxMessage sameIncidentLater = message(smallTopic, incidentId, 2, "{\"version\":2}");
        OutboxMessage otherIncident = message(smallTopic, other, 1, "{\"version\":1}");
        fixture.store(COLLECTION, incidentId, tooLarge.toDocument(), sameIncidentLater.toDocument());
        fixture.store(COLLECTION, other, otherIncident.toDocument());

        int published = fixture.relay(TestInfrastructure.get().kafkaBootstrapServers()).relayOnce();

        assertThat(published).isEqualTo(2);
        assertThat(fixture.pending(incidentId)).isEmpty();
        assertThat(recordsFor(smallTopic, incidentId, 1)).extracting(ConsumerRecord::value).containsExactly("{\"version\":2}");
        assertThat(recordsFor(smallTopic, other, 1)).extracting(ConsumerRecord::value).containsExactly("{\"version\":1}");
        Document parked = fixture.mongo().findById(tooLarge.eventId(), Document.class, OutboxStore.PARKED);
        assertThat(parked).isNotNull();
        assertThat(parked.getString("error")).startsWith("RecordTooLargeException");
        assertThat(parked.getString("payload")).isEqualTo(tooLarge.payload());
        assertThat(parked.getString("key")).isEqualTo(incidentId);
        assertThat(parked.getLong("sequence")).isEqualTo(1L);
        assertThat(parked.getString("collection")).isEqualTo(COLLECTION);
        assertThat(parked.get("parkedAt")).isNotNull();
        assertThat(fixture.meters.counter("steppewatch.outbox.parked", "topic", smallTopic).count()).isEqualTo(1.0);
    }

    @Test
    void parksAnEventTheProducerRejectsBeforeSending() {
        String incidentId = UUID.randomUUID().toString();
        OutboxMessage tooLarge = message(Topics.INCIDENTS, incidentId, 1, "{\"text\":\"" + "x".repeat(4000) + "\"}");
        OutboxMessage later = message(Topics.INCIDENTS, incidentId, 2, "{\"version\":2}");
        fixture.store(COLLECTION, incidentId, tooLarge.toDocument(), later.toDocument());

        int published = fixture.relay(TestInfrastructure.get().kafkaBootstrapServers(),
                Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2048)).relayOnce();

        assertThat(published).isEqualTo(1);
        assertThat(fixture.mongo().findById(tooLarge.eventId(), Document.class, OutboxStore.PARKED)).isNotNull();
        assertThat(recordsFor(Topics.INCIDENTS, incidentId, 1)).extracting(ConsumerRecord::value)
                .containsExactly("{\"version\":2}");
    }
}
