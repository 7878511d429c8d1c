package org.steppewatch.eventing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.steppewatch.eventing.OutboxFixture.AT;
import static org.steppewatch.eventing.OutboxFixture.COLLECTION;
import static org.steppewatch.eventing.OutboxFixture.OTHER_COLLECTION;
import static org.steppewatch.eventing.OutboxFixture.recordsFor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.AssessmentWithdrawn;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.IncidentRetracted;
import org.steppewatch.contracts.Topics;
import org.steppewatch.testsupport.TestInfrastructure;

class OutboxRelayTest {

    private final OutboxFixture fixture = new OutboxFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void publishesPendingEventsInOrderWithCloudEventHeadersThenRemovesThem() {
        String incidentId = UUID.randomUUID().toString();
        storeAggregate(incidentId, 2);

        int published = fixture.relay(TestInfrastructure.get().kafkaBootstrapServers()).relayOnce();

        assertThat(published).isEqualTo(2);
        assertThat(fixture.pending(incidentId)).isEmpty();
        List<ConsumerRecord<String, String>> records = recordsFor(Topics.INCIDENTS, incidentId, 2);
        assertThat(records).extracting(r -> header(r, EventHeaders.TYPE)).containsOnly(EventTypes.INCIDENT_RETRACTED);
        assertThat(records).extracting(ConsumerRecord::value)
                .containsExactly(payload(incidentId, 0), payload(incidentId, 1));
        ConsumerRecord<String, String> first = records.get(0);
        assertThat(header(first, EventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(first, EventHeaders.SUBJECT)).isEqualTo(incidentId);
        assertThat(header(first, EventHeaders.SOURCE)).isEqualTo("/steppewatch/test");
        assertThat(header(first, EventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(header(first, EventHeaders.ID)).isNotEqualTo(header(records.get(1), EventHeaders.ID));
        assertThat(fixture.mongo().findAll(Document.class, OutboxLeases.COLLECTION)).as("leases released").isEmpty();
    }

    @Test
    void keepsEventsWhileKafkaIsUnreachableAndPublishesThemInOrderOnceItAnswers() {
        String incidentId = UUID.randomUUID().toString();
        storeAggregate(incidentId, 2);

        int whileDown = fixture.relay("localhost:1").relayOnce();

        assertThat(whileDown).isZero();
        assertThat(fixture.pending(incidentId)).hasSize(2);
        assertThat(fixture.mongo().findById(incidentId, Document.class, COLLECTION)).doesNotContainKey("outboxLease");

        assertThat(fixture.relay(TestInfrastructure.get().kafkaBootstrapServers()).relayOnce()).isEqualTo(2);
        assertThat(fixture.pending(incidentId)).isEmpty();
        assertThat(recordsFor(Topics.INCIDENTS, incidentId, 2)).extracting(ConsumerRecord::value)
                .containsExactly(payload(incidentId, 0), payload(incidentId, 1));
    }

    @Test
    void publishesOneIncidentsEventsInVersionOrderWhicheverDocumentOrCollectionHoldsThem() {
        String incidentId = UUID.randomUUID().toString();
        // stored newest first, the withdrawal (version 3) with the earliest time: the version decides
        fixture.store(OTHER_COLLECTION, "w-" + incidentId, OutboxMessage.of(new AssessmentWithdrawn(incidentId, 3, AT,
                "retracted", List.of()), AT.minusSeconds(60)).toDocument());
        fixture.store(COLLECTION, incidentId + ":2", OutboxMessage.of(retracted(incidentId, 2), AT).toDocument());
        // written as a service lists the fields itself, without the sequence: it comes from the payload's version
        Document withoutSequence = OutboxMessage.of(retracted(incidentId, 1), AT.plusSeconds(60)).toDocument();
        withoutSequence.remove("sequence");
        fixture.store(COLLECTION, incidentId + ":1", withoutSequence);

        assertThat(fixture.relay(TestInfrastructure.get().kafkaBootstrapServers()).relayOnce()).isEqualTo(3);

        List<ConsumerRecord<String, String>> incidents = recordsFor(Topics.INCIDENTS, incidentId, 2);
        List<ConsumerRecord<String, String>> assessments = recordsFor(Topics.ASSESSMENTS, incidentId, 1);
        assertThat(incidents).extracting(r -> versionIn(r.value())).containsExactly(1L, 2L);
        // published after both (the relay waits for each acknowledgement before the next send)
        assertThat(assessments.get(0).timestamp()).isGreaterThanOrEqualTo(incidents.get(1).timestamp());
    }

    @Test
    void twoRelayInstancesSharingTheOutboxesKeepEveryIncidentsOrder() {
        List<String> incidents = new ArrayList<>();
        List<Runnable> writes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String incidentId = UUID.randomUUID().toString();
            incidents.add(incidentId);
            for (int version = 1; version <= 4; version++) {
                String collection = version % 2 == 0 ? OTHER_COLLECTION : COLLECTION;
                Document message = OutboxMessage.of(retracted(incidentId, version), AT).toDocument();
                String id = incidentId + ":" + version;
                writes.add(() -> fixture.store(collection, id, message));
            }
        }
        Collections.shuffle(writes, new Random(10));
        writes.forEach(Runnable::run);
        OutboxRelay first = fixture.relay(TestInfrastructure.get().kafkaBootstrapServers());
        OutboxRelay second = fixture.relay(TestInfrastructure.get().kafkaBootstrapServers());

        first.start();
        second.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> first.publishedCount() + second.publishedCount() == 48);
        assertThat(first.publishedCount()).as("both instances worked").isPositive();
        assertThat(second.publishedCount()).as("both instances worked").isPositive();
        for (String incidentId : incidents) {
            assertThat(recordsFor(Topics.INCIDENTS, incidentId, 4)).extracting(r -> versionIn(r.value()))
                    .as(incidentId).containsExactly(1L, 2L, 3L, 4L);
        }
    }

    private void storeAggregate(String incidentId, int events) {
        List<Document> outbox = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            OutboxMessage message = OutboxMessage.of(new IncidentRetracted(incidentId, i + 1L, AT, "reason " + i),
                    Instant.now());
            Document stored = new Document();
            // as analysis-service writes it: through the mapping converter
            fixture.mongo().getConverter().write(message, stored);
            outbox.add(stored);
        }
        fixture.store(COLLECTION, incidentId, outbox.toArray(Document[]::new));
    }

    private static IncidentRetracted retracted(String incidentId, long version) {
        return new IncidentRetracted(incidentId, version, AT, "reason");
    }

    private static long versionIn(String payload) {
        var json = EventJson.mapper().readTree(payload);
        return json.has("version") ? json.get("version").asLong() : json.get("incidentVersion").asLong();
    }

    private static String payload(String incidentId, int i) {
        return "{\"incidentId\":\"" + incidentId + "\",\"version\":" + (i + 1)
                + ",\"retractedAt\":\"2026-11-21T10:00:00Z\",\"reason\":\"reason " + i + "\",\"reportedBy\":null}";
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), UTF_8);
    }
}
