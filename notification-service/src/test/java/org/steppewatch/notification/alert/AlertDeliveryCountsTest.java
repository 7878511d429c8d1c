package org.steppewatch.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.Severity;
import org.steppewatch.notification.IntegrationTest;
import org.steppewatch.notification.WebhookReceiver;

import tools.jackson.databind.JsonNode;

/** The public view of an alert counts its deliveries by state and names no recipient. */
class AlertDeliveryCountsTest extends IntegrationTest {

    @Test
    void anAlertShowsHowManyDeliveriesAreInEachState() throws Exception {
        try (WebhookReceiver up = WebhookReceiver.start(); WebhookReceiver alsoUp = WebhookReceiver.start();
             WebhookReceiver failing = WebhookReceiver.start().byDefaultAnswer(503)) {
            for (WebhookReceiver receiver : new WebhookReceiver[] {up, alsoUp, failing}) {
                subscribe(webhookSubscription("Baikonur " + receiver.url(), Map.of("settlementId", BAIKONUR), receiver.url(),
                        null, "ru", null));
            }
            String incident = newIncidentId();
            publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));
            String alertId = alertIdOf(incident);

            // two receivers answer 200, one 503 on every attempt (8 attempts, backoff up to 1 s here)
            JsonNode alert = await().atMost(DEADLINE).until(() -> json(get("/api/v1/alerts/" + alertId)),
                    a -> a.at("/deliveries/SENT").asInt() == 2 && a.at("/deliveries/RETRYING").asInt() == 1);
            assertThat(alert.get("deliveries").propertyNames()).containsExactly("RETRYING", "SENT");
            assertThat(alert.get("id").stringValue()).isEqualTo(alertId);
            assertThat(alert.get("recipients").asInt()).isEqualTo(3);
            assertThat(alert.toString()).doesNotContain("subscriptionId").doesNotContain("127.0.0.1");
        }
    }

    @Test
    void anUnknownAlertIsStillA404() throws Exception {
        assertThat(get("/api/v1/alerts/no-such-alert").statusCode()).isEqualTo(404);
    }
}
