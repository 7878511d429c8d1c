package org.steppewatch.notification.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.Topics;
import org.steppewatch.notification.NotificationServiceApplication;
import org.steppewatch.notification.TestMail;
import org.steppewatch.notification.WebhookReceiver;
import org.steppewatch.testsupport.TestInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries outlive the service: stop it while a webhook receiver and the SMTP relay are down,
 * start a new one on the same database once they are back, and everything open completes, once.
 */
class RestartResumeTest {

    private static final Duration DEADLINE = Duration.ofSeconds(40);
    /** Far from Baikonur, where the other tests' alerts (still on the shared topic) fall. */
    private static final Map<String, Object> ULYTAU_AREA = Map.of("type", "Polygon", "coordinates",
            List.of(List.of(List.of(66.4, 47.4), List.of(66.6, 47.4), List.of(66.6, 47.6), List.of(66.4, 47.6),
                    List.of(66.4, 47.4))));
    private static final JsonMapper JSON = EventJson.mapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext start(String mongoUri, String database, int mailPort) {
        Map<String, String> p = Map.ofEntries(
                Map.entry("spring.kafka.bootstrap-servers", TestInfrastructure.get().kafkaBootstrapServers()),
                Map.entry("spring.kafka.consumer.group-id", "restart-test-" + database),
                Map.entry("spring.mongodb.uri", mongoUri),
                Map.entry("spring.mongodb.database", database),
                Map.entry("spring.mail.host", "127.0.0.1"),
                Map.entry("spring.mail.port", Integer.toString(mailPort)),
                Map.entry("server.port", "0"),
                Map.entry("steppewatch.public-base-url", "http://steppewatch.test"),
                Map.entry("steppewatch.delivery.initial-backoff", "100ms"),
                Map.entry("steppewatch.delivery.max-backoff", "500ms"),
                Map.entry("steppewatch.delivery.max-attempts", "1000"),
                Map.entry("steppewatch.delivery.poll-interval", "50ms"),
                Map.entry("steppewatch.delivery.connect-timeout", "1s"),
                Map.entry("steppewatch.delivery.request-timeout", "1s"),
                Map.entry("steppewatch.webhook.allow", "127.0.0.0/8"),
                Map.entry("steppewatch.eventing.poll-interval", "100ms"));
        return NotificationServiceApplication.application()
                .run(p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private JsonNode call(int port, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static List<Document> openDeliveries(ConfigurableApplicationContext context) {
        MongoTemplate mongo = context.getBean(MongoTemplate.class);
        return mongo.findAll(Document.class, "deliveries").stream()
                .filter(d -> List.of("PENDING", "RETRYING").contains(d.getString("state"))).toList();
    }

    @Test
    void deliveriesOpenAtAStopCompleteAfterARestartOnTheSameDatabaseExactlyOnce() throws Exception {
        String uri = TestInfrastructure.get().mongoUri("restart");
        String database = URI.create(uri.replace("mongodb://", "http://")).getPath().substring(1);
        int hookPort = WebhookReceiver.freePort();
        int deadMailPort = WebhookReceiver.freePort();
        String address = "council-" + System.nanoTime() + "@baikonur.example.kz";
        String incident = "inc-restart-" + UUID.randomUUID();
        List<Document> openAtStop;

        ConfigurableApplicationContext first = start(uri, database, deadMailPort);
        try {
            int port = port(first);
            call(port, "POST", "/api/v1/subscriptions", JSON.writeValueAsString(Map.of("name", "Baikonur council",
                    "area", ULYTAU_AREA, "language", "ru",
                    "channel", Map.of("type", "webhook", "url", "http://127.0.0.1:" + hookPort + "/hooks"))));
            JsonNode email = call(port, "POST", "/api/v1/subscriptions", JSON.writeValueAsString(Map.of("name", "Akimat",
                    "area", ULYTAU_AREA, "language", "en",
                    "channel", Map.of("type", "email", "address", address))));
            assertThat(email.get("state").stringValue()).isEqualTo("PENDING_CONFIRMATION");
            publish(incident);
            // the webhook receiver and the SMTP relay are both down: two open deliveries, retried and failing
            await().atMost(DEADLINE).until(() -> {
                List<Document> open = openDeliveries(first);
                return open.size() == 2 && open.stream().allMatch(d -> d.getInteger("attemptCount", 0) >= 2);
            });
        } finally {
            first.close();
        }
        // between the two instances: both deliveries are open, and a graceful stop handed back what it held
        try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(uri)) {
            openAtStop = new ArrayList<>();
            client.getDatabase(database).getCollection("deliveries").find().into(openAtStop);
        }
        assertThat(openAtStop).hasSize(2).allSatisfy(d -> {
            assertThat(d.getString("state")).isEqualTo("RETRYING");
            assertThat(d.get("leaseToken")).isNull();
        });

        try (WebhookReceiver receiver = WebhookReceiver.startOn(hookPort)) {
            ConfigurableApplicationContext second = start(uri, database, TestMail.port());
            try {

                await().atMost(DEADLINE).until(() -> receiver.requests().size() == 1 && TestMail.to(address).size() == 1);
                await().atMost(DEADLINE).until(() -> openDeliveries(second).isEmpty());
                MongoTemplate mongo = second.getBean(MongoTemplate.class);
                for (Document d : mongo.findAll(Document.class, "deliveries")) {
                    assertThat(d.getString("state")).isEqualTo("SENT");
                    List<Document> attempts = d.getList("attempts", Document.class);
                    assertThat(attempts.size()).isGreaterThanOrEqualTo(3);
                    assertThat(attempts.get(0).getString("outcome")).isEqualTo("connection_error");
                    assertThat(attempts.get(attempts.size() - 1).getString("outcome")).isEqualTo("success");
                }
                assertThat(TestMail.to(address).get(0).getSubject()).isEqualTo("Confirm your Steppe Watch alert subscription");
                assertThat(JSON.readTree(receiver.requests().get(0).body()).at("/data/incidentId").stringValue())
                        .isEqualTo(incident);
                // and nothing more arrives
                await().during(Duration.ofSeconds(1)).atMost(DEADLINE).until(() -> receiver.requests().size() == 1);
            } finally {
                second.close();
            }
        }
    }

    private static void publish(String incidentId) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        IncidentAssessed assessment = new IncidentAssessed(incidentId, 1, incidentId + ":1", Instant.now(), "test",
                new IncidentAssessed.IncidentSummary("Stage impact near Baikonur", IncidentCategory.STAGE_IMPACT,
                        Instant.now(), Geo.point(63.3, 45.6)),
                null, List.of(new IncidentAssessed.HazardZone("SCREENING", "UDMH", null, null,
                Geo.FACTORY.toGeometry(new Envelope(66.45, 66.55, 47.45, 47.55)), "screening", List.of())),
                List.of(), List.of(), Severity.SEVERE, "Expected", "Likely", "test");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ASSESSMENTS, 0, incidentId,
                    EventJson.write(assessment));
            record.headers().add(EventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8))
                    .add(EventHeaders.ID, UUID.randomUUID().toString().getBytes(UTF_8))
                    .add(EventHeaders.SOURCE, "/test".getBytes(UTF_8))
                    .add(EventHeaders.TYPE, EventTypes.INCIDENT_ASSESSED.getBytes(UTF_8))
                    .add(EventHeaders.SUBJECT, incidentId.getBytes(UTF_8))
                    .add(EventHeaders.CONTENT_TYPE, "application/json".getBytes(UTF_8));
            producer.send(record).get();
        }
    }
}
