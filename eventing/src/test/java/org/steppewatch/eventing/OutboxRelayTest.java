package org.steppewatch.eventing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.steppewatch.contracts.AssessmentWithdrawn;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.IncidentRetracted;
import org.steppewatch.contracts.Topics;
import org.steppewatch.testsupport.TestInfrastructure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class OutboxRelayTest {

    private static final String COLLECTION = "aggregates";
    private static final String OTHER_COLLECTION = "withdrawals";
    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");

    private MongoClient client;
    private MongoTemplate mongo;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<DefaultKafkaProducerFactory<String, String>> factories = new ArrayList<>();
    private final List<OutboxRelay> running = new ArrayList<>();

    @BeforeEach
    void connect() {
        client = MongoClients.create(TestInfrastructure.get().mongoUri("outbox"));
        mongo = new MongoTemplate(client, "outbox-" + UUID.randomUUID());
    }

    @AfterEach
    void disconnect() {
        running.forEach(OutboxRelay::stop);
        factories.forEach(DefaultKafkaProducerFactory::destroy);
        client.close();
    }

    @Test
    void publishesPendingEventsInOrderWithCloudEventHeadersThenRemovesThem() {
        String incidentId = UUID.randomUUID().toString();
        storeAggregate(incidentId, 2);

        int published = relay(TestInfrastructure.get().kafkaBootstrapServers()).relayOnce();

        assertThat(published).isEqualTo(2);
        assertThat(pending(incidentId)).isEmpty();
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
        assertThat(mongo.findAll(Document.class, OutboxLeases.COLLECTION)).as("leases released").isEmpty();
    }

    @Test
    void keepsEventsWhileKafkaIsUnreachableAndPublishesThemInOrderOnceItAnswers() {
        String incidentId = UUID.randomUUID().toString();
        storeAggregate(incidentId, 2);

        int whileDown = relay("localhost:1").relayOnce();

        assertThat(whileDown).isZero();
        assertThat(pending(incidentId)).hasSize(2);
        assertThat(mongo.findById(incidentId, Document.class, COLLECTION)).doesNotContainKey("outboxLease");

        assertThat(relay(TestInfrastructure.get().kafkaBootstrapServers()).relayOnce()).isEqualTo(2);
        assertThat(pending(incidentId)).isEmpty();
        assertThat(recordsFor(Topics.INCIDENTS, incidentId, 2)).extracting(ConsumerRecord::value)
                .containsExactly(payload(incidentId, 0), payload(incidentId, 1));
    }

    @Test
    void publishesOneIncidentsEventsInVersionOrderWhicheverDocumentOrCollectionHoldsThem() {
        String incidentId = UUID.randomUUID().toString();
        // stored newest first, the withdrawal (version 3) with the earliest time: the version decides
        store(OTHER_COLLECTION, "w-" + incidentId, OutboxMessage.of(new AssessmentWithdrawn(incidentId, 3, AT,
                "retracted", List.of()), AT.minusSeconds(60)).toDocument());
        store(COLLECTION, incidentId + ":2", OutboxMessage.of(retracted(incidentId, 2), AT).toDocument());
        // written as a service lists the fields itself, without the sequence: it comes from the payload's version
        Document withoutSequence = OutboxMessage.of(retracted(incidentId, 1), AT.plusSeconds(60)).toDocument();
        withoutSequence.remove("sequence");
        store(COLLECTION, incidentId + ":1", withoutSequence);

        assertThat(relay(TestInfrastructure.get().kafkaBootstrapServers()).relayOnce()).isEqualTo(3);

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
                writes.add(() -> store(collection, id, message));
            }
        }
        Collections.shuffle(writes, new Random(10));
        writes.forEach(Runnable::run);
        OutboxRelay first = relay(TestInfrastructure.get().kafkaBootstrapServers());
        OutboxRelay second = relay(TestInfrastructure.get().kafkaBootstrapServers());

        first.start();
        second.start();
        running.addAll(List.of(first, second));

        await().atMost(Duration.ofSeconds(60)).until(() -> first.publishedCount() + second.publishedCount() == 48);
        assertThat(first.publishedCount()).as("both instances worked").isPositive();
        assertThat(second.publishedCount()).as("both instances worked").isPositive();
        for (String incidentId : incidents) {
            assertThat(recordsFor(Topics.INCIDENTS, incidentId, 4)).extracting(r -> versionIn(r.value()))
                    .as(incidentId).containsExactly(1L, 2L, 3L, 4L);
        }
    }

    @Test
    void parksAnEventTheBrokerRefusesAsTooLargeAndTheLaterOnesFlowOn() throws Exception {
        String smallTopic = "outbox-small-" + UUID.randomUUID();
        createTopic(smallTopic, Map.of("max.message.bytes", "1024"));
        String incidentId = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        OutboxMessage tooLarge = message(smallTopic, incidentId, 1, "{\"text\":\"" + "x".repeat(4000) + "\"}");
        OutboxMessage sameIncidentLater = message(smallTopic, incidentId, 2, "{\"version\":2}");
        OutboxMessage otherIncident = message(smallTopic, other, 1, "{\"version\":1}");
        store(COLLECTION, incidentId, tooLarge.toDocument(), sameIncidentLater.toDocument());
        store(COLLECTION, other, otherIncident.toDocument());

        int published = relay(TestInfrastructure.get().kafkaBootstrapServers()).relayOnce();

        assertThat(published).isEqualTo(2);
        assertThat(pending(incidentId)).isEmpty();
        assertThat(recordsFor(smallTopic, incidentId, 1)).extracting(ConsumerRecord::value).containsExactly("{\"version\":2}");
        assertThat(recordsFor(smallTopic, other, 1)).extracting(ConsumerRecord::value).containsExactly("{\"version\":1}");
        Document parked = mongo.findById(tooLarge.eventId(), Document.class, OutboxStore.PARKED);
        assertThat(parked).isNotNull();
        assertThat(parked.getString("error")).startsWith("RecordTooLargeException");
        assertThat(parked.getString("payload")).isEqualTo(tooLarge.payload());
        assertThat(parked.getString("key")).isEqualTo(incidentId);
        assertThat(parked.getString("collection")).isEqualTo(COLLECTION);
        assertThat(parked.get("parkedAt")).isNotNull();
        assertThat(meters.counter("steppewatch.outbox.parked", "topic", smallTopic).count()).isEqualTo(1.0);
    }

    @Test
    void parksAnEventTheProducerRejectsBeforeSending() {
        String incidentId = UUID.randomUUID().toString();
        OutboxMessage tooLarge = message(Topics.INCIDENTS, incidentId, 1, "{\"text\":\"" + "x".repeat(4000) + "\"}");
        OutboxMessage later = message(Topics.INCIDENTS, incidentId, 2, "{\"version\":2}");
        store(COLLECTION, incidentId, tooLarge.toDocument(), later.toDocument());

        int published = relay(TestInfrastructure.get().kafkaBootstrapServers(),
                Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2048)).relayOnce();

        assertThat(published).isEqualTo(1);
        assertThat(mongo.findById(tooLarge.eventId(), Document.class, OutboxStore.PARKED)).isNotNull();
        assertThat(recordsFor(Topics.INCIDENTS, incidentId, 1)).extracting(ConsumerRecord::value)
                .containsExactly("{\"version\":2}");
    }

    @Test
    void aRelayWhoseLeaseWasTakenOverCanNeitherRenewNorReleaseItNorRemoveEvents() {
        String incidentId = UUID.randomUUID().toString();
        storeAggregate(incidentId, 1);
        MutableClock clock = new MutableClock(AT);
        OutboxLeases leases = new OutboxLeases(mongo, Duration.ofSeconds(30), clock);
        OutboxStore store = new OutboxStore(mongo, List.of(COLLECTION));
        String stale = leases.take(incidentId);
        List<OutboxStore.Pending> staleView = store.claim(incidentId, stale);
        assertThat(leases.take(incidentId)).as("held").isNull();

        clock.advance(Duration.ofSeconds(31));
        String current = leases.take(incidentId);
        store.claim(incidentId, current);

        assertThat(current).isNotNull().isNotEqualTo(stale);
        assertThat(leases.renew(incidentId, stale)).isFalse();
        assertThat(store.remove(staleView.get(0), stale)).isFalse();
        assertThat(pending(incidentId)).hasSize(1);
        leases.release(incidentId, stale);
        assertThat(mongo.findById(incidentId, Document.class, OutboxLeases.COLLECTION).getString("token")).isEqualTo(current);
        assertThat(leases.renew(incidentId, current)).isTrue();
        assertThat(store.remove(staleView.get(0), current)).isTrue();
        assertThat(pending(incidentId)).isEmpty();
    }

    private void storeAggregate(String incidentId, int events) {
        List<Document> outbox = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            OutboxMessage message = OutboxMessage.of(new IncidentRetracted(incidentId, i + 1L, AT, "reason " + i),
                    Instant.now());
            Document stored = new Document();
            // as analysis-service writes it: through the mapping converter
            mongo.getConverter().write(message, stored);
            outbox.add(stored);
        }
        mongo.insert(new Document("_id", incidentId).append("title", "aggregate").append(OutboxMessage.FIELD, outbox),
                COLLECTION);
    }

    private void store(String collection, String id, Document... outbox) {
        mongo.insert(new Document("_id", id).append(OutboxMessage.FIELD, new ArrayList<>(List.of(outbox))), collection);
    }

    private static IncidentRetracted retracted(String incidentId, long version) {
        return new IncidentRetracted(incidentId, version, AT, "reason");
    }

    private static OutboxMessage message(String topic, String key, long sequence, String payload) {
        return new OutboxMessage(UUID.randomUUID().toString(), EventTypes.INCIDENT_RETRACTED, topic, key, AT, payload,
                sequence);
    }

    private static long versionIn(String payload) {
        var json = org.steppewatch.contracts.EventJson.mapper().readTree(payload);
        return json.has("version") ? json.get("version").asLong() : json.get("incidentVersion").asLong();
    }

    private static String payload(String incidentId, int i) {
        return "{\"incidentId\":\"" + incidentId + "\",\"version\":" + (i + 1)
                + ",\"retractedAt\":\"2026-11-21T10:00:00Z\",\"reason\":\"reason " + i + "\",\"reportedBy\":null}";
    }

    private List<Document> pending(String incidentId) {
        return mongo.findById(incidentId, Document.class, COLLECTION).getList(OutboxMessage.FIELD, Document.class);
    }

    private OutboxRelay relay(String bootstrapServers) {
        return relay(bootstrapServers, Map.of());
    }

    private OutboxRelay relay(String bootstrapServers, Map<String, Object> overrides) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1500,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000));
        config.putAll(overrides);
        DefaultKafkaProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(config,
                new StringSerializer(), new StringSerializer());
        factories.add(factory);
        CloudEventPublisher publisher = new CloudEventPublisher(new KafkaTemplate<>(factory), "/steppewatch/test",
                Duration.ofSeconds(5));
        List<String> collections = List.of(COLLECTION, OTHER_COLLECTION);
        return new OutboxRelay(new OutboxStore(mongo, collections),
                new OutboxLeases(mongo, Duration.ofSeconds(25), Clock.systemUTC()), publisher, meters, true,
                Duration.ofMillis(100), Clock.systemUTC());
    }

    static void createTopic(String name, Map<String, String> configs) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1).configs(configs))).all().get();
        }
    }

    static List<ConsumerRecord<String, String>> recordsFor(String topic, String key, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        records.add(r);
                    }
                });
                return records.size() >= expected;
            });
            // anything more (a duplicate, a parked event after all) would show up now
            consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                if (key.equals(r.key())) {
                    records.add(r);
                }
            });
        }
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), UTF_8);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
