package org.steppewatch.eventing.deadletter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads dead-letter topics with a short-lived consumer that is assigned the partitions and seeks to each one's
 * replay position ({@link DeadLetterPositions}): no consumer group joins, no offsets are committed.
 */
class DeadLetterReader {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ConsumerFactory<String, String> consumers;
    private final DeadLetterPositions positions;

    DeadLetterReader(ConsumerFactory<String, String> consumers, DeadLetterPositions positions) {
        this.consumers = consumers;
        this.positions = positions;
    }

    /** One partition's waiting records, oldest first, and the partition's first offset still kept by the broker. */
    record Waiting(String topic, int partition, long firstOffset, List<ConsumerRecord<String, String>> records) {
    }

    /** The records waiting in every partition of {@code topic}; none when the topic does not exist. */
    List<Waiting> waiting(String topic) {
        try (Consumer<String, String> consumer = consumer()) {
            List<Waiting> all = new ArrayList<>();
            for (TopicPartition partition : partitions(consumer, topic)) {
                all.add(read(consumer, partition));
            }
            return all;
        }
    }

    /** How many records wait in {@code topic}, from offsets alone (nothing is fetched). */
    long count(String topic) {
        try (Consumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long count = 0;
            for (TopicPartition partition : partitions) {
                DeadLetterPositions.Position position = positions.get(topic, partition.partition());
                long from = Math.max(position.next(), begin.get(partition));
                long to = end.get(partition);
                count += Math.max(0, to - from)
                        - position.replayed().stream().filter(o -> o >= from && o < to).count();
            }
            return count;
        }
    }

    private Waiting read(Consumer<String, String> consumer, TopicPartition partition) {
        DeadLetterPositions.Position position = positions.get(partition.topic(), partition.partition());
        long first = consumer.beginningOffsets(List.of(partition), TIMEOUT).get(partition);
        long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        consumer.assign(List.of(partition));
        consumer.seek(partition, Math.max(position.next(), first));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (consumer.position(partition, TIMEOUT) < end && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < end && position.waiting(record.offset())) {
                    records.add(record);
                }
            }
        }
        return new Waiting(partition.topic(), partition.partition(), first, records);
    }

    private static List<TopicPartition> partitions(Consumer<String, String> consumer, String topic) {
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(TIMEOUT);
        List<PartitionInfo> infos = topics.getOrDefault(topic, List.of());
        Map<Integer, TopicPartition> sorted = new LinkedHashMap<>();
        infos.stream().map(PartitionInfo::partition).sorted()
                .forEach(p -> sorted.put(p, new TopicPartition(topic, p)));
        return List.copyOf(sorted.values());
    }

    private Consumer<String, String> consumer() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        return consumers.createConsumer(null, "dead-letters-", UUID.randomUUID().toString().substring(0, 8), overrides);
    }
}
