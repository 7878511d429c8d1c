package org.steppewatch.notification.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.Severity;
import org.steppewatch.notification.IntegrationTest;
import org.steppewatch.notification.WebhookReceiver;
import org.steppewatch.testsupport.TestIssuer;

import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/deliveries/redrive}: admins send FAILED deliveries again, to real receivers. */
class RedriveTest extends IntegrationTest {

    private static final String ADMIN = TestIssuer.get().bearer("redrive-admin", "admin");
    private static final String ANALYST = TestIssuer.get().bearer("redrive-analyst", "analyst");
    private static final String ISSUER_ROLE = TestIssuer.get().bearer("redrive-issuer", "issuer");

    private HttpResponse<String> redrive(String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/deliveries/redrive"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    @Test
    void onlyAdminsMayRedrive() throws Exception {
        String body = "{\"deliveryId\": \"no-such-delivery\"}";
        assertProblem(redrive(body, null), 401);
        assertProblem(redrive(body, ANALYST), 403);
        assertProblem(redrive(body, ISSUER_ROLE), 403);
        HttpResponse<String> admin = redrive(body, ADMIN);
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
        assertThat(json(admin).get("redriven").asLong()).isZero();
        assertThat(json(admin).get("skipped").asLong()).isZero();
    }

    @Test
    void exactlyOneSelectorIsNeeded() throws Exception {
        assertProblem(redrive("{}", ADMIN), 400);
        assertProblem(redrive("{\"deliveryId\": \" \"}", ADMIN), 400);
        assertProblem(redrive("{\"alertId\": \"a\", \"subscriptionId\": \"s\"}", ADMIN), 400);
        assertProblem(redrive("{\"failedSince\": \"yesterday\"}", ADMIN), 400);
        assertProblem(redrive("{\"deliveryId\": \"d\", \"colour\": \"red\"}", ADMIN), 400);
    }

    @Test
    void aDeliveryThatFailedWhileItsReceiverWasDownReachesItAfterARedrive() throws Exception {
        int port = WebhookReceiver.freePort();
        JsonNode sub = subscribe(webhookSubscription("Down for maintenance", Map.of("settlementId", BAIKONUR),
                "http://127.0.0.1:" + port + "/hooks", null, "ru", null));
        String incident = newIncidentId();
        Instant before = Instant.now();
        publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));
        String alertId = alertIdOf(incident);
        JsonNode failed = awaitOnlyDelivery(alertId, "FAILED");
        assertThat(failed.get("attempts").size()).isEqualTo(8);

        try (WebhookReceiver receiver = WebhookReceiver.startOn(port)) {
            // nothing is sent by itself: the delivery waits for a person
            await().during(java.time.Duration.ofMillis(500)).atMost(DEADLINE).until(() -> receiver.requests().isEmpty());
            HttpResponse<String> response = redrive("{\"failedSince\": \"" + before + "\"}", ADMIN);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).get("redriven").asLong()).isGreaterThanOrEqualTo(1);

            JsonNode sent = awaitOnlyDelivery(alertId, "SENT");
            // a fresh round, after the eight attempts of the first, which stay in the history
            assertThat(sent.get("attempts").size()).isEqualTo(9);
            assertThat(sent.findValuesAsString("outcome")).last().isEqualTo("success");
            await().atMost(DEADLINE).until(() -> receiver.requests().size() == 1);
            WebhookReceiver.Request request = receiver.requests().get(0);
            assertThat(request.header("webhook-id")).isEqualTo(failed.get("id").stringValue());
            assertThat(signatureValid(request, sub.at("/channel/secret").stringValue())).isTrue();
            assertThat(JSON.readTree(request.body()).at("/data/id").stringValue()).isEqualTo(alertId);

            // SENT now: redriving it again changes nothing
            HttpResponse<String> again = redrive("{\"deliveryId\": \"" + failed.get("id").stringValue() + "\"}", ADMIN);
            assertThat(json(again).get("redriven").asLong()).isZero();
        }
    }

    @Test
    void theFailedDeliveriesOfASupersededAlertAreSkippedAndTheNewerMessageIsSent() throws Exception {
        int port = WebhookReceiver.freePort();
        JsonNode sub = subscribe(webhookSubscription("Down for the night", Map.of("settlementId", BAIKONUR),
                "http://127.0.0.1:" + port + "/hooks", null, "kk", null));
        String incident = newIncidentId();
        publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));
        String first = alertIdOf(incident);
        awaitOnlyDelivery(first, "FAILED");
        publish(assessment(incident, 2, Severity.SEVERE, zoneAroundBaikonur()));
        String second = newestAlertIdOnceThereAre(incident, 2);
        awaitOnlyDelivery(second, "FAILED");

        try (WebhookReceiver receiver = WebhookReceiver.startOn(port)) {
            HttpResponse<String> response = redrive("{\"subscriptionId\": \"" + sub.get("id").stringValue() + "\"}", ADMIN);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).get("redriven").asLong()).isEqualTo(1);
            assertThat(json(response).get("skipped").asLong()).isEqualTo(1);

            awaitOnlyDelivery(second, "SENT");
            assertThat(awaitOnlyDelivery(first, "FAILED").get("attempts").size()).isEqualTo(8);
            await().atMost(DEADLINE).until(() -> receiver.requests().size() == 1);
            assertThat(JSON.readTree(receiver.requests().get(0).body()).at("/data/id").stringValue()).isEqualTo(second);
        }
    }
}
