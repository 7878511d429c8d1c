package org.steppewatch.eventing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventTypes;

/**
 * A listener on the real broker that stores what it handles in a MongoDB whose port is closed for a while: the
 * record waits and is handled after the outage (health DOWN meanwhile, nothing dead-lettered), while records that
 * can never be processed go to the dead-letter topic.
 */
@SpringBootTest(classes = {EventingTestApplication.class, ConsumerErrorHandlingTest.StoringListener.class}, properties = {
        "steppewatch.eventing.consumer-attempts=3", "steppewatch.eventing.max-backoff=2s"})
class ConsumerErrorHandlingTest {

    static final String TOPIC = "listener-test-" + UUID.randomUUID();
    private static final FlakyMongo MONGO = new FlakyMongo();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        EventingTestApplication.properties(registry, TOPIC, MONGO.uri("listener-test"));
    }

    @AfterAll
    static void closeMongo() {
        MONGO.close();
    }

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    StoringListener listener;
    @Autowired
    @Qualifier("eventConsumersHealthIndicator")
    HealthIndicator health;

    @Test
    void aRecordWaitsOutAMongoOutageAndIsHandledAfterItWithHealthDownMeanwhile() throws Exception {
        String key = UUID.randomUUID().toString();
        MONGO.stop();
        try {
            long offset = kafka.send(event(key, "good-" + key)).get().getRecordMetadata().offset();

            await().atMost(Duration.ofSeconds(30)).until(() -> health.health(true).getStatus().equals(Status.DOWN));
            assertThat(health.health(true).getDetails().get("waiting").toString())
                    .contains(TOPIC).contains("offset=" + offset)
                    .contains("DataAccessResourceFailureException");
            // far longer than the old handler took to give up (four attempts from 200 ms)
            long outageEnds = System.nanoTime() + Duration.ofSeconds(12).toNanos();
            await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ofSeconds(1))
                    .until(() -> System.nanoTime() > outageEnds);
            assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
            assertThat(listener.attempts(key)).isGreaterThan(3);
        } finally {
            MONGO.start();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById("good-" + key, Document.class, "handled") != null);
        await().atMost(Duration.ofSeconds(10)).until(() -> health.health(true).getStatus().equals(Status.UP));
        assertThat(EventingTestApplication.deadLetters(TOPIC, key)).isEmpty();
    }

    @Test
    void aRecordThatIsNotJsonGoesToTheDeadLetterTopicAtOnce() throws Exception {
        String key = UUID.randomUUID().toString();

        kafka.send(event(key, "poison{")).get();

        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> EventingTestApplication.deadLetters(TOPIC, key), records -> !records.isEmpty());
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo("poison{");
        assertThat(header(dead.get(0), KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
        assertThat(header(dead.get(0), KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).startsWith("tools.jackson");
        assertThat(listener.attempts(key)).isEqualTo(1);
    }

    @Test
    void aRecordThatFailsWithABugGoesToTheDeadLetterTopicAfterTheConfiguredAttempts() throws Exception {
        String key = UUID.randomUUID().toString();

        kafka.send(event(key, "bug")).get();

        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> EventingTestApplication.deadLetters(TOPIC, key), records -> !records.isEmpty());
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0), KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(listener.attempts(key)).isEqualTo(3);
    }

    private static ProducerRecord<String, String> event(String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, value);
        record.headers().add(EventHeaders.TYPE, EventTypes.INCIDENT_RETRACTED.getBytes(UTF_8));
        record.headers().add(EventHeaders.ID, UUID.randomUUID().toString().getBytes(UTF_8));
        return record;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), UTF_8);
    }

    /** Stores "good" records in MongoDB, decodes "poison" ones as events, fails "bug" ones with a bug. */
    static class StoringListener {

        private final MongoTemplate mongo;
        private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

        StoringListener(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        int attempts(String key) {
            return attempts.getOrDefault(key, new AtomicInteger()).get();
        }

        @KafkaListener(topics = "${test.topic}")
        void on(ConsumerRecord<String, String> record) {
            attempts.computeIfAbsent(record.key(), k -> new AtomicInteger()).incrementAndGet();
            if (record.value().startsWith("poison")) {
                ReceivedEvent.of(record).decode();
            } else if (record.value().equals("bug")) {
                throw new IllegalArgumentException("a bug in the listener");
            } else {
                try {
                    mongo.insert(new Document("_id", record.value()), "handled");
                } catch (DuplicateKeyException redelivered) {
                    // handled before
                }
            }
        }
    }

}
