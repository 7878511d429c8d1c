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

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.Topics;
import org.steppewatch.notification.TestMail;
import org.steppewatch.notification.WebhookReceiver;
import org.steppewatch.testsupport.TestInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An endpoint that fails for longer than {@code disable-after} is disabled, its open deliveries are
 * cancelled and operators are told; its owner enables it again. Time-compressed: 1.5 s instead of 5 days, attempts every 200 ms.
 */
class EndpointDisableTest {

    private static final Duration DEADLINE = Duration.ofSeconds(40);
    private static final JsonMapper JSON = EventJson.mapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aWebhookFailingForLongerThanDisableAfterIsDisabledItsDeliveriesCancelledAndOperatorsToldUntilItsOwnerEnablesIt() throws Exception {
        String uri = TestInfrastructure.get().mongoUri("disable");
        String database = URI.create(uri.replace("mongodb://", "http://")).getPath().substring(1);
        String incident = "inc-disable-" + UUID.randomUUID();
        ConfigurableApplicationContext service = StandaloneService.start(uri, database, TestMail.port(), Map.of(
                "steppewatch.delivery.disable-after", "1500ms",
                "steppewatch.delivery.retry-schedule", "0s" + ",200ms".repeat(100)));
        try (WebhookReceiver receiver = WebhookReceiver.start().byDefaultAnswer(503);
             KafkaConsumer<String, String> operations = operationsConsumer()) {
            int port = StandaloneService.port(service);
            JsonNode sub = call(port, "POST", "/api/v1/subscriptions", null, JSON.writeValueAsString(Map.of(
                    "name", "Zhezkazgan district", "area", StandaloneService.ZHEZKAZGAN_AREA, "language", "kk",
                    "channel", Map.of("type", "webhook", "url", receiver.url()))));
            String id = sub.get("id").stringValue();
            String manageToken = sub.get("manageToken").stringValue();
            StandaloneService.publish(incident, new Envelope(67.65, 67.75, 47.75, 47.85));

            await().atMost(DEADLINE).until(() -> "DISABLED".equals(
                    call(port, "GET", "/api/v1/subscriptions/" + id, manageToken, null).get("state").stringValue()));
            MongoTemplate mongo = service.getBean(MongoTemplate.class);
            Document delivery = await().atMost(DEADLINE).until(() -> mongo.findAll(Document.class, "deliveries").stream()
                    .filter(d -> id.equals(d.getString("subscriptionId"))).findFirst().orElse(null),
                    d -> d != null && "CANCELLED".equals(d.getString("state")));
            assertThat(delivery.getString("note")).startsWith("subscription disabled: every delivery failed since");
            List<Document> attempts = delivery.getList("attempts", Document.class);
            Instant firstFailure = attempts.get(0).getDate("at").toInstant();
            Instant lastFailure = attempts.get(attempts.size() - 1).getDate("at").toInstant();
            assertThat(attempts).allSatisfy(a -> assertThat(a.getString("outcome")).isEqualTo("http_error"));

            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(DEADLINE).until(() -> {
                operations.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (id.equals(r.key())) {
                        records.add(r);
                    }
                });
                return records.size() == 1;
            });
            ConsumerRecord<String, String> record = records.get(0);
            assertThat(new String(record.headers().lastHeader(EventHeaders.TYPE).value(), UTF_8))
                    .isEqualTo("org.steppewatch.endpoint.disabled.v1");
            JsonNode event = JSON.readTree(record.value());
            assertThat(event.get("subscriptionId").stringValue()).isEqualTo(id);
            assertThat(Instant.parse(event.get("failingSince").stringValue())).isEqualTo(firstFailure);
            // disabled only once the failures had lasted the 1.5 s, at the failure that found it so
            Instant disabledAt = Instant.parse(event.get("disabledAt").stringValue());
            assertThat(Duration.between(firstFailure, disabledAt)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
            assertThat(disabledAt).isAfterOrEqualTo(lastFailure);
            assertThat(event.get("cancelledDeliveries").asLong()).isEqualTo(1);
            assertThat(event.get("reason").stringValue()).contains("receiver answered HTTP 503");

            // nothing more goes to it
            int seen = receiver.requests().size();
            await().during(Duration.ofSeconds(1)).atMost(DEADLINE).until(() -> receiver.requests().size() == seen);
            assertThat(mongo.findAll(Document.class, "failingEndpoints")).isEmpty();

            // the owner mended the receiver and enables the webhook again: the next alert reaches it
            receiver.byDefaultAnswer(204);
            assertThat(call(port, "POST", "/api/v1/subscriptions/" + id + "/enable", manageToken, null).get("state")
                    .stringValue()).isEqualTo("ACTIVE");
            String next = "inc-enabled-" + UUID.randomUUID();
            StandaloneService.publish(next, new Envelope(67.65, 67.75, 47.75, 47.85));
            await().atMost(DEADLINE).until(() -> receiver.requests().stream()
                    .anyMatch(r -> r.body().contains(next)));
            assertThat(callStatus(port, "/api/v1/subscriptions/" + id + "/enable", manageToken))
                    .as("enabling what is not disabled").isEqualTo(409);
            assertThat(callStatus(port, "/api/v1/subscriptions/" + id + "/enable", "not-the-token")).isEqualTo(403);
        } finally {
            service.close();
        }
    }

    private JsonNode call(int port, String method, String path, String manageToken, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (manageToken != null) {
            request.header("X-Manage-Token", manageToken);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private int callStatus(int port, String path, String manageToken) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Manage-Token", manageToken).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static KafkaConsumer<String, String> operationsConsumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-operations-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(Topics.OPERATIONS));
        return consumer;
    }
}
