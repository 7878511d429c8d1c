package org.steppewatch.incident.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.AlertCancelled;
import org.steppewatch.contracts.AlertIssued;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.Topics;
import org.steppewatch.incident.KafkaPeer;
import org.steppewatch.incident.ServiceTestBase;

import tools.jackson.databind.JsonNode;

/** The alerts notification-service issued, as the console lists them per incident (read model of alerts.v1). */
class AlertReadModelTest extends ServiceTestBase {

    private KafkaPeer kafka;
    private String incidentId;

    @BeforeEach
    void reportAnIncident() {
        kafka = new KafkaPeer(Topics.ALERTS);
        HttpResponse<String> created = post("/api/v1/incidents", """
                {"title": "Stage impact %s", "category": "STAGE_IMPACT", "occurredAt": "2020-06-01T10:00:00Z",
                 "location": {"type": "Point", "coordinates": [66.8, 47.3]}}""".formatted(UUID.randomUUID()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        incidentId = json(created).path("id").asString();
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aRedeliveredAlertIsListedOnceWithItsRecipientsAndACancellationMarksIt() {
        AlertIssued alert = issued(UUID.randomUUID().toString(), 1, "Alert");
        String eventId = UUID.randomUUID().toString();
        kafka.publish(alert, eventId);
        kafka.awaitConsumed(GROUP_ID, kafka.publish(alert, eventId));

        JsonNode listed = json(get("/api/v1/incidents/" + incidentId + "/alerts"));
        assertThat(listed).hasSize(1);
        JsonNode first = listed.get(0);
        assertThat(first.path("alertId").asString()).isEqualTo(alert.alertId());
        assertThat(first.path("msgType").asString()).isEqualTo("Alert");
        assertThat(first.path("severity").asString()).isEqualTo("Extreme");
        assertThat(first.path("recipients").asInt()).isEqualTo(3);
        assertThat(first.path("settlementIds").get(0).asString()).isEqualTo("gn:1521368");
        assertThat(first.has("cancelled")).isFalse();
        assertThat(first.path("state").asString()).isEqualTo("CURRENT");

        kafka.awaitConsumed(GROUP_ID, kafka.publish(new AlertCancelled(alert.alertId(), incidentId, 2,
                Instant.parse("2020-06-02T10:00:00Z"), "incident retracted"), UUID.randomUUID().toString()));

        JsonNode after = json(get("/api/v1/incidents/" + incidentId + "/alerts"));
        assertThat(after).hasSize(1);
        assertThat(after.get(0).path("cancelled").path("reason").asString()).isEqualTo("incident retracted");
        assertThat(after.get(0).path("recipients").asInt()).isEqualTo(3);
    }

    @Test
    void theIncidentsAlertsDownloadAsCsvARowPerAlert() throws IOException {
        AlertIssued first = issued(UUID.randomUUID().toString(), 1, "Alert");
        kafka.publish(first, UUID.randomUUID().toString());
        kafka.awaitConsumed(GROUP_ID, kafka.publish(issued(UUID.randomUUID().toString(), 2, "Update"),
                UUID.randomUUID().toString()));

        HttpResponse<String> csv = send(request("/api/v1/incidents/" + incidentId + "/alerts")
                .header("Accept", "text/csv").GET(), null);

        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertThat(rows).hasSize(2);
        CSVRecord alert = rows.stream().filter(r -> r.get("alertId").equals(first.alertId())).findFirst().orElseThrow();
        assertThat(alert.get("incidentId")).isEqualTo(incidentId);
        assertThat(alert.get("msgType")).isEqualTo("Alert");
        assertThat(alert.get("severity")).isEqualTo("Extreme");
        assertThat(alert.get("recipients")).isEqualTo("3");
        assertThat(alert.get("settlementIds")).isEqualTo("gn:1521368");
        assertThat(alert.get("licence")).isEqualTo("CC BY 4.0");
    }

    @Test
    void aCancellationReadBeforeItsAlertEndsInTheSameAlert() {
        String alertId = UUID.randomUUID().toString();
        kafka.publish(new AlertCancelled(alertId, incidentId, 3, Instant.parse("2020-06-02T10:00:00Z"), "retracted"),
                UUID.randomUUID().toString());
        kafka.publish(issued(alertId, 2, "Update"), UUID.randomUUID().toString());
        RecordMetadata last = kafka.publish(issued(UUID.randomUUID().toString(), 1, "Alert"), UUID.randomUUID().toString());
        kafka.awaitConsumed(GROUP_ID, last);

        JsonNode listed = json(get("/api/v1/incidents/" + incidentId + "/alerts"));

        assertThat(listed).extracting(a -> a.path("msgType").asString()).containsExactly("Alert", "Update");
        assertThat(listed.get(1).path("alertId").asString()).isEqualTo(alertId);
        assertThat(listed.get(1).path("cancelled").path("reason").asString()).isEqualTo("retracted");
        assertThat(listed.get(1).path("incidentVersion").asLong()).isEqualTo(2);
    }

    @Test
    void anAlertIssuedAfterTheIncidentsCancellationIsListedCancelledAndNoneIsCurrent() {
        // notification-service's Cancel has an id of its own and carries the retracting version
        kafka.publish(new AlertCancelled(UUID.randomUUID().toString(), incidentId, 3, Instant.parse("2020-06-02T10:00:00Z"),
                "incident retracted"), UUID.randomUUID().toString());
        kafka.publish(issued(UUID.randomUUID().toString(), 1, "Alert"), UUID.randomUUID().toString());
        kafka.awaitConsumed(GROUP_ID, kafka.publish(issued(UUID.randomUUID().toString(), 2, "Update"),
                UUID.randomUUID().toString()));

        JsonNode listed = json(get("/api/v1/incidents/" + incidentId + "/alerts"));

        assertThat(listed).extracting(a -> a.path("incidentVersion").asLong()).containsExactly(1L, 2L);
        assertThat(listed).extracting(a -> a.path("state").asString()).containsExactly("CANCELLED", "CANCELLED");
        assertThat(listed).extracting(a -> a.path("cancelled").path("reason").asString())
                .containsExactly("incident retracted", "incident retracted");
    }

    @Test
    void anOlderVersionsAlertArrivingLastIsSupersededAndTheNewerStaysCurrent() {
        AlertIssued update = issued(UUID.randomUUID().toString(), 2, "Update");
        String updateEventId = UUID.randomUUID().toString();
        kafka.publish(update, updateEventId);
        kafka.publish(issued(UUID.randomUUID().toString(), 1, "Alert"), UUID.randomUUID().toString());
        kafka.awaitConsumed(GROUP_ID, kafka.publish(update, updateEventId));

        JsonNode listed = json(get("/api/v1/incidents/" + incidentId + "/alerts"));

        assertThat(listed).extracting(a -> a.path("msgType").asString()).containsExactly("Alert", "Update");
        assertThat(listed).extracting(a -> a.path("state").asString()).containsExactly("SUPERSEDED", "CURRENT");
        assertThat(listed.get(1).path("alertId").asString()).isEqualTo(update.alertId());
    }

    @Test
    void theAlertsOfAnUnknownIncidentAreA404() {
        assertThat(get("/api/v1/incidents/" + UUID.randomUUID() + "/alerts").statusCode()).isEqualTo(404);
    }

    private AlertIssued issued(String alertId, long version, String msgType) {
        return new AlertIssued(alertId, incidentId, version, msgType, Instant.parse("2020-06-01T10:05:00Z").plusSeconds(version),
                Severity.EXTREME, "Immediate", "Observed", "Extreme: STAGE_IMPACT", List.of("gn:1521368"), 3);
    }
}
