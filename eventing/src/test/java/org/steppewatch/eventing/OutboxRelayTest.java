package org.steppewatch.eventing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.IncidentRetracted;
import org.steppewatch.contracts.Topics;
import org.steppewatch.testsupport.TestInfrastructure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

class OutboxRelayTest {

    private static final String COLLECTION = "aggregates";

    private MongoClient client;
    private MongoTemplate mongo;
    private final List<DefaultKafkaProducerFactory<String, String>> factories = new ArrayList<>();

    @BeforeEach
    void connect() {
        client = MongoClients.create(TestInfrastructure.get().mongoUri("outbox"));
        mongo = new MongoTemplate(client, "outbox-" + UUID.randomUUID());
    }

    @AfterEach
    void disconnect() {
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
        List<ConsumerRecord<String, String>> records = recordsFor(incidentId, 2);
        assertThat(records).extracting(r -> header(r, EventHeaders.TYPE)).containsOnly(EventTypes.INCIDENT_RETRACTED);
        assertThat(records).extracting(ConsumerRecord::value)
                .containsExactly(payload(incidentId, 0), payload(incidentId, 1));
        ConsumerRecord<String, String> first = records.get(0);
        assertThat(header(first, EventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(first, EventHeaders.SUBJECT)).isEqualTo(incidentId);
        assertThat(header(first, EventHeaders.SOURCE)).isEqualTo("/steppewatch/test");
        assertThat(header(first, EventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(header(first, EventHeaders.ID)).isNotEqualTo(header(records.get(1), EventHeaders.ID));
    }

    @Test
    void keepsEventsWhileKafkaIsUnreachableAndPublishesThemOnceItAnswers() {
        String incidentId = UUID.randomUUID().toString();
        storeAggregate(incidentId, 1);

        int whileDown = relay("localhost:1").relayOnce();

        assertThat(whileDown).isZero();
        assertThat(pending(incidentId)).hasSize(1);
        assertThat(mongo.findById(incidentId, Document.class, COLLECTION)).doesNotContainKey("outboxLeaseUntil");

        assertThat(relay(TestInfrastructure.get().kafkaBootstrapServers()).relayOnce()).isEqualTo(1);
        assertThat(pending(incidentId)).isEmpty();
        assertThat(recordsFor(incidentId, 1)).hasSize(1);
    }

    private void storeAggregate(String incidentId, int events) {
        List<Document> outbox = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            OutboxMessage message = OutboxMessage.of(new IncidentRetracted(incidentId, i + 1L,
                    Instant.parse("2026-11-21T10:00:00Z"), "reason " + i), Instant.now());
            Document stored = new Document();
            mongo.getConverter().write(message, stored);
            outbox.add(stored);
        }
        mongo.insert(new Document("_id", incidentId).append("title", "aggregate").append(OutboxMessage.FIELD, outbox),
                COLLECTION);
    }

    private static String payload(String incidentId, int i) {
        return "{\"incidentId\":\"" + incidentId + "\",\"version\":" + (i + 1)
                + ",\"retractedAt\":\"2026-11-21T10:00:00Z\",\"reason\":\"reason " + i + "\",\"reportedBy\":null}";
    }

    private List<Document> pending(String incidentId) {
        return mongo.findById(incidentId, Document.class, COLLECTION).getList(OutboxMessage.FIELD, Document.class);
    }

    private OutboxRelay relay(String bootstrapServers) {
        DefaultKafkaProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1500,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000),
                new StringSerializer(), new StringSerializer());
        factories.add(factory);
        CloudEventPublisher publisher = new CloudEventPublisher(new KafkaTemplate<>(factory), "/steppewatch/test",
                Duration.ofSeconds(5));
        return new OutboxRelay(mongo, publisher, List.of(COLLECTION), Duration.ofMillis(100), Duration.ofSeconds(5),
                Clock.systemUTC());
    }

    private static List<ConsumerRecord<String, String>> recordsFor(String key, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.INCIDENTS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        records.add(r);
                    }
                });
                return records.size() >= expected;
            });
        }
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), UTF_8);
    }
}
