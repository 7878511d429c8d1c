package org.steppewatch.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.Topics;
import org.steppewatch.notification.IntegrationTest;
import org.steppewatch.notification.WebhookReceiver;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/** Receivers that fail, then recover. The retry schedule here: {@link IntegrationTest#RETRY_SCHEDULE}, 8 attempts. */
class DeliveryRetryTest extends IntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void aReceiverAnswering503TwiceGetsTheAlertOnTheThirdAttemptWithEveryAttemptRecorded() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().thenAnswer(503, 503)) {
            JsonNode sub = subscribe(webhookSubscription("Toretam", Map.of("settlementId", BAIKONUR), receiver.url(), null,
                    "ru", null));
            double retriedBefore = count("retried");
            double sentBefore = count("sent");
            String incident = newIncidentId();
            publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));

            String alertId = alertIdOf(incident);
            JsonNode delivery = awaitOnlyDelivery(alertId, "SENT");
            assertThat(delivery.get("attempts").size()).isEqualTo(3);
            assertThat(delivery.findValuesAsString("outcome")).containsExactly("http_error", "http_error", "success");
            assertThat(delivery.get("attempts").findValues("httpStatus")).extracting(JsonNode::asInt)
                    .containsExactly(503, 503, 200);
            assertThat(delivery.at("/attempts/0/error").stringValue()).contains("503");
            Instant first = Instant.parse(delivery.at("/attempts/0/at").stringValue());
            Instant second = Instant.parse(delivery.at("/attempts/1/at").stringValue());
            Instant third = Instant.parse(delivery.at("/attempts/2/at").stringValue());
            // 100 ms ±20 %, then 200 ms ±20 %
            assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofMillis(80));
            assertThat(Duration.between(second, third)).isGreaterThanOrEqualTo(Duration.ofMillis(160));

            // the receiver saw three POSTs of the same message: same id and body, each freshly and validly signed
            assertThat(receiver.requests()).hasSize(3);
            assertThat(receiver.requests()).extracting(r -> r.header("webhook-id")).containsOnly(delivery.get("id").stringValue());
            assertThat(receiver.requests()).extracting(WebhookReceiver.Request::body).containsOnly(receiver.requests().get(0).body());
            for (WebhookReceiver.Request request : receiver.requests()) {
                assertThat(signatureValid(request, sub.at("/channel/secret").stringValue())).isTrue();
            }
            assertThat(count("retried") - retriedBefore).isEqualTo(2);
            assertThat(count("sent") - sentBefore).isEqualTo(1);
        }
    }

    @Test
    void aReceiverThatIsNotUpYetGetsTheAlertOnceItStarts() throws Exception {
        int port = WebhookReceiver.freePort();
        subscribe(webhookSubscription("Baikonur museum", Map.of("settlementId", BAIKONUR),
                "http://127.0.0.1:" + port + "/hooks/steppewatch", null, "en", null));
        String incident = newIncidentId();
        publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));
        String alertId = alertIdOf(incident);

        JsonNode retrying = awaitOnlyDelivery(alertId, "RETRYING");
        assertThat(retrying.at("/attempts/0/outcome").stringValue()).isEqualTo("connection_error");
        assertThat(retrying.at("/attempts/0/httpStatus").isNull()).isTrue();
        assertThat(retrying.get("nextAttemptAt").isNull()).isFalse();
        // a webhook receiver being down is the receiver's problem, not the service's health
        var health = get("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(json(health).get("status").stringValue()).isEqualTo("UP");
        assertThat(json(health).at("/components/mongo/status").stringValue()).isEqualTo("UP");

        try (WebhookReceiver receiver = WebhookReceiver.startOn(port)) {
            JsonNode sent = awaitOnlyDelivery(alertId, "SENT");
            assertThat(sent.get("attempts").size()).isGreaterThanOrEqualTo(2);
            assertThat(sent.findValuesAsString("outcome")).last().isEqualTo("success");
            assertThat(receiver.requests()).hasSize(1);
        }
    }

    @Test
    void aReceiverThatNeverAcceptsIsGivenUpAfterEightAttemptsAndOperatorsAreTold() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().byDefaultAnswer(500);
             KafkaConsumer<String, String> operations = consumer(Topics.OPERATIONS)) {
            JsonNode sub = subscribe(webhookSubscription("Broken endpoint", Map.of("settlementId", BAIKONUR), receiver.url(),
                    null, "kk", null));
            double failedBefore = count("failed");
            double exhaustedBefore = count("exhausted");
            String incident = newIncidentId();
            publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));

            String alertId = alertIdOf(incident);
            JsonNode failed = awaitOnlyDelivery(alertId, "FAILED");
            assertThat(failed.get("attempts").size()).isEqualTo(8);
            assertThat(failed.findValuesAsString("outcome")).containsOnly("http_error");
            assertThat(failed.get("nextAttemptAt").isNull()).isTrue();
            assertThat(receiver.requests()).hasSize(8);
            // the waits of the schedule, 100 ms to 1 s, each -20 % at worst: 0.1+0.2+0.4+0.8+1+1+1 = 4.5 s, times 0.8
            Instant first = Instant.parse(failed.at("/attempts/0/at").stringValue());
            Instant last = Instant.parse(failed.at("/attempts/7/at").stringValue());
            assertThat(Duration.between(first, last)).isGreaterThanOrEqualTo(Duration.ofMillis(3600));
            assertThat(count("failed") - failedBefore).isEqualTo(1);

            // operators learn of it on operations.v1, keyed by the incident, once
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(DEADLINE).until(() -> pollKey(operations, incident, records).size() >= 1);
            await().during(Duration.ofMillis(500)).atMost(DEADLINE).until(() -> pollKey(operations, incident, records).size() == 1);
            ConsumerRecord<String, String> record = records.get(0);
            assertThat(header(record, EventHeaders.TYPE)).isEqualTo("org.steppewatch.delivery.exhausted.v1");
            assertThat(header(record, EventHeaders.SUBJECT)).isEqualTo(incident);
            JsonNode event = JSON.readTree(record.value());
            assertThat(event.get("deliveryId").stringValue()).isEqualTo(alertId + ":" + sub.get("id").stringValue());
            assertThat(event.get("alertId").stringValue()).isEqualTo(alertId);
            assertThat(event.get("incidentId").stringValue()).isEqualTo(incident);
            assertThat(event.get("subscriptionId").stringValue()).isEqualTo(sub.get("id").stringValue());
            assertThat(event.get("channel").stringValue()).isEqualTo("webhook");
            assertThat(event.get("attempts").asInt()).isEqualTo(8);
            assertThat(event.get("lastError").stringValue()).isEqualTo("receiver answered HTTP 500");
            assertThat(Instant.parse(event.get("failedAt").stringValue())).isEqualTo(last);
            assertThat(count("exhausted") - exhaustedBefore).isEqualTo(1);
        }
    }

    /**
     * Delivery is at least once: an attempt the service gave up on may still have reached the receiver, so
     * the same message can arrive twice. Every attempt of a delivery carries the same {@code webhook-id}
     * (receivers de-duplicate on it), and no two attempts of one delivery run at the same time.
     */
    @Test
    void aReceiverTooSlowToAnswerGetsTheSameMessageAgainUnderTheSameWebhookIdNotConcurrently() throws Exception {
        // the service waits 1 s for an answer here; this receiver takes 2.5 s the first time
        try (WebhookReceiver receiver = WebhookReceiver.start().thenStall(1, 2500)) {
            subscribe(webhookSubscription("Slow server", Map.of("settlementId", BAIKONUR), receiver.url(), null, "kk", null));
            String incident = newIncidentId();
            publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));

            JsonNode delivery = awaitOnlyDelivery(alertIdOf(incident), "SENT");
            assertThat(delivery.findValuesAsString("outcome")).containsExactly("timeout", "success");
            assertThat(delivery.at("/attempts/0/error").stringValue()).contains("no response within");
            assertThat(delivery.at("/attempts/0/durationMs").asLong()).isBetween(900L, 2400L);
            // the receiver saw the same message twice, under one webhook-id to de-duplicate it by
            assertThat(receiver.requests()).hasSize(2);
            assertThat(receiver.requests()).extracting(r -> r.header("webhook-id")).containsOnly(delivery.get("id").stringValue());
            assertThat(receiver.requests().get(1).body()).isEqualTo(receiver.requests().get(0).body());
            // the second attempt began only after the first had ended (given up at the request timeout)
            Instant firstStarted = Instant.parse(delivery.at("/attempts/0/at").stringValue());
            Instant secondStarted = Instant.parse(delivery.at("/attempts/1/at").stringValue());
            assertThat(secondStarted).isAfterOrEqualTo(firstStarted.plusMillis(delivery.at("/attempts/0/durationMs").asLong()));
        }
    }

    private double count(String outcome) {
        return meters.get("steppewatch.deliveries").tag("outcome", outcome).counter().count();
    }
}
