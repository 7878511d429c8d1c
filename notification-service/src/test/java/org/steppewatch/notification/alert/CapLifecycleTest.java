package org.steppewatch.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.AlertCancelled;
import org.steppewatch.contracts.AssessmentWithdrawn;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.Topics;
import org.steppewatch.notification.IntegrationTest;
import org.steppewatch.notification.WebhookReceiver;
import org.steppewatch.notification.cap.CapSchema;
import org.steppewatch.notification.cap.CapXml;
import org.steppewatch.notification.cap.xml.Alert;

import tools.jackson.databind.JsonNode;

/** An incident's alerts from first Alert through Update to Cancel, as CAP 1.2 served, sent and published. */
class CapLifecycleTest extends IntegrationTest {

    private Alert cap(String alertId) throws Exception {
        HttpResponse<String> response = get("/api/v1/alerts/" + alertId + "/cap");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/cap+xml"));
        CapSchema.assertValid(response.body());
        return CapXml.get().read(response.body());
    }

    @Test
    void alertUpdateAndCancelAreValidCapDeliveredOnceEachAndTheCancelReachesOnlyEarlierRecipients() throws Exception {
        try (WebhookReceiver council = WebhookReceiver.start();
             WebhookReceiver latecomer = WebhookReceiver.start();
             KafkaConsumer<String, String> alertsTopic = consumer(Topics.ALERTS)) {
            subscribe(webhookSubscription("Baikonur council", Map.of("settlementId", BAIKONUR), council.url(), null, "ru",
                    null));
            String incident = newIncidentId();
            String first = AlertService.alertId(incident, 1);
            String second = AlertService.alertId(incident, 2);

            publish(assessment(incident, 1, Severity.SEVERE, zoneAroundBaikonur()));
            await().atMost(DEADLINE).until(() -> council.requests().size() == 1);
            Alert alert = cap(first);
            assertThat(alert.getMsgType()).isEqualTo("Alert");
            assertThat(alert.getSent().getOffset().getTotalSeconds()).isEqualTo(5 * 3600);
            assertThat(alert.getInfo()).extracting(Alert.Info::getLanguage).containsExactly("kk", "ru", "en");
            assertThat(alert.getInfo().get(0).getArea()).extracting(Alert.Info.Area::getAreaDesc)
                    .contains("Қауіпті аймақтардағы елді мекендер: Байқоңыр");

            publish(assessment(incident, 2, Severity.EXTREME, zoneAroundBaikonur()));
            await().atMost(DEADLINE).until(() -> council.requests().size() == 2);
            Alert update = cap(second);
            assertThat(update.getMsgType()).isEqualTo("Update");
            String firstReference = alert.getSender() + "," + first + "," + CapXml.get().write(alert)
                    .replaceAll("(?s).*<sent>([^<]+)</sent>.*", "$1");
            assertThat(update.getReferences()).isEqualTo(firstReference);
            // the API says which alert stands: the Update, which replaced the first
            JsonNode firstView = json(get("/api/v1/alerts/" + first));
            assertThat(firstView.get("status").stringValue()).isEqualTo("SUPERSEDED");
            assertThat(firstView.get("supersededBy").stringValue()).isEqualTo(second);
            assertThat(json(get("/api/v1/alerts/" + second)).get("status").stringValue()).isEqualTo("ACTIVE");

            // a subscriber who joins now got neither alert, so it gets no Cancel either
            subscribe(webhookSubscription("Newcomer", Map.of("settlementId", BAIKONUR), latecomer.url(), null, "en", null));

            AssessmentWithdrawn withdrawal = new AssessmentWithdrawn(incident, 3, Instant.now(), "duplicate report",
                    List.of(incident + ":1", incident + ":2"));
            publish(withdrawal);
            // Kafka redelivers: still one Cancel
            publish(withdrawal);
            await().atMost(DEADLINE).until(() -> council.requests().size() == 3);

            JsonNode listed = json(get("/api/v1/alerts?incidentId=" + incident));
            assertThat(listed.size()).isEqualTo(3);
            JsonNode cancelView = listed.get(0);
            assertThat(cancelView.get("msgType").stringValue()).isEqualTo("Cancel");
            assertThat(cancelView.get("status").stringValue()).isEqualTo("ACTIVE");
            assertThat(cancelView.get("references").valueStream().map(JsonNode::stringValue).toList())
                    .containsExactly(first, second);
            assertThat(listed.get(1).get("status").stringValue()).isEqualTo("CANCELLED");
            assertThat(listed.get(1).get("cancelledBy").stringValue()).isEqualTo(cancelView.get("id").stringValue());
            assertThat(listed.get(2).get("status").stringValue()).isEqualTo("CANCELLED");

            Alert cancel = cap(cancelView.get("id").stringValue());
            assertThat(cancel.getMsgType()).isEqualTo("Cancel");
            assertThat(cancel.getReferences().split(" ")).hasSize(2).allSatisfy(r -> assertThat(r).startsWith(alert.getSender() + ","));
            assertThat(cancel.getReferences()).contains("," + first + ",").contains("," + second + ",");
            assertThat(cancel.getInfo().get(1).getResponseType()).containsExactly("AllClear");

            // the webhooks: Alert, Update, then the Cancel as alert.cancelled, each CAP document valid
            List<JsonNode> bodies = council.requests().stream().map(r -> JSON.readTree(r.body())).toList();
            assertThat(bodies).extracting(b -> b.get("type").stringValue())
                    .containsExactlyInAnyOrder("alert.issued", "alert.issued", "alert.cancelled");
            bodies.forEach(b -> CapSchema.assertValid(b.at("/data/cap").stringValue()));
            assertThat(council.requests()).extracting(r -> r.header("webhook-id")).doesNotHaveDuplicates();
            await().during(java.time.Duration.ofMillis(500)).atMost(DEADLINE).until(() -> council.requests().size() == 3);
            assertThat(latecomer.requests()).isEmpty();

            // partners see AlertCancelled on alerts.v1, once
            List<ConsumerRecord<String, String>> published = new ArrayList<>();
            await().atMost(DEADLINE).until(() -> pollKey(alertsTopic, incident, published).stream()
                    .anyMatch(r -> EventTypes.ALERT_CANCELLED.equals(header(r, EventHeaders.TYPE))));
            pollKey(alertsTopic, incident, published);
            List<ConsumerRecord<String, String>> cancels = published.stream()
                    .filter(r -> EventTypes.ALERT_CANCELLED.equals(header(r, EventHeaders.TYPE))).toList();
            assertThat(cancels).hasSize(1);
            AlertCancelled event = EventJson.read(cancels.get(0).value(), AlertCancelled.class);
            assertThat(event.alertId()).isEqualTo(cancelView.get("id").stringValue());
            assertThat(event.reason()).isEqualTo("duplicate report");
            assertThat(event.incidentVersion()).isEqualTo(3);
            assertThat(published).extracting(r -> header(r, EventHeaders.TYPE))
                    .containsExactly(EventTypes.ALERT_ISSUED, EventTypes.ALERT_ISSUED, EventTypes.ALERT_CANCELLED);
        }
    }

    @Test
    void aLaterAlertOfAnIncidentWithDrawnBeforeItsDeliveryIsDroppedNotSent() throws Exception {
        int port = WebhookReceiver.freePort();
        subscribe(webhookSubscription("Down for now", Map.of("settlementId", BAIKONUR),
                "http://127.0.0.1:" + port + "/hooks", null, "kk", null));
        String incident = newIncidentId();
        String first = AlertService.alertId(incident, 1);
        publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));
        await().atMost(DEADLINE).ignoreExceptions().until(() -> deliveries(first).size() == 1
                && "RETRYING".equals(deliveries(first).get(0).get("state").stringValue()));

        publish(new AssessmentWithdrawn(incident, 2, Instant.now(), "false alarm", List.of(incident + ":1")));
        await().atMost(DEADLINE).until(() -> "CANCELLED".equals(json(get("/api/v1/alerts/" + first)).get("status").stringValue()));
        try (WebhookReceiver receiver = WebhookReceiver.startOn(port)) {
            // the Cancel goes out (the subscriber may have seen an earlier attempt); the stale Alert does not
            await().atMost(DEADLINE).until(() -> receiver.requests().size() == 1);
            assertThat(JSON.readTree(receiver.requests().get(0).body()).get("type").stringValue()).isEqualTo("alert.cancelled");
            await().atMost(DEADLINE).untilAsserted(() -> {
                JsonNode dropped = deliveries(first).get(0);
                assertThat(dropped.get("state").stringValue()).isEqualTo("CANCELLED");
                assertThat(dropped.get("note").stringValue()).isEqualTo("superseded by " + AlertService.cancelId(incident, 2));
            });
            assertThat(receiver.requests()).hasSize(1);
        }
    }
}
