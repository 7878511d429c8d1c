package org.steppewatch.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.steppewatch.contracts.Severity;
import org.steppewatch.notification.IntegrationTest;
import org.steppewatch.notification.WebhookReceiver;

import tools.jackson.databind.JsonNode;

/** {@code "kinds"}: what a subscription receives, emergency alerts (ALERT), contamination notices (NOTICE) or both. */
class SubscriptionKindsTest extends IntegrationTest {

    private static final Map<String, Object> BAIKONUR_AREA = Map.of("settlementId", BAIKONUR);

    @Autowired
    MongoTemplate mongo;

    private Map<String, Object> body(Object kinds) {
        Map<String, Object> body = webhookSubscription("Baikonur", BAIKONUR_AREA, "http://127.0.0.1:9/hook", null, "kk", null);
        body.put("kinds", kinds);
        return body;
    }

    private HttpResponse<String> post(Map<String, Object> body) throws Exception {
        return postJson("/api/v1/subscriptions", JSON.writeValueAsString(body));
    }

    private HttpResponse<String> show(JsonNode created) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/v1/subscriptions/" + created.get("id").stringValue()))
                .header("X-Manage-Token", created.get("manageToken").stringValue()).GET());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.stringValue()));
        return values;
    }

    @Test
    void withoutKindsASubscriptionGetsAlertsOnlyAndSaysSo() throws Exception {
        Map<String, Object> body = body(null);
        body.remove("kinds");

        JsonNode created = subscribe(body);

        assertThat(strings(created.get("kinds"))).containsExactly("ALERT");
        assertThat(strings(json(show(created)).get("kinds"))).containsExactly("ALERT");
    }

    @Test
    void kindsAreStoredAndShownAsSent() throws Exception {
        JsonNode created = subscribe(body(List.of("NOTICE", "ALERT")));

        assertThat(strings(created.get("kinds"))).containsExactly("NOTICE", "ALERT");
        assertThat(strings(json(show(created)).get("kinds"))).containsExactly("NOTICE", "ALERT");
        org.bson.Document stored = mongo.findById(created.get("id").stringValue(), org.bson.Document.class, "subscriptions");
        assertThat(stored.getList("kinds", String.class)).containsExactly("NOTICE", "ALERT");
    }

    @Test
    void anUnknownKindADuplicateAnEmptyListOrNotAListIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        long before = mongo.getCollection("subscriptions").countDocuments();
        Object[][] cases = {
                {List.of("ALERT", "SMOKE"), "kinds[1]", "must be one of ALERT, NOTICE, was 'SMOKE'"},
                {List.of("NOTICE", "NOTICE"), "kinds[1]", "'NOTICE' is listed twice"},
                {List.of(), "kinds", "must name at least one of ALERT, NOTICE"},
                {"ALERT", "kinds", "must be an array"},
                {List.of(7), "kinds[0]", "was 7"},
        };
        for (Object[] c : cases) {
            HttpResponse<String> response = post(body(c[0]));

            assertProblem(response, 400);
            JsonNode errors = json(response).get("errors");
            assertThat(errors.size()).as(response.body()).isEqualTo(1);
            assertThat(errors.get(0).get("field").stringValue()).isEqualTo(c[1]);
            assertThat(errors.get(0).get("message").stringValue()).contains((String) c[2]);
        }
        assertThat(mongo.getCollection("subscriptions").countDocuments()).isEqualTo(before);
    }

    @Test
    void aSubscriptionStoredBeforeKindsExistedIsReadAsAlertsOnly() throws Exception {
        JsonNode created = subscribe(body(List.of("ALERT")));
        // as a subscription written by an earlier version: no kinds field at all
        mongo.getCollection("subscriptions").updateOne(new org.bson.Document("_id", created.get("id").stringValue()),
                new org.bson.Document("$unset", new org.bson.Document("kinds", "")));

        assertThat(strings(json(show(created)).get("kinds"))).containsExactly("ALERT");
    }

    @Test
    void alertsGoOnlyToSubscriptionsWithAlert() throws Exception {
        try (WebhookReceiver alerts = WebhookReceiver.start(); WebhookReceiver noticesOnly = WebhookReceiver.start()) {
            Map<String, Object> wantsAlerts = webhookSubscription("alerts", BAIKONUR_AREA, alerts.url(), null, "en", null);
            wantsAlerts.put("kinds", List.of("ALERT", "NOTICE"));
            subscribe(wantsAlerts);
            Map<String, Object> wantsNotices = webhookSubscription("notices", BAIKONUR_AREA, noticesOnly.url(), null, "en",
                    null);
            wantsNotices.put("kinds", List.of("NOTICE"));
            subscribe(wantsNotices);
            String incident = newIncidentId();

            publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));

            String alertId = alertIdOf(incident);
            await().atMost(DEADLINE).until(() -> alerts.requests().size() == 1);
            awaitOnlyDelivery(alertId, "SENT");
            assertThat(noticesOnly.requests()).isEmpty();
        }
    }
}
