package org.steppewatch.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.Severity;
import org.steppewatch.notification.IntegrationTest;
import org.steppewatch.notification.Tarpit;
import org.steppewatch.notification.WebhookReceiver;

import tools.jackson.databind.JsonNode;

/** A subscriber's last message is the incident's latest: across retries, and while an older one is on the wire. */
class SubscriberOrderTest extends IntegrationTest {

    private static List<String> alertIdsReceived(WebhookReceiver receiver) {
        return receiver.requests().stream().map(r -> JSON.readTree(r.body()).at("/data/id").stringValue()).toList();
    }

    @Test
    void aReceiverDownWhileTwoVersionsWaitGetsTheUpdateLastAndTheStaleAlertIsDropped() throws Exception {
        int port = WebhookReceiver.freePort();
        subscribe(webhookSubscription("Down during the night", Map.of("settlementId", BAIKONUR),
                "http://127.0.0.1:" + port + "/hooks", null, "en", null));
        String incident = newIncidentId();
        publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));
        String first = alertIdOf(incident);
        awaitOnlyDelivery(first, "RETRYING");
        publish(assessment(incident, 2, Severity.SEVERE, zoneAroundBaikonur()));
        String second = newestAlertIdOnceThereAre(incident, 2);
        awaitOnlyDelivery(second, "RETRYING");

        try (WebhookReceiver receiver = WebhookReceiver.startOn(port)) {
            awaitOnlyDelivery(second, "SENT");
            JsonNode dropped = awaitOnlyDelivery(first, "CANCELLED");
            assertThat(dropped.get("note").stringValue()).isEqualTo("superseded by " + second);
            // the stale v1 never comes after v2; here it does not come at all, since it was still waiting
            await().during(Duration.ofSeconds(1)).atMost(DEADLINE).until(() -> receiver.requests().size() == 1);
            assertThat(alertIdsReceived(receiver)).containsExactly(second);
        }
    }

    @Test
    void anUpdateWaitsUntilTheAlertItReplacesIsOffTheWire() throws Exception {
        // every answer trickles until the attempt deadline (2 s here) cuts it off: v1 stays on the wire that long
        try (Tarpit receiver = Tarpit.start(Tarpit.Mode.TRICKLED_BODY)) {
            subscribe(webhookSubscription("Slow server", Map.of("settlementId", BAIKONUR), receiver.url(), null, "en", null));
            String incident = newIncidentId();
            publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));
            String first = alertIdOf(incident);
            await().atMost(DEADLINE).until(() -> receiver.open() == 1);
            // v1 is on the wire now; v2 is issued meanwhile
            publish(assessment(incident, 2, Severity.SEVERE, zoneAroundBaikonur()));
            String second = newestAlertIdOnceThereAre(incident, 2);

            JsonNode v2 = await().atMost(DEADLINE).until(() -> deliveries(second),
                    d -> d.size() == 1 && d.get(0).get("attempts").size() >= 1).get(0);
            JsonNode v1 = deliveries(first).get(0);
            Instant v1Ended = Instant.parse(v1.at("/attempts/0/at").stringValue())
                    .plusMillis(v1.at("/attempts/0/durationMs").asLong());
            // v2 existed while v1 was on the wire, and went only after v1's attempt was over
            assertThat(Instant.parse(v2.get("createdAt").stringValue())).isBefore(v1Ended);
            assertThat(Instant.parse(v2.at("/attempts/0/at").stringValue())).isAfterOrEqualTo(v1Ended);
            // and v1, replaced meanwhile, is not tried again
            assertThat(awaitOnlyDelivery(first, "CANCELLED").get("attempts").size()).isEqualTo(1);
        }
    }
}
