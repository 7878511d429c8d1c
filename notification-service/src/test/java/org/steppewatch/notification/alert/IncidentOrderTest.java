package org.steppewatch.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.AssessmentWithdrawn;
import org.steppewatch.contracts.Severity;
import org.steppewatch.notification.IntegrationTest;
import org.steppewatch.notification.WebhookReceiver;

import tools.jackson.databind.JsonNode;

/**
 * Assessments and withdrawals of one incident arriving out of order through the real listener and broker: the
 * outcome is what the order of the versions says, not the order of arrival. Every test ends with a control incident
 * published after the records under test on the same partition: once its alert is delivered, the earlier records
 * have been handled, so "nothing happened" is asserted without waiting for a while.
 */
class IncidentOrderTest extends IntegrationTest {

    /** Publishes an assessment of a fresh incident to {@code receiver} and waits for it: everything before is handled. */
    private void controlRecordHandled(WebhookReceiver receiver) throws Exception {
        String control = newIncidentId();
        publish(assessment(control, 1, Severity.EXTREME, zoneAroundBaikonur()));
        String controlAlert = AlertService.alertId(control, 1);
        await().atMost(DEADLINE).until(() -> receiver.requests().stream()
                .anyMatch(r -> r.header("webhook-id").startsWith(controlAlert + ":")));
    }

    private JsonNode alertsOf(String incident) throws Exception {
        return json(get("/api/v1/alerts?incidentId=" + incident));
    }

    @Test
    void aWithdrawalThatArrivesBeforeTheAssessmentIsRememberedAndTheLateAssessmentIssuesNothing() throws Exception {
        try (WebhookReceiver town = WebhookReceiver.start()) {
            subscribe(webhookSubscription("Toretam akimat", Map.of("settlementId", BAIKONUR), town.url(), null, "kk",
                    null));
            String incident = newIncidentId();
            publish(new AssessmentWithdrawn(incident, 2, Instant.now(), "duplicate report", List.of(incident + ":1"),
                    null));
            publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));
            // and redelivered, as Kafka may
            publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));

            controlRecordHandled(town);
            assertThat(alertsOf(incident).size()).isZero();
            assertThat(get("/api/v1/alerts/" + AlertService.alertId(incident, 1)).statusCode()).isEqualTo(404);
            assertThat(town.requests()).noneMatch(r -> r.body().contains(incident));
        }
    }

    @Test
    void anOlderVersionArrivingAfterANewerOneChangesNothingAndRedeliveriesChangeNothing() throws Exception {
        try (WebhookReceiver town = WebhookReceiver.start()) {
            subscribe(webhookSubscription("Baikonur school", Map.of("settlementId", BAIKONUR), town.url(), null, "ru",
                    null));
            String incident = newIncidentId();
            String v2 = AlertService.alertId(incident, 2);
            publish(assessment(incident, 2, Severity.EXTREME, zoneAroundBaikonur()));
            publish(assessment(incident, 1, Severity.SEVERE, zoneAroundBaikonur()));
            publish(assessment(incident, 2, Severity.EXTREME, zoneAroundBaikonur()));

            controlRecordHandled(town);
            JsonNode alerts = alertsOf(incident);
            assertThat(alerts.size()).isEqualTo(1);
            // the first alert that went out for the incident, so an Alert, not an Update of anything
            assertThat(alerts.get(0).get("id").stringValue()).isEqualTo(v2);
            assertThat(alerts.get(0).get("msgType").stringValue()).isEqualTo("Alert");
            assertThat(alerts.get(0).get("status").stringValue()).isEqualTo("ACTIVE");
            assertThat(get("/api/v1/alerts/" + AlertService.alertId(incident, 1)).statusCode()).isEqualTo(404);
            await().atMost(DEADLINE).until(() -> town.requests().stream().filter(r -> r.body().contains(incident))
                    .count() == 1);
            assertThat(town.requests()).filteredOn(r -> r.body().contains(incident))
                    .extracting(r -> r.header("webhook-id")).containsExactly(v2 + ":" + deliveries(v2).get(0)
                            .get("subscriptionId").stringValue());
        }
    }

    @Test
    void aWithdrawalAfterAnAlertStillCancelsItAndALaterAssessmentIssuesNothing() throws Exception {
        try (WebhookReceiver town = WebhookReceiver.start()) {
            subscribe(webhookSubscription("Akai clinic", Map.of("settlementId", BAIKONUR), town.url(), null, "en",
                    null));
            String incident = newIncidentId();
            publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));
            publish(new AssessmentWithdrawn(incident, 3, Instant.now(), "false alarm", List.of(incident + ":1"), null));
            publish(assessment(incident, 2, Severity.EXTREME, zoneAroundBaikonur()));

            controlRecordHandled(town);
            JsonNode alerts = alertsOf(incident);
            assertThat(alerts).extracting(a -> a.get("msgType").stringValue()).containsExactlyInAnyOrder("Alert",
                    "Cancel");
            assertThat(get("/api/v1/alerts/" + AlertService.alertId(incident, 2)).statusCode()).isEqualTo(404);
            // the town hears the alert and then its cancellation: the Cancel's fan-out waited for the Alert's
            await().atMost(DEADLINE).until(() -> town.requests().stream().filter(r -> r.body().contains(incident))
                    .count() == 2);
        }
    }
    /**
     * What a consumer that took the partition over from one stalled mid-assessment does: it handles the assessment
     * again, then the withdrawal, and the stalled one's work ends after both. Here the assessment comes again after the
     * Cancel: the alert stays cancelled, nothing new is issued and the town is told nothing more.
     */
    @Test
    void anAssessmentHandledAgainAfterTheCancelLeavesTheAlertCancelledAndSendsNothingMore() throws Exception {
        try (WebhookReceiver town = WebhookReceiver.start()) {
            subscribe(webhookSubscription("Tyuratam school", Map.of("settlementId", BAIKONUR), town.url(), null, "en",
                    null));
            String incident = newIncidentId();
            String alert = AlertService.alertId(incident, 1);
            publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));
            await().atMost(DEADLINE).until(() -> town.requests().stream()
                    .anyMatch(r -> r.header("webhook-id").startsWith(alert + ":")));
            publish(new AssessmentWithdrawn(incident, 2, Instant.now(), "reported in error", List.of(incident + ":1"),
                    null));
            publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));

            controlRecordHandled(town);
            JsonNode alerts = alertsOf(incident);
            assertThat(alerts).extracting(a -> a.get("msgType").stringValue() + " " + a.get("status").stringValue())
                    .containsExactlyInAnyOrder("Alert CANCELLED", "Cancel ACTIVE");
            String cancel = AlertService.cancelId(incident, 2);
            await().atMost(DEADLINE).until(() -> town.requests().stream()
                    .anyMatch(r -> r.header("webhook-id").startsWith(cancel + ":")));
            assertThat(town.requests()).filteredOn(r -> r.body().contains(incident))
                    .extracting(r -> r.header("webhook-id").substring(0, alert.length()))
                    .containsExactly(alert, cancel);
        }
    }
}
