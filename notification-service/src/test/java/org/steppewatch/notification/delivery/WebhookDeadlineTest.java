package org.steppewatch.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.steppewatch.contracts.Severity;
import org.steppewatch.notification.IntegrationTest;
import org.steppewatch.notification.Tarpit;
import org.steppewatch.notification.WebhookReceiver;

import tools.jackson.databind.JsonNode;

/**
 * Receivers that never finish their answer: one attempt ends at its deadline (2 s here) and is
 * retried later, and meanwhile other deliveries go on. Every byte of the trickle keeps the
 * socket's read timeout (1 s here) from ever firing: only the deadline stops these attempts.
 */
class WebhookDeadlineTest extends IntegrationTest {

    /** Time for the abort to take effect and the thread to be scheduled, on a busy 2-core machine. */
    private static final long MARGIN_MILLIS = 1000;

    @ParameterizedTest
    @EnumSource(value = Tarpit.Mode.class, names = {"TRICKLED_HEADERS", "TRICKLED_BODY"})
    void aTrickledAnswerIsCutOffAtTheDeadlineAndRetriedWhileAHealthyReceiverIsServed(Tarpit.Mode mode) throws Exception {
        try (Tarpit tarpit = Tarpit.start(mode); WebhookReceiver healthy = WebhookReceiver.start()) {
            JsonNode slow = subscribe(webhookSubscription("Tarpit " + mode, Map.of("settlementId", BAIKONUR), tarpit.url(),
                    null, "en", null));
            subscribe(webhookSubscription("Healthy neighbour", Map.of("settlementId", BAIKONUR), healthy.url(), null, "ru",
                    null));
            String incident = newIncidentId();
            publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));
            String alertId = alertIdOf(incident);

            // the healthy receiver gets its alert while the tarpit still holds its connection
            await().atMost(DEADLINE).until(() -> healthy.requests().size() == 1);
            assertThat(tarpit.open()).isEqualTo(1);
            assertThat(tarpit.heldMillis()).isEmpty();

            String slowId = slow.get("id").stringValue();
            JsonNode delivery = await().atMost(DEADLINE).until(() -> deliveryOf(alertId, slowId),
                    d -> d != null && d.get("attempts").size() >= 2);
            assertThat(delivery.get("state").stringValue()).isEqualTo("RETRYING");
            List<Long> held = new ArrayList<>();
            for (JsonNode attempt : delivery.get("attempts")) {
                assertThat(attempt.get("outcome").stringValue()).isEqualTo("timeout");
                assertThat(attempt.get("error").stringValue()).contains("deadline of " + ATTEMPT_DEADLINE_MILLIS + " ms");
                held.add(attempt.get("durationMs").asLong());
            }
            assertThat(held).allSatisfy(ms -> assertThat(ms)
                    .isBetween(ATTEMPT_DEADLINE_MILLIS, ATTEMPT_DEADLINE_MILLIS + MARGIN_MILLIS));
            Instant first = Instant.parse(delivery.at("/attempts/0/at").stringValue());
            Instant second = Instant.parse(delivery.at("/attempts/1/at").stringValue());
            assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofMillis(ATTEMPT_DEADLINE_MILLIS));
            // the tarpit saw the client hang up, not merely stop reading (one trickle step of 500 ms to notice)
            await().atMost(DEADLINE).until(() -> !tarpit.heldMillis().isEmpty());
            assertThat(tarpit.heldMillis().get(0)).isLessThan(ATTEMPT_DEADLINE_MILLIS + MARGIN_MILLIS + 500);
            System.out.printf("tarpit (%s) held a webhook worker for %s ms per attempt (deadline %d ms)%n", mode, held,
                    ATTEMPT_DEADLINE_MILLIS);
        }
    }

    @Test
    void anEndlessBodyIsReadTo64KibAndTheConnectionClosedNotDrained() throws Exception {
        try (Tarpit tarpit = Tarpit.start(Tarpit.Mode.ENDLESS_BODY)) {
            JsonNode sub = subscribe(webhookSubscription("Firehose", Map.of("settlementId", BAIKONUR), tarpit.url(), null,
                    "en", null));
            String incident = newIncidentId();
            publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));
            String alertId = alertIdOf(incident);

            JsonNode delivery = await().atMost(DEADLINE).until(() -> deliveryOf(alertId, sub.get("id").stringValue()),
                    d -> d != null && "SENT".equals(d.get("state").stringValue()));
            // the status was 200 and came at once; draining the endless rest would have run into the deadline
            assertThat(delivery.get("attempts")).hasSize(1);
            assertThat(delivery.at("/attempts/0/httpStatus").asInt()).isEqualTo(200);
            assertThat(delivery.at("/attempts/0/durationMs").asLong()).isLessThan(ATTEMPT_DEADLINE_MILLIS / 2);
            await().atMost(DEADLINE).until(() -> !tarpit.heldMillis().isEmpty());
            assertThat(tarpit.heldMillis().get(0)).isLessThan(ATTEMPT_DEADLINE_MILLIS);
        }
    }

    private JsonNode deliveryOf(String alertId, String subscriptionId) throws Exception {
        for (JsonNode d : deliveries(alertId)) {
            if (subscriptionId.equals(d.get("subscriptionId").stringValue())) {
                return d;
            }
        }
        return null;
    }
}
