package org.steppewatch.incident;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.SteppeWatchEvent;
import org.steppewatch.testsupport.TestInfrastructure;

/**
 * Plays the other services with plain Kafka clients: reads what incident-service publishes,
 * publishes what analysis-service would, and watches how far incident-service's group has read.
 */
public final class KafkaPeer implements AutoCloseable {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final Admin admin;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    public KafkaPeer(String topicToRead) {
        String servers = TestInfrastructure.get().kafkaBootstrapServers();
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-peer-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topicToRead));
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
    }

    /** Polls until a record with this key satisfying the predicate arrives. */
    public ConsumerRecord<String, String> awaitRecord(String key, Predicate<ConsumerRecord<String, String>> matching) {
        return await().atMost(DEADLINE).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            return received.stream().filter(r -> key.equals(r.key()) && matching.test(r)).findFirst();
        }, Optional::isPresent).orElseThrow();
    }

    public ConsumerRecord<String, String> awaitRecord(String key, String ceType) {
        return awaitRecord(key, r -> ceType.equals(header(r, EventHeaders.TYPE)));
    }

    /** Everything read so far with this key. */
    public List<ConsumerRecord<String, String>> receivedFor(String key) {
        return received.stream().filter(r -> key.equals(r.key())).toList();
    }

    /** Publishes an event as a binary-mode CloudEvent, as the other services' outbox relays do. */
    public RecordMetadata publish(SteppeWatchEvent event, String eventId) {
        return publish(event.topic(), event.incidentId(), event.eventType(), EventJson.write(event), eventId);
    }

    /** Publishes any value under CloudEvents headers, e.g. a payload that does not match its type. */
    public RecordMetadata publish(String topic, String key, String ceType, String value, String eventId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers()
                .add(EventHeaders.SPEC_VERSION, EventHeaders.SPEC_VERSION_1_0.getBytes(UTF_8))
                .add(EventHeaders.ID, eventId.getBytes(UTF_8))
                .add(EventHeaders.SOURCE, "/steppewatch/analysis-service".getBytes(UTF_8))
                .add(EventHeaders.TYPE, ceType.getBytes(UTF_8))
                .add(EventHeaders.TIME, "2013-07-02T03:00:00Z".getBytes(UTF_8))
                .add(EventHeaders.SUBJECT, key.getBytes(UTF_8))
                .add(EventHeaders.CONTENT_TYPE, EventHeaders.JSON.getBytes(UTF_8));
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits until the consumer group has committed past this record, i.e. its listener processed it. */
    public void awaitConsumed(String groupId, RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        await().atMost(DEADLINE).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
            OffsetAndMetadata committed = offsets.get(partition);
            return committed != null && committed.offset() > record.offset();
        });
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
        producer.close();
        admin.close();
    }
}
