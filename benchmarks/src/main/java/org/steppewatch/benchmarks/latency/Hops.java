package org.steppewatch.benchmarks.latency;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.Topics;

/**
 * Reads incidents.v1 and assessments.v1 as a partner would (no consumer group) and keeps, per incident,
 * when each service wrote its event ({@code ce_time}: the time of the outbox write) and when its relay sent it (the
 * record's CreateTime, stamped by the producer): the hops of a report on its way to the webhook.
 */
final class Hops implements AutoCloseable {

    /** Epoch microseconds; 0 until seen. */
    static final class Times {
        volatile long reportedWritten, reportedSent, assessedWritten, assessedSent;
    }

    private final Map<String, Times> times = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final Thread reader;
    private volatile boolean running = true;

    Hops(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new java.util.ArrayList<>();
        for (String topic : List.of(Topics.INCIDENTS, Topics.ASSESSMENTS)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        reader = new Thread(this::read, "latency-hops");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        while (running) {
            try {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    note(record);
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                return;
            }
        }
    }

    private void note(ConsumerRecord<String, String> record) {
        String type = header(record, EventHeaders.TYPE);
        String time = header(record, EventHeaders.TIME);
        if (type == null || time == null || record.key() == null) {
            return;
        }
        long written = Micros.epochMicros(Instant.parse(time));
        long sent = record.timestamp() * 1_000;
        Times t = times.computeIfAbsent(record.key(), k -> new Times());
        if (type.endsWith(".incident.reported.v1")) {
            t.reportedWritten = written;
            t.reportedSent = sent;
        } else if (type.endsWith(".incident.assessed.v1")) {
            t.assessedWritten = written;
            t.assessedSent = sent;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    Times of(String incidentId) {
        return times.get(incidentId);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
