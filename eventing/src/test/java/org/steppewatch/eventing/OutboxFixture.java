package org.steppewatch.eventing;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.testsupport.TestInfrastructure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The outbox tests' setting: a database of their own, relays built on it, and a way to read what they published. */
final class OutboxFixture implements AutoCloseable {

    static final String COLLECTION = "aggregates";
    static final String OTHER_COLLECTION = "withdrawals";
    static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MongoClient client;
    private final MongoTemplate mongo;
    private final List<DefaultKafkaProducerFactory<String, String>> factories = new ArrayList<>();
    private final List<OutboxRelay> started = new ArrayList<>();

    OutboxFixture() {
        client = MongoClients.create(TestInfrastructure.get().mongoUri("outbox"));
        mongo = new MongoTemplate(client, "outbox-" + UUID.randomUUID());
    }

    MongoTemplate mongo() {
        return mongo;
    }

    /** A relay over both test collections whose producer reaches {@code bootstrapServers}, fast to give up. */
    OutboxRelay relay(String bootstrapServers) {
        return relay(bootstrapServers, Map.of());
    }

    OutboxRelay relay(String bootstrapServers, Map<String, Object> producerOverrides) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1500,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000));
        config.putAll(producerOverrides);
        DefaultKafkaProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(config,
                new StringSerializer(), new StringSerializer());
        factories.add(factory);
        CloudEventPublisher publisher = new CloudEventPublisher(new KafkaTemplate<>(factory), "/steppewatch/test",
                Duration.ofSeconds(5));
        OutboxRelay relay = new OutboxRelay(new OutboxStore(mongo, List.of(COLLECTION, OTHER_COLLECTION)),
                new OutboxLeases(mongo, Duration.ofSeconds(25), Clock.systemUTC()), publisher, meters, true,
                Duration.ofMillis(100), Clock.systemUTC());
        started.add(relay);
        return relay;
    }

    /** A document {@code id} in {@code collection} with these outbox entries. */
    void store(String collection, String id, Document... outbox) {
        mongo.insert(new Document("_id", id).append(OutboxMessage.FIELD, new ArrayList<>(List.of(outbox))), collection);
    }

    List<Document> pending(String id) {
        return mongo.findById(id, Document.class, COLLECTION).getList(OutboxMessage.FIELD, Document.class);
    }

    static OutboxMessage message(String topic, String key, long sequence, String payload) {
        return new OutboxMessage(UUID.randomUUID().toString(), EventTypes.INCIDENT_RETRACTED, topic, key, AT, payload,
                sequence);
    }

    static void createTopic(String name, Map<String, String> configs) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1).configs(configs))).all().get();
        }
    }

    /** The records of {@code key} on {@code topic}: at least {@code expected}, and whatever else arrives shortly after. */
    static List<ConsumerRecord<String, String>> recordsFor(String topic, String key, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                collect(consumer.poll(Duration.ofMillis(200)), key, records);
                return records.size() >= expected;
            });
            // anything more (a duplicate, a parked event after all) would show up now
            collect(consumer.poll(Duration.ofMillis(500)), key, records);
        }
        return records;
    }

    private static void collect(Iterable<ConsumerRecord<String, String>> polled, String key,
                                List<ConsumerRecord<String, String>> into) {
        polled.forEach(r -> {
            if (key.equals(r.key())) {
                into.add(r);
            }
        });
    }

    @Override
    public void close() {
        started.forEach(OutboxRelay::stop);
        factories.forEach(DefaultKafkaProducerFactory::destroy);
        client.close();
    }
}
