package org.steppewatch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.steppewatch.contracts.Topics;
import org.steppewatch.local.SteppeWatchStack.Service;
import org.steppewatch.testsupport.TestInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One truth for reference data, across the three services on a real broker: a settlement imported into
 * analysis-service is, within seconds and without a restart, accepted by notification-service for a subscription,
 * found by the community page's search and drawn on the console's settlements layer; records of older editions
 * sent again afterwards take none of it back.
 */
@ExtendWith(LocalStack.class)
class ReferenceDataAcrossServicesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WITHIN = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<JsonNode> subscriptions = new ArrayList<>();

    @AfterEach
    void unsubscribe() throws Exception {
        for (JsonNode s : subscriptions) {
            http.send(HttpRequest.newBuilder(URI.create(LocalStack.get().baseUrl(Service.NOTIFICATION) + "/api/v1/subscriptions/"
                    + s.path("id").asString())).header("X-Manage-Token", s.path("manageToken").asString()).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    @Test
    void anImportReachesSubscriptionsSearchAndTheConsoleWithinSecondsAndOldRecordsDoNotRollItBack() throws Exception {
        LocalStack.Running stack = LocalStack.get();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String id = "test:aul-" + run;
        String name = "Aqkol" + run;
        // east of Lake Balkhash, away from the places the other tests use
        Http.postTyped(stack.baseUrl(Service.ANALYSIS) + "/api/v1/settlements/import", "application/geo+json", """
                {"type": "FeatureCollection", "features": [{"type": "Feature", "id": "%s",
                  "geometry": {"type": "Point", "coordinates": [79.9, 46.9]},
                  "properties": {"name": "%s", "nameRu": "Акколь%s", "population": 1200}}]}""".formatted(id, name, run));

        await().atMost(WITHIN).until(() -> subscribe(stack, id) == 201);
        await().atMost(WITHIN).until(() -> search(stack, "Akkol" + run).contains(id));
        await().atMost(WITHIN).until(() -> layer(stack).contains(id));

        // every record of an earlier edition still on the topic, sent again as a redelivery would
        int resent = resendOlderRecords(stack);
        assertThat(resent).isPositive();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() ->
                search(stack, "Akkol" + run).contains(id) && layer(stack).contains(id));
        assertThat(subscribe(stack, id)).isEqualTo(201);
    }

    private int subscribe(LocalStack.Running stack, String settlementId) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(Service.NOTIFICATION)
                        + "/api/v1/subscriptions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "Aqkol school", "area": {"settlementId": "%s"},
                         "channel": {"type": "webhook", "url": "%s"}, "language": "kk", "minSeverity": "Severe"}"""
                        .formatted(settlementId, stack.webhookUrl("reference-" + settlementId)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
            subscriptions.add(JSON.readTree(response.body()));
        }
        return response.statusCode();
    }

    private static List<String> search(LocalStack.Running stack, String query) {
        List<String> ids = new ArrayList<>();
        Http.get(stack.baseUrl(Service.NOTIFICATION) + "/api/v1/community/settlements?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)).forEach(hit -> ids.add(hit.path("id").asString()));
        return ids;
    }

    private static List<String> layer(LocalStack.Running stack) {
        List<String> ids = new ArrayList<>();
        Http.get(stack.baseUrl(Service.INCIDENT) + "/api/v1/map/settlements").path("features")
                .forEach(f -> ids.add(f.path("id").asString()));
        return ids;
    }

    /** Reads reference.v1 to its end and produces again, with their headers, the records below its highest revision. */
    private static int resendOlderRecords(LocalStack.Running stack) throws Exception {
        String servers = TestInfrastructure.get().kafkaBootstrapServers();
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REFERENCE, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(Topics.REFERENCE, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(500)).forEach(all::add);
            }
        }
        long highest = all.stream().filter(r -> r.value() != null)
                .mapToLong(r -> JSON.readTree(r.value()).path("revision").asLong()).max().orElse(0);
        List<ConsumerRecord<String, String>> older = all.stream()
                .filter(r -> r.value() != null && JSON.readTree(r.value()).path("revision").asLong() < highest).toList();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (ConsumerRecord<String, String> record : older) {
                producer.send(new ProducerRecord<>(Topics.REFERENCE, null, record.key(), record.value(), record.headers())).get();
            }
        }
        return older.size();
    }
}
