package org.steppewatch.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steppewatch.contracts.IncidentRetracted;
import org.steppewatch.contracts.Topics;
import org.steppewatch.testsupport.TestInfrastructure;

/**
 * A service as the auto-configuration builds it, with a poll interval of an hour: an event stored by a plain
 * MongoTemplate write, with nobody calling {@code wake()}, is published at once, since the write itself wakes the
 * relay. And the relay's producer does not linger.
 */
@SpringBootTest(classes = EventingTestApplication.class, properties = {
        "steppewatch.eventing.outbox-collections=aggregates", "steppewatch.eventing.poll-interval=1h"})
class OutboxWakeOnWriteTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        EventingTestApplication.properties(registry, "wake-test-" + UUID.randomUUID(),
                TestInfrastructure.get().mongoUri("wake-test"));
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void anEventStoredByAnyWriteIsPublishedWithoutWaitingForThePoll() {
        // the first one may be found by the relay's first pass at start; reading it back takes over half a second
        // more, by which time the relay waits for its next wake-up, and only a wake-up sends the second one
        String first = store();
        assertThat(OutboxFixture.recordsFor(Topics.INCIDENTS, first, 1)).hasSize(1);
        long stored = System.nanoTime();
        String second = store();

        List<ConsumerRecord<String, String>> records = OutboxFixture.recordsFor(Topics.INCIDENTS, second, 1);

        long seconds = Duration.ofNanos(System.nanoTime() - stored).toSeconds();
        assertThat(records).hasSize(1);
        assertThat(seconds).as("published long before the hour's poll").isLessThan(30);
        assertThat(mongo.findById(second, Document.class, "aggregates").getList(OutboxMessage.FIELD, Document.class))
                .isEmpty();
    }

    private String store() {
        String incidentId = UUID.randomUUID().toString();
        OutboxMessage message = OutboxMessage.of(new IncidentRetracted(incidentId, 1, Instant.now(), "wake test"),
                Instant.now());
        mongo.insert(new Document("_id", incidentId).append(OutboxMessage.FIELD, List.of(message.toDocument())),
                "aggregates");
        return incidentId;
    }

    @Test
    void theProducerSendsAtOnce() {
        Map<String, Object> config = ((DefaultKafkaProducerFactory<String, String>) kafka.getProducerFactory())
                .getConfigurationProperties();

        assertThat(config).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 0);
    }
}
