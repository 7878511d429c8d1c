package org.steppewatch.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.Topics;
import org.steppewatch.local.SteppeWatchStack.Service;
import org.steppewatch.testsupport.TestInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The walking skeleton end to end: the three services in separate Spring contexts on a real Kafka
 * broker and MongoDB. An analyst reports the 2013 Proton-M crash; the duty office near the pad, subscribed by
 * webhook, receives a signed alert, Baikonur's council (54 km away, Severe or worse) is not woken, and partners see
 * the alert on alerts.v1.
 */
@ExtendWith(LocalStack.class)
class ProtonCrashEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private static LocalStack.Running stack;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void stack() {
        stack = LocalStack.get();
    }

    @Test
    void protonCrashIsAssessedAndTheDutyOfficeNearThePadIsAlertedBySignedWebhookWhileBaikonurIsNot() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);

        post(Service.NOTIFICATION, "/api/v1/subscriptions", """
                {"name": "Baikonur town council",
                 "area": {"settlementId": "gn:1521368"},
                 "channel": {"type": "webhook", "url": "%s", "secret": "%s"},
                 "language": "ru", "minSeverity": "Severe"}
                """.formatted(stack.webhookUrl("e2e-baikonur"), secret), 201);
        JsonNode subscription = post(Service.NOTIFICATION, "/api/v1/subscriptions", """
                {"name": "Cosmodrome duty office, Site 81",
                 "area": {"point": {"type": "Point", "coordinates": [62.98, 46.07]}, "radiusKm": 15},
                 "channel": {"type": "webhook", "url": "%s", "secret": "%s"},
                 "language": "en", "minSeverity": "Moderate"}
                """.formatted(stack.webhookUrl("e2e-duty-office"), secret), 201);
        assertThat(subscription.path("manageToken").asString()).isNotBlank();

        long reportedAt = System.nanoTime();
        JsonNode incident = post(Service.INCIDENT, "/api/v1/incidents", """
                {"title": "Proton-M launch failure after lift-off",
                 "category": "LAUNCH_FAILURE",
                 "occurredAt": "2013-07-02T02:38:22Z",
                 "location": {"type": "Point", "coordinates": [63.00, 46.05]},
                 "vehicle": "Proton-M", "launchSite": "Baikonur Site 81/24",
                 "releases": [{"substance": "UDMH", "massKg": 172000}],
                 "samples": [{"substance": "UDMH", "medium": "SOIL", "value": 123, "unit": "mg/kg",
                              "location": {"type": "Point", "coordinates": [63.0, 46.05]},
                              "sampledAt": "2013-07-03T10:00:00Z"}]}
                """, 201);
        String incidentId = incident.path("id").asString();
        assertThat(incident.path("status").asString()).isEqualTo("REPORTED");

        await().atMost(DEADLINE).untilAsserted(() ->
                assertThat(get(Service.INCIDENT, "/api/v1/incidents/" + incidentId).path("status").asString())
                        .isEqualTo("ASSESSED"));

        JsonNode assessment = get(Service.INCIDENT, "/api/v1/incidents/" + incidentId + "/assessment");
        // reported in the first minutes, before anyone knows the wind: circles of a few kilometres around the
        // impact, and Baikonur, 54 km away, has no chance of exceeding a level within the release and the hour
        // after it: an off-nominal impact that reaches nobody, Moderate
        JsonNode baikonur = null;
        for (JsonNode s : assessment.path("affectedSettlements")) {
            if ("gn:1521368".equals(s.path("id").asString())) {
                baikonur = s;
            }
        }
        assertThat(baikonur).isNotNull();
        assertThat(baikonur.path("zone").isNull()).isTrue();
        assertThat(baikonur.path("exceedanceProbability").path("AEGL-2").asDouble()).isZero();
        assertThat(assessment.path("severity").asString()).isEqualTo("Moderate");
        assertThat(assessment.path("weatherUsed").path("source").asString()).isEqualTo("UNKNOWN_DIRECTION");
        assertThat(assessment.path("incidentVersion").asLong()).isEqualTo(1);

        // other tests share the stack and report crashes too: this test's webhook names its incident
        LocalStack.ReceivedWebhook webhook = await().atMost(DEADLINE).until(() -> stack.webhooks("e2e-duty-office").stream()
                .filter(w -> w.body().contains(incidentId)).findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(webhook.signature()).isEqualTo(expectedSignature(secret, webhook));
        JsonNode payload = JSON.readTree(webhook.body());
        assertThat(payload.path("type").asString()).isEqualTo("alert.issued");
        assertThat(payload.path("data").path("incidentId").asString()).isEqualTo(incidentId);
        System.out.printf("E2E: POST /incidents to signed webhook in %d ms%n",
                (webhook.receivedAtNanos() - reportedAt) / 1_000_000);

        ConsumerRecord<String, String> alert = firstRecord(Topics.ALERTS, incidentId);
        assertThat(header(alert, EventHeaders.TYPE)).isEqualTo(EventTypes.ALERT_ISSUED);
        assertThat(header(alert, EventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(alert, EventHeaders.SUBJECT)).isEqualTo(incidentId);
        assertThat(header(alert, EventHeaders.SOURCE)).isNotBlank();
        assertThat(header(alert, EventHeaders.ID)).isNotBlank();
        assertThat(header(alert, EventHeaders.TIME)).isNotBlank();
        assertThat(JSON.readTree(alert.value()).path("incidentId").asString()).isEqualTo(incidentId);
        // the same fan-out would have reached Baikonur's council: it was not among the recipients
        assertThat(stack.webhooks("e2e-baikonur")).noneMatch(w -> w.body().contains(incidentId));
    }

    private static String expectedSignature(String secret, LocalStack.ReceivedWebhook webhook) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] signed = mac.doFinal((webhook.id() + "." + webhook.timestamp() + "." + webhook.body()).getBytes(UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(signed);
    }

    private ConsumerRecord<String, String> firstRecord(String topic, String key) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> matching = new ArrayList<>();
            await().atMost(DEADLINE).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        matching.add(r);
                    }
                });
                return !matching.isEmpty();
            });
            return matching.get(0);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    private JsonNode post(Service service, String path, String body, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(service) + path))
                .header("content-type", "application/json").header("Authorization", "Bearer " + Tokens.cli())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s -> %s", path, response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private JsonNode get(Service service, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(service) + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s -> %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
