package org.steppewatch.incident.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.ResultJudged;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.Topics;
import org.steppewatch.incident.KafkaPeer;
import org.steppewatch.incident.ServiceTestBase;

import tools.jackson.databind.JsonNode;

/**
 * analysis-service's judgement of a result (ResultJudged on findings.v1, played here by a plain producer) shows on
 * the result: its comparisons and notice. A result is judged once: a redelivery, or a second judgement, changes
 * nothing.
 */
class ResultJudgementTest extends ServiceTestBase {

    /** This listener's consumer group: the service's group with -results (incident-service-results deployed). */
    static final String RESULTS_GROUP = GROUP_ID + "-results";

    private KafkaPeer kafka;
    private String resultId;

    @BeforeEach
    void recordAResult() {
        kafka = new KafkaPeer(Topics.FINDINGS);
        var created = post("/api/v1/results", """
                {"siteId": "KZ-HG-NURA", "substance": "HG", "medium": "water", "value": 0.0021, "unit": "mg/L",
                 "sampledOn": "2026-11-20"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        resultId = json(created).path("resultId").asString();
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    static ResultJudged judgement(String resultId, double limit, Severity severity) {
        double ratio = 0.0021 / limit;
        var comparison = new ResultJudged.LimitComparison("KZ_MPC", "water", limit, "mg/L", null, null, 0.0021, ratio,
                "ABOVE", true, false, "above the MPC", "SRC_TEST", "test instrument", "in_force", "verified", null,
                null);
        return new ResultJudged(resultId, "KZ-HG-NURA", Geo.point(72.95497, 50.05197), "HG", "water",
                LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20), List.of(comparison),
                new ResultJudged.NoticeRating(severity, "Future", "Observed", ratio, "KZ_MPC", "ratio rule"),
                List.of(), "limits-v1", Instant.parse("2026-11-21T08:00:00Z"));
    }

    @Test
    void aJudgementShowsOnItsResultAndASecondOneChangesNothing() {
        ResultJudged first = judgement(resultId, 0.0005, Severity.MODERATE);
        String eventId = UUID.randomUUID().toString();
        kafka.publish(Topics.FINDINGS, first.key(), first.eventType(), EventJson.write(first), eventId);
        // the same event redelivered, then a different judgement of the same result
        kafka.publish(Topics.FINDINGS, first.key(), first.eventType(), EventJson.write(first), eventId);
        ResultJudged second = judgement(resultId, 0.001, Severity.MINOR);
        kafka.awaitConsumed(RESULTS_GROUP, kafka.publish(Topics.FINDINGS, second.key(), second.eventType(),
                EventJson.write(second), UUID.randomUUID().toString()));

        JsonNode result = json(get("/api/v1/results/" + resultId));

        assertThat(result.path("judged").asBoolean()).isTrue();
        assertThat(result.path("comparisons")).hasSize(1);
        JsonNode comparison = result.path("comparisons").get(0);
        assertThat(comparison.path("regime").asString()).isEqualTo("KZ_MPC");
        assertThat(comparison.path("limit").asDouble()).isEqualTo(0.0005);
        assertThat(comparison.path("ratio").asDouble()).isEqualTo(4.2, within(1e-9));
        assertThat(result.path("notice").path("severity").asString()).isEqualTo("Moderate");
        assertThat(mongo.count(query(where("_id").is(resultId)), JudgementStore.COLLECTION)).isOne();
    }

    /** A judgement that cannot be read goes to findings.v1.DLT; the judgements of facilities are not this listener's. */
    @Test
    void anUnreadableJudgementIsDeadLetteredAndAFacilitysIsSkipped() {
        String key = "res-" + UUID.randomUUID();
        try (KafkaPeer dlt = new KafkaPeer(Topics.deadLetter(Topics.FINDINGS))) {
            kafka.publish(Topics.FINDINGS, key, EventTypes.RESULT_JUDGED, "{\"comparisons\": \"none\"",
                    UUID.randomUUID().toString());
            dlt.awaitRecord(key, EventTypes.RESULT_JUDGED);
        }
        String facility = "fac-" + UUID.randomUUID();
        kafka.publish(Topics.FINDINGS, facility, EventTypes.FACILITY_JUDGED,
                "{\"facilityId\": \"" + facility + "\", \"version\": 1}", UUID.randomUUID().toString());
        ResultJudged after = judgement(resultId, 0.0005, Severity.MODERATE);
        kafka.awaitConsumed(RESULTS_GROUP, kafka.publish(Topics.FINDINGS, after.key(), after.eventType(),
                EventJson.write(after), UUID.randomUUID().toString()));

        assertThat(mongo.count(query(where("_id").in(key, facility)), JudgementStore.COLLECTION)).isZero();
        assertThat(json(get("/api/v1/results/" + resultId)).path("judged").asBoolean()).isTrue();
    }
}
