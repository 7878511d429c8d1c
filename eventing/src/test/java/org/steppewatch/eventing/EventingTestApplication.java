package org.steppewatch.eventing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.steppewatch.contracts.Topics;
import org.steppewatch.testsupport.TestInfrastructure;

/** A service in miniature for the eventing tests: the auto-configurations; each test adds its listener. */
@SpringBootConfiguration
@EnableAutoConfiguration
class EventingTestApplication {

    /** Settings of the miniature service; creates {@code topic} and its dead-letter topic. */
    static void properties(DynamicPropertyRegistry registry, String topic, String mongoUri) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1),
                    new NewTopic(Topics.deadLetter(topic), 1, (short) 1))).all().get();
        }
        registry.add("test.topic", () -> topic);
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.get().kafkaBootstrapServers());
        registry.add("spring.kafka.consumer.group-id", () -> "eventing-test-" + UUID.randomUUID());
        registry.add("spring.kafka.consumer.auto-offset-reset", () -> "earliest");
        registry.add("spring.mongodb.uri", () -> mongoUri);
        registry.add("steppewatch.eventing.create-topics", () -> "false");
    }

    /** What waits in the dead-letter topic of {@code topic} for {@code key}. */
    static List<ConsumerRecord<String, String>> deadLetters(String topic, String key) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(Topics.deadLetter(topic), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        records.add(r);
                    }
                });
            }
        }
        return records;
    }
}
