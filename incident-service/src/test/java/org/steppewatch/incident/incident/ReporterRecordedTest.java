package org.steppewatch.incident.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.IncidentReported;
import org.steppewatch.contracts.IncidentRetracted;
import org.steppewatch.contracts.IncidentRevised;
import org.steppewatch.contracts.ReportedBy;
import org.steppewatch.contracts.Topics;
import org.steppewatch.incident.KafkaPeer;
import org.steppewatch.incident.ServiceTestBase;
import org.steppewatch.testsupport.TestIssuer;

import tools.jackson.databind.JsonNode;

/**
 * Each version records who made it and whether they held the issuer role then, in the history and in its event,
 * so notification-service can tell an alert that goes out at once from a draft. Names of staff are not public.
 */
class ReporterRecordedTest extends ServiceTestBase {

    private static final String INCIDENTS = "/api/v1/incidents";
    private static final String ANALYST_ONLY = TestIssuer.get().bearer("aigerim", "analyst");
    private static final String ISSUER = TestIssuer.get().bearer("duty-officer", "issuer");

    private KafkaPeer kafka;

    @BeforeEach
    void readIncidents() {
        kafka = new KafkaPeer(Topics.INCIDENTS);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void eachVersionCarriesItsReporterAndWhetherTheyMayIssue() {
        String title = "Proton-M " + UUID.randomUUID();
        HttpResponse<String> created = write("POST", INCIDENTS, null, ANALYST_ONLY, ProtonM2013.json(title));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();
        HttpResponse<String> revised = write("PUT", INCIDENTS + "/" + id, "\"1\"", ISSUER, ProtonM2013.json(title + " (2)"));
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        HttpResponse<String> retracted = write("POST", INCIDENTS + "/" + id + "/retraction", "\"2\"", ANALYST_ONLY,
                "{\"reason\": \"duplicate\"}");
        assertThat(retracted.statusCode()).as(retracted.body()).isEqualTo(200);

        ReportedBy analyst = new ReportedBy("aigerim", "aigerim", false);
        ReportedBy issuer = new ReportedBy("duty-officer", "duty-officer", true);
        assertThat(EventJson.read(event(id, EventTypes.INCIDENT_REPORTED), IncidentReported.class).reportedBy())
                .isEqualTo(analyst);
        assertThat(EventJson.read(event(id, EventTypes.INCIDENT_REVISED), IncidentRevised.class).reportedBy())
                .isEqualTo(issuer);
        assertThat(EventJson.read(event(id, EventTypes.INCIDENT_RETRACTED), IncidentRetracted.class).reportedBy())
                .isEqualTo(analyst);

        JsonNode history = json(send(request(INCIDENTS + "/" + id + "/revisions").GET(), ANALYST_ONLY));
        assertThat(history).hasSize(3);
        assertThat(history.get(0).path("by").path("name").asString()).isEqualTo("aigerim");
        assertThat(history.get(0).path("by").path("mayIssue").asBoolean()).isFalse();
        assertThat(history.get(1).path("by").path("name").asString()).isEqualTo("duty-officer");
        assertThat(history.get(1).path("by").path("mayIssue").asBoolean()).isTrue();
        assertThat(history.get(2).path("by").path("subject").asString()).isEqualTo("aigerim");
    }

    @Test
    void thePublicHistoryNamesNobody() {
        HttpResponse<String> created = write("POST", INCIDENTS, null, ANALYST_ONLY, ProtonM2013.json("Proton-M"));
        String id = json(created).path("id").asString();

        HttpResponse<String> history = get(INCIDENTS + "/" + id + "/revisions");

        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(json(history).get(0).has("by")).isFalse();
        assertThat(history.body()).doesNotContain("aigerim");
    }

    private String event(String id, String type) {
        ConsumerRecord<String, String> record = kafka.awaitRecord(id, type);
        return record.value();
    }

    private HttpResponse<String> write(String method, String path, String ifMatch, String authorization, String json) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request, authorization);
    }
}
