package org.steppewatch.eventing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.Topics;
import org.steppewatch.eventing.deadletter.DeadLetter;
import org.steppewatch.eventing.deadletter.DeadLetters;
import org.steppewatch.testsupport.TestInfrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A record the listener cannot process lands in the dead-letter topic, is listed with where it came from and why,
 * counted, and after the fix replayed once to its topic with its own headers.
 */
@SpringBootTest(classes = {EventingTestApplication.class, DeadLettersTest.FixableListener.class, SimpleMeterRegistry.class},
        properties = "steppewatch.eventing.dead-letter-count-interval=0s")
class DeadLettersTest {

    static final String TOPIC = "dead-letter-test-" + UUID.randomUUID();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        EventingTestApplication.properties(registry, TOPIC, TestInfrastructure.get().mongoUri("dead-letters"));
    }

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    FixableListener listener;
    @Autowired
    MeterRegistry meters;

    @Test
    void aDeadLetterIsListedCountedAndReplayedOnceAfterTheFix() throws Exception {
        String key = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        ProducerRecord<String, String> poison = new ProducerRecord<>(TOPIC, key, "{not json");
        poison.headers().add(EventHeaders.TYPE, EventTypes.INCIDENT_RETRACTED.getBytes(UTF_8));
        poison.headers().add(EventHeaders.ID, eventId.getBytes(UTF_8));
        long offset = kafka.send(poison).get().getRecordMetadata().offset();

        List<DeadLetter> waiting = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetters.waiting(), letters -> !letters.isEmpty());
        assertThat(deadLetters.topics()).containsExactly(Topics.deadLetter(TOPIC));
        assertThat(waiting).hasSize(1);
        DeadLetter dead = waiting.get(0);
        assertThat(dead.topic()).isEqualTo(Topics.deadLetter(TOPIC));
        assertThat(dead.key()).isEqualTo(key);
        assertThat(dead.originalTopic()).isEqualTo(TOPIC);
        assertThat(dead.originalPartition()).isZero();
        assertThat(dead.originalOffset()).isEqualTo(offset);
        assertThat(dead.exceptionCause()).startsWith("tools.jackson");
        assertThat(dead.eventId()).isEqualTo(eventId);
        assertThat(dead.eventType()).isEqualTo(EventTypes.INCIDENT_RETRACTED);
        assertThat(deadLetters.count(Topics.deadLetter(TOPIC))).isEqualTo(1);
        assertThat(gauge()).isEqualTo(1.0);

        listener.fixed = true;
        // two admins press replay at once: the record goes back once
        CompletableFuture<DeadLetters.Replayed> first = CompletableFuture.supplyAsync(() -> deadLetters.replay(null, null, null));
        CompletableFuture<DeadLetters.Replayed> second = CompletableFuture.supplyAsync(
                () -> deadLetters.replay(dead.topic(), dead.partition(), dead.offset()));

        assertThat(first.get().replayed() + second.get().replayed()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.handled.stream().anyMatch(r -> key.equals(r.key())));
        ConsumerRecord<String, String> replayed = listener.handled.stream().filter(r -> key.equals(r.key())).findFirst()
                .orElseThrow();
        assertThat(replayed.value()).isEqualTo("{not json");
        assertThat(new String(replayed.headers().lastHeader(EventHeaders.ID).value(), UTF_8)).isEqualTo(eventId);
        assertThat(replayed.headers()).extracting(Header::key).noneMatch(name -> name.startsWith("kafka_dlt-"));
        assertThat(deadLetters.waiting()).isEmpty();
        assertThat(deadLetters.count(Topics.deadLetter(TOPIC))).isZero();
        assertThat(gauge()).isZero();
        assertThat(deadLetters.replay(null, null, null).replayed()).isZero();
        // nothing more arrives: no second copy from the other replay
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> listener.handled.stream().filter(r -> key.equals(r.key())).count() == 1);
    }

    private double gauge() {
        return meters.get("steppewatch.dead.letters").tag("topic", Topics.deadLetter(TOPIC)).gauge().value();
    }

    /** Refuses what is not JSON until it is "fixed". */
    static class FixableListener {

        volatile boolean fixed;
        final List<ConsumerRecord<String, String>> handled = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = "${test.topic}")
        void on(ConsumerRecord<String, String> record) {
            if (!fixed) {
                ReceivedEvent.of(record).decode();
            }
            handled.add(record);
        }
    }
}
