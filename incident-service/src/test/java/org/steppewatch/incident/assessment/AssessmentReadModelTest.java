package org.steppewatch.incident.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.AssessmentWithdrawn;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.Topics;
import org.steppewatch.incident.KafkaPeer;
import org.steppewatch.incident.ServiceTestBase;

import tools.jackson.databind.JsonNode;

/**
 * The assessment read model keeps per-incident state on a real broker: whatever order analysis-service's events
 * arrive in (a withdrawal can overtake the assessment it withdraws; a version can arrive after the next), the
 * incident shows the newest assessment, or none once its assessments were withdrawn.
 */
class AssessmentReadModelTest extends ServiceTestBase {

    private static final String INCIDENTS = "/api/v1/incidents";

    private KafkaPeer kafka;
    private String id;

    @BeforeEach
    void reportAnIncident() {
        kafka = new KafkaPeer(Topics.ASSESSMENTS);
        HttpResponse<String> created = post(INCIDENTS, """
                {"title": "Stage impact %s", "category": "STAGE_IMPACT", "occurredAt": "2020-06-01T10:00:00Z",
                 "location": {"type": "Point", "coordinates": [66.8, 47.3]}}""".formatted(UUID.randomUUID()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        id = json(created).path("id").asString();
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aWithdrawalThatArrivesBeforeTheAssessmentItWithdrawsKeepsTheLateAssessmentFromShowing() {
        AssessmentWithdrawn withdrawn = new AssessmentWithdrawn(id, 2, Instant.parse("2020-06-01T11:00:00Z"),
                "duplicate report", List.of(id + ":1"));
        String withdrawalEventId = UUID.randomUUID().toString();
        kafka.publish(withdrawn, withdrawalEventId);
        kafka.publish(assessment(1, Severity.EXTREME), UUID.randomUUID().toString());
        kafka.awaitConsumed(GROUP_ID, kafka.publish(withdrawn, withdrawalEventId)); // and the withdrawal redelivered

        HttpResponse<String> assessment = get(INCIDENTS + "/" + id + "/assessment");

        assertThat(assessment.statusCode()).as(assessment.body()).isEqualTo(410);
        assertThat(json(assessment).path("detail").asString()).contains("duplicate report");
        assertThat(mongo.count(query(where("incidentId").is(id)), AssessmentStore.COLLECTION)).isZero();
        // the late assessment did not mark the incident assessed either
        assertThat(json(get(INCIDENTS + "/" + id)).path("status").asString()).isEqualTo("REPORTED");
    }

    @Test
    void anAssessmentOfAnOlderVersionArrivingAfterTheNewerOneChangesNothing() {
        assertThat(put(INCIDENTS + "/" + id, "\"1\"", """
                {"title": "Stage impact, revised", "category": "STAGE_IMPACT", "occurredAt": "2020-06-01T10:00:00Z",
                 "location": {"type": "Point", "coordinates": [66.81, 47.3]}}""").statusCode()).isEqualTo(200);
        String v2EventId = UUID.randomUUID().toString();
        kafka.publish(assessment(2, Severity.SEVERE), v2EventId);
        kafka.publish(assessment(1, Severity.EXTREME), UUID.randomUUID().toString());
        kafka.awaitConsumed(GROUP_ID, kafka.publish(assessment(2, Severity.SEVERE), v2EventId));

        JsonNode current = json(get(INCIDENTS + "/" + id + "/assessment"));

        assertThat(current.path("incidentVersion").asLong()).isEqualTo(2);
        assertThat(current.path("severity").asString()).isEqualTo("Severe");
        assertThat(mongo.count(query(where("incidentId").is(id)), AssessmentStore.COLLECTION)).isOne();
        assertThat(json(get(INCIDENTS + "/" + id)).path("status").asString()).isEqualTo("ASSESSED");
    }

    @Test
    void aRetractedIncidentHasNoCurrentAssessmentEvenBeforeTheWithdrawalArrives() {
        kafka.awaitConsumed(GROUP_ID, kafka.publish(assessment(1, Severity.EXTREME), UUID.randomUUID().toString()));
        assertThat(get(INCIDENTS + "/" + id + "/assessment").statusCode()).isEqualTo(200);

        assertThat(post(INCIDENTS + "/" + id + "/retraction", "{\"reason\": \"a test\"}").statusCode()).isEqualTo(200);

        assertThat(get(INCIDENTS + "/" + id + "/assessment").statusCode()).isEqualTo(410);
    }

    private IncidentAssessed assessment(long version, Severity severity) {
        return new IncidentAssessed(id, version, IncidentAssessed.assessmentId(id, version),
                Instant.parse("2020-06-01T10:05:00Z"), "reference-2025.1",
                new IncidentAssessed.IncidentSummary("Stage impact", IncidentCategory.STAGE_IMPACT,
                        Instant.parse("2020-06-01T10:00:00Z"), Geo.point(66.8, 47.3)),
                null, List.of(), List.of(), List.of(), severity, "Immediate", "Likely", "Stage impact v" + version);
    }
}
