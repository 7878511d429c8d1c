package org.steppewatch.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.steppewatch.contracts.AlertIssued;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.Topics;
import org.steppewatch.georef.SettlementCatalog;
import org.steppewatch.notification.IntegrationTest;
import org.steppewatch.notification.WebhookReceiver;

import tools.jackson.databind.JsonNode;

class AlertFlowTest extends IntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void assessmentOverBaikonurIsPublishedAndDeliveredExactlyOnceToMatchingSubscribersOnly() throws Exception {
        String semey = SettlementCatalog.shipped().findByName("Semey").get(0).id();
        try (WebhookReceiver baikonurTown = WebhookReceiver.start();
             WebhookReceiver semeyTown = WebhookReceiver.start();
             WebhookReceiver onlyExtreme = WebhookReceiver.start();
             KafkaConsumer<String, String> alertsTopic = consumer(Topics.ALERTS)) {

            JsonNode baikonurSub = subscribe(webhookSubscription("Baikonur town council",
                    Map.of("settlementId", BAIKONUR), baikonurTown.url(), null, "kk", null));
            String baikonurSecret = baikonurSub.at("/channel/secret").stringValue();
            assertThat(baikonurSecret).startsWith("whsec_");
            subscribe(webhookSubscription("Semey ecologists", Map.of("settlementId", semey), semeyTown.url(), null,
                    "ru", null));
            String extremeSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
            JsonNode extremeSub = subscribe(webhookSubscription("Toretam school, only the worst",
                    Map.of("point", Map.of("type", "Point", "coordinates", List.of(63.35, 45.65)), "radiusKm", 25),
                    onlyExtreme.url(), extremeSecret, "en", "Extreme"));

            String first = newIncidentId();
            String alertId = AlertService.alertId(first, 1);
            publish(assessment(first, 1, Severity.EXTREME, zoneAroundBaikonur()));

            // the Baikonur council receives one signed POST
            await().atMost(DEADLINE).until(() -> baikonurTown.requests().size() == 1);
            WebhookReceiver.Request post = baikonurTown.requests().get(0);
            assertThat(post.method()).isEqualTo("POST");
            assertThat(post.header("content-type")).startsWith("application/json");
            assertThat(post.header("webhook-id")).isEqualTo(alertId + ":" + baikonurSub.get("id").stringValue());
            assertThat(Long.parseLong(post.header("webhook-timestamp")))
                    .isBetween(Instant.now().minusSeconds(60).getEpochSecond(), Instant.now().getEpochSecond());
            assertThat(signatureValid(post, baikonurSecret)).isTrue();
            assertThat(signatureValid(post, extremeSecret)).isFalse();
            JsonNode body = JSON.readTree(post.body());
            // kept for the documentation (docs/alerts.md shows one)
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "cap-samples"));
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "cap-samples", "webhook.json"),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "cap-samples", "webhook-headers.txt"),
                    "webhook-id: " + post.header("webhook-id") + "\nwebhook-timestamp: " + post.header("webhook-timestamp")
                            + "\nwebhook-signature: " + post.header("webhook-signature") + "\n");
            assertThat(body.get("type").stringValue()).isEqualTo("alert.issued");
            assertThat(Instant.parse(body.get("timestamp").stringValue())).isNotNull();
            JsonNode data = body.get("data");
            assertThat(data.get("id").stringValue()).isEqualTo(alertId);
            assertThat(data.get("incidentId").stringValue()).isEqualTo(first);
            assertThat(data.get("msgType").stringValue()).isEqualTo("Alert");
            assertThat(data.get("severity").stringValue()).isEqualTo("Extreme");
            assertThat(data.get("headline").stringValue()).isEqualTo("Extreme danger: Rocket launch failure near Baikonur");
            assertThat(data.at("/texts/kk/headline").stringValue()).isEqualTo("Төтенше қауіп: Зымыран тасығыштың апаты, Байқоңыр маңы");
            assertThat(data.get("responseType").stringValue()).isEqualTo("Shelter");
            assertThat(data.get("category").stringValue()).isEqualTo("CBRNE");
            assertThat(data.get("settlementIds").get(0).stringValue()).isEqualTo(BAIKONUR);
            assertThat(data.at("/hazardZones/0/geometry/type").stringValue()).isEqualTo("Polygon");
            assertThat(data.get("language").stringValue()).isEqualTo("kk");
            assertThat(data.get("zoneLevel").stringValue()).isEqualTo("AEGL-2");
            assertThat(data.get("subscriptionId").stringValue()).isEqualTo(baikonurSub.get("id").stringValue());
            assertThat(data.get("unsubscribeUrl").stringValue())
                    .startsWith(PUBLIC_BASE + "/api/v1/subscriptions/" + baikonurSub.get("id").stringValue() + "/unsubscribe?token=");
            String cap = data.get("cap").stringValue();
            org.steppewatch.notification.cap.CapSchema.assertValid(cap);
            assertThat(cap).contains("<identifier>" + alertId + "</identifier>").contains("<msgType>Alert</msgType>");

            // the circle subscriber wanting only Extreme alerts gets this one, signed with its own secret
            await().atMost(DEADLINE).until(() -> onlyExtreme.requests().size() == 1);
            assertThat(signatureValid(onlyExtreme.requests().get(0), extremeSecret)).isTrue();

            // partners see it on alerts.v1, keyed by the incident id, as a CloudEvent
            List<ConsumerRecord<String, String>> published = new ArrayList<>();
            await().atMost(DEADLINE).until(() -> !pollKey(alertsTopic, first, published).isEmpty());
            ConsumerRecord<String, String> record = published.get(0);
            assertThat(header(record, EventHeaders.TYPE)).isEqualTo(EventTypes.ALERT_ISSUED);
            assertThat(header(record, EventHeaders.SOURCE)).isEqualTo("/steppewatch/notification-service");
            assertThat(header(record, EventHeaders.SUBJECT)).isEqualTo(first);
            assertThat(header(record, EventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(header(record, EventHeaders.ID)).isNotBlank();
            assertThat(header(record, EventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
            AlertIssued issued = EventJson.read(record.value(), AlertIssued.class);
            assertThat(issued.alertId()).isEqualTo(alertId);
            assertThat(issued.msgType()).isEqualTo("Alert");
            assertThat(issued.severity()).isEqualTo(Severity.EXTREME);
            assertThat(issued.recipients()).isEqualTo(2);
            assertThat(issued.settlementIds()).containsExactly(BAIKONUR);

            // the REST read model
            JsonNode listed = json(get("/api/v1/alerts?incidentId=" + first));
            assertThat(listed.size()).isEqualTo(1);
            assertThat(listed.get(0).get("id").stringValue()).isEqualTo(alertId);
            assertThat(listed.get(0).get("recipients").asInt()).isEqualTo(2);
            await().atMost(DEADLINE).untilAsserted(() -> {
                JsonNode deliveries = deliveries(alertId);
                assertThat(deliveries.size()).isEqualTo(2);
                for (JsonNode d : deliveries) {
                    assertThat(d.get("state").stringValue()).isEqualTo("SENT");
                    assertThat(d.get("channelType").stringValue()).isEqualTo("webhook");
                    assertThat(d.get("attempts").size()).isEqualTo(1);
                    assertThat(d.at("/attempts/0/outcome").stringValue()).isEqualTo("success");
                    assertThat(d.at("/attempts/0/httpStatus").asInt()).isEqualTo(200);
                    assertThat(d.get("nextAttemptAt").isNull()).isTrue();
                }
            });
            assertThat(deliveries(alertId).findValuesAsString("subscriptionId"))
                    .containsExactlyInAnyOrder(baikonurSub.get("id").stringValue(), extremeSub.get("id").stringValue());
            // paged, in id order
            JsonNode firstPage = json(getAsIssuer("/api/v1/alerts/" + alertId + "/deliveries?limit=1"));
            assertThat(firstPage.size()).isEqualTo(1);
            JsonNode secondPage = json(getAsIssuer("/api/v1/alerts/" + alertId + "/deliveries?limit=1&after="
                    + firstPage.get(0).get("id").stringValue()));
            assertThat(secondPage.size()).isEqualTo(1);
            assertThat(secondPage.get(0).get("id").stringValue()).isGreaterThan(firstPage.get(0).get("id").stringValue());

            // the same assessment again, then a Severe one for another incident (same partition, so consumed after)
            publish(assessment(first, 1, Severity.EXTREME, zoneAroundBaikonur()));
            String second = newIncidentId();
            String secondAlert = AlertService.alertId(second, 1);
            publish(assessment(second, 1, Severity.SEVERE, zoneAroundBaikonur()));
            await().atMost(DEADLINE).untilAsserted(() -> {
                JsonNode deliveries = deliveries(secondAlert);
                assertThat(deliveries.size()).isEqualTo(1);
                assertThat(deliveries.get(0).get("state").stringValue()).isEqualTo("SENT");
            });
            List<ConsumerRecord<String, String>> secondPublished = new ArrayList<>();
            await().atMost(DEADLINE).until(() -> !pollKey(alertsTopic, second, secondPublished).isEmpty());
            pollKey(alertsTopic, first, published);

            // nothing new for the first incident: one POST each, one alert, one event, deliveries unchanged
            assertThat(baikonurTown.requestsWithId(alertId + ":" + baikonurSub.get("id").stringValue())).hasSize(1);
            assertThat(baikonurTown.requests()).hasSize(2);
            assertThat(onlyExtreme.requests()).hasSize(1);
            assertThat(semeyTown.requests()).isEmpty();
            assertThat(published).hasSize(1);
            assertThat(json(get("/api/v1/alerts?incidentId=" + first)).size()).isEqualTo(1);
            for (JsonNode d : deliveries(alertId)) {
                assertThat(d.get("attempts").size()).isEqualTo(1);
            }
            assertThat(mongo.count(Query.query(Criteria.where("incidentId").is(first)), "deliveries")).isEqualTo(2);
            assertThat(mongo.count(Query.query(Criteria.where("_id").is(alertId).and("outbox.0").exists(true)), "alerts"))
                    .isZero();
        }
    }

    @Test
    void aRevisedIncidentGetsAnUpdateThatReferencesTheFirstAlert() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            subscribe(webhookSubscription("Baikonur hospital", Map.of("settlementId", BAIKONUR), receiver.url(), null,
                    "ru", "Severe"));
            String incident = newIncidentId();
            publish(assessment(incident, 1, Severity.SEVERE, zoneAroundBaikonur()));
            publish(assessment(incident, 2, Severity.EXTREME, zoneAroundBaikonur()));

            await().atMost(DEADLINE).until(() -> receiver.requests().size() == 2);
            JsonNode alerts = json(get("/api/v1/alerts?incidentId=" + incident));
            assertThat(alerts.size()).isEqualTo(2);
            // newest first
            JsonNode update = alerts.get(0);
            JsonNode original = alerts.get(1);
            assertThat(update.get("incidentVersion").asLong()).isEqualTo(2);
            assertThat(update.get("msgType").stringValue()).isEqualTo("Update");
            assertThat(update.get("references").get(0).stringValue()).isEqualTo(original.get("id").stringValue());
            assertThat(original.get("msgType").stringValue()).isEqualTo("Alert");
            assertThat(original.get("references").size()).isZero();
            assertThat(receiver.requests()).extracting(r -> r.header("webhook-id")).doesNotHaveDuplicates();
            // deliveries run in parallel: the two POSTs may arrive in either order, msgType tells them apart
            assertThat(receiver.requests()).extracting(r -> JSON.readTree(r.body()).at("/data/msgType").stringValue())
                    .containsExactlyInAnyOrder("Alert", "Update");
        }
    }

    @Test
    void anUpdateReachesEarlierRecipientsEvenWhenTheRevisedZonesNoLongerReachThem() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            subscribe(webhookSubscription("Baikonur school", Map.of("settlementId", BAIKONUR), receiver.url(), null,
                    "kk", "Severe"));
            String incident = newIncidentId();
            publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));
            await().atMost(DEADLINE).until(() -> receiver.requests().size() == 1);

            // the wind turned out to blow away from town: the revised zone lies 300 km north and is only Moderate
            Geometry farAway = org.steppewatch.georef.Geodesy.circle(org.steppewatch.contracts.Geo.point(63.3, 48.3), 5, 32);
            publish(assessment(incident, 2, Severity.MODERATE, farAway));

            await().atMost(DEADLINE).until(() -> receiver.requests().size() == 2);
            assertThat(receiver.requests()).extracting(r -> JSON.readTree(r.body()).at("/data/msgType").stringValue())
                    .containsExactlyInAnyOrder("Alert", "Update");
            JsonNode update = json(get("/api/v1/alerts?incidentId=" + incident)).get(0);
            assertThat(update.get("msgType").stringValue()).isEqualTo("Update");
            assertThat(update.get("recipients").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aDeletedSubscriptionReceivesNothing() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(); WebhookReceiver witness = WebhookReceiver.start()) {
            JsonNode sub = subscribe(webhookSubscription("Akai village", Map.of("settlementId", BAIKONUR), receiver.url(),
                    null, "kk", null));
            subscribe(webhookSubscription("Witness", Map.of("settlementId", BAIKONUR), witness.url(), null, "en", null));
            var deleted = send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/subscriptions/" + sub.get("id").stringValue()))
                    .header("X-Manage-Token", sub.get("manageToken").stringValue()).DELETE());
            assertThat(deleted.statusCode()).isEqualTo(204);

            String incident = newIncidentId();
            publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));
            await().atMost(DEADLINE).until(() -> witness.requests().size() == 1);
            assertThat(receiver.requests()).isEmpty();
            assertThat(deliveries(AlertService.alertId(incident, 1)).findValuesAsString("subscriptionId"))
                    .doesNotContain(sub.get("id").stringValue());
        }
    }

    @Test
    void aMalformedAssessmentIsParkedOnTheDeadLetterTopicAndLaterOnesStillFlow() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start();
             KafkaConsumer<String, String> deadLetters = consumer(Topics.deadLetter(Topics.ASSESSMENTS))) {
            subscribe(webhookSubscription("Toretam", Map.of("settlementId", BAIKONUR), receiver.url(), null, "kk", null));
            String broken = newIncidentId();
            publishRaw(broken, "{\"incidentId\": \"" + broken + "\", \"incidentVersion\": \"not a number\"}");
            String fine = newIncidentId();
            publish(assessment(fine, 1, Severity.EXTREME, zoneAroundBaikonur()));

            List<ConsumerRecord<String, String>> parked = new ArrayList<>();
            await().atMost(DEADLINE).until(() -> !pollKey(deadLetters, broken, parked).isEmpty());
            await().atMost(DEADLINE).until(() -> receiver.requests().size() == 1);
            assertThat(JSON.readTree(receiver.requests().get(0).body()).at("/data/incidentId").stringValue()).isEqualTo(fine);
            assertThat(json(get("/api/v1/alerts?incidentId=" + broken)).size()).isZero();
        }
    }

    @Test
    void unknownAlertIsANotFoundProblem() throws Exception {
        var response = get("/api/v1/alerts/no-such-alert");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(getAsIssuer("/api/v1/alerts/no-such-alert/deliveries").statusCode()).isEqualTo(404);
    }

}
