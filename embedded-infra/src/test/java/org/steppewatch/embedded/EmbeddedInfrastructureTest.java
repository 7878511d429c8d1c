package org.steppewatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

class EmbeddedInfrastructureTest {

    @Test
    void kafkaKeepsRecordsAcrossARestart(@TempDir Path dir) throws Exception {
        Path logDir = dir.resolve("kafka");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, 0, 0);
             var producer = new KafkaProducer<String, String>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("restart-check", "inc-1", "before restart")).get();
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, 0, 0);
             var consumer = new KafkaConsumer<String, String>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString(),
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("restart-check"));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            }
            assertThat(seen).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("inc-1");
                assertThat(r.value()).isEqualTo("before restart");
            });
        }
    }

    @Test
    void mongoH2BackendKeepsDocumentsAcrossARestart(@TempDir Path dir) {
        Path file = dir.resolve("mongo.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.startPersistent(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("check").getCollection("incidents").insertOne(new Document("_id", "inc-1").append("title", "Proton-M"));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.startPersistent(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            Document found = client.getDatabase("check").getCollection("incidents").find(new Document("_id", "inc-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("title")).isEqualTo("Proton-M");
        }
    }
}
