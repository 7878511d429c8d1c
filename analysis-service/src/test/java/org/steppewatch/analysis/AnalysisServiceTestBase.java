package org.steppewatch.analysis;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steppewatch.contracts.ContaminationEvent;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.SteppeWatchEvent;
import org.steppewatch.contracts.Topics;
import org.steppewatch.testsupport.TestInfrastructure;
import org.steppewatch.testsupport.TestIssuer;

/**
 * The service against a real Kafka broker and MongoDB server; Kafka and HTTP clients play the other services.
 * Every test class extending this shares one Spring context, database and consumer group.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + AnalysisServiceApplication.CONFIG_NAME)
abstract class AnalysisServiceTestBase {

    static final Duration DEADLINE = Duration.ofSeconds(45);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static KafkaProducer<String, String> producer;
    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> infrastructure.mongoUri("analysis-it"));
        registry.add("spring.mongodb.database", () -> "analysis-it-" + RUN);
        registry.add("spring.kafka.consumer.group-id", () -> "analysis-it-" + RUN);
        registry.add("steppewatch.security.issuer-uri", () -> TestIssuer.get().issuer());
    }

    @BeforeAll
    static void startProducer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"));
    }

    @AfterAll
    static void stopProducer() {
        producer.close();
    }

    static String newIncidentId() {
        return "it-" + UUID.randomUUID();
    }

    /** The 2013 Proton-M facts, happening now (so the urgency is Immediate). */
    static IncidentFacts protonM(Instant occurredAt) {
        return new IncidentFacts("Proton-M launch failure after lift-off", IncidentCategory.LAUNCH_FAILURE, occurredAt,
                Geo.point(63.00, 46.05), null, "Proton-M", "Baikonur Site 81/24",
                List.of(new IncidentFacts.Release("UDMH", 172_000)),
                List.of(new IncidentFacts.Sample("UDMH", "SOIL", 123, "mg/kg", Geo.point(63.0, 46.05), occurredAt.plusSeconds(3600))),
                new IncidentFacts.Weather(225.0, 3.0, "D"), null);
    }

    static ProducerRecord<String, String> cloudEvent(Integer partition, String key, String type, String payload) {
        return cloudEvent(Topics.INCIDENTS, partition, key, type, payload);
    }

    static ProducerRecord<String, String> cloudEvent(String topic, Integer partition, String key, String type, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, partition, key, payload);
        record.headers().add(EventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8));
        record.headers().add(EventHeaders.ID, UUID.randomUUID().toString().getBytes(UTF_8));
        record.headers().add(EventHeaders.SOURCE, "/steppewatch/incident-service".getBytes(UTF_8));
        record.headers().add(EventHeaders.TYPE, type.getBytes(UTF_8));
        record.headers().add(EventHeaders.TIME, Instant.now().toString().getBytes(UTF_8));
        record.headers().add(EventHeaders.SUBJECT, key.getBytes(UTF_8));
        record.headers().add(EventHeaders.CONTENT_TYPE, EventHeaders.JSON.getBytes(UTF_8));
        return record;
    }

    static ProducerRecord<String, String> cloudEvent(Integer partition, SteppeWatchEvent event) {
        return cloudEvent(partition, event.incidentId(), event.eventType(), EventJson.write(event));
    }

    /** A contamination event as incident-service's relay publishes it: on its topic, under its key. */
    static ProducerRecord<String, String> cloudEvent(ContaminationEvent event) {
        return cloudEvent(event.topic(), null, event.key(), event.eventType(), EventJson.write(event));
    }

    static RecordMetadata send(ProducerRecord<String, String> record) throws Exception {
        return producer.send(record).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    static TopicReader reader(String topic) {
        return new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), topic);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    long documentsOf(String incidentId) {
        return mongo.count(Query.query(Criteria.where("incidentId").is(incidentId)), "assessments");
    }

    boolean outboxesEmpty() {
        return mongo.count(Query.query(Criteria.where("outbox.0").exists(true)), "assessments") == 0
                && mongo.count(Query.query(Criteria.where("outbox.0").exists(true)), "withdrawals") == 0;
    }

}
