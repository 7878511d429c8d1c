package org.steppewatch.incident.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.ResultRecorded;
import org.steppewatch.contracts.Topics;
import org.steppewatch.incident.KafkaPeer;
import org.steppewatch.incident.ServiceTestBase;
import org.steppewatch.testsupport.TestIssuer;

import tools.jackson.databind.JsonNode;

/** One result entered: stored with who entered it, announced on contamination.v1; refused ones store nothing. */
class ResultRecordingTest extends ServiceTestBase {

    private static final String RESULTS = "/api/v1/results";
    private static final String AIGERIM = TestIssuer.get().bearer("aigerim", "analyst");
    private static final String ADMIN_ONLY = TestIssuer.get().bearer("root", "admin");

    private final String laboratory = "lab " + UUID.randomUUID();
    private KafkaPeer kafka;

    @BeforeEach
    void readContamination() {
        kafka = new KafkaPeer(Topics.CONTAMINATION);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    private String body(String extra) {
        return """
                {"siteId": "KZ-HG-NURA", "substance": "hg", "medium": "Water", "value": 0.0021, "detected": true,
                 "unit": "mg/L", "basis": "wet", "method": "CV-AAS", "laboratory": "%s", "sampledOn": "2026-11-20"%s}"""
                .formatted(laboratory, extra);
    }

    private HttpResponse<String> postAs(String authorization, String json) {
        return send(request(RESULTS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), authorization);
    }

    private long stored() {
        return mongo.count(query(where("result.laboratory").is(laboratory)), ResultStore.COLLECTION);
    }

    @Test
    void aResultIsStoredWithItsEnteringAnalystAndAnnouncedAsResultRecorded() {
        HttpResponse<String> created = postAs(AIGERIM, body(""));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode result = json(created);
        String id = result.path("resultId").asString();
        assertThat(id).startsWith("res-");
        assertThat(created.headers().firstValue("Location")).hasValue(RESULTS + "/" + id);
        assertThat(result.path("substance").asString()).isEqualTo("HG");
        assertThat(result.path("medium").asString()).isEqualTo("water");
        assertThat(result.path("statistic").asString()).isEqualTo("SINGLE");
        assertThat(result.path("judged").asBoolean()).isFalse();
        // no location given: the Nura site's point (Temirtau, 72.95497 E 50.05197 N in the seed)
        assertThat(result.path("location").path("coordinates").get(0).asDouble()).isEqualTo(72.95497);

        // keyed by the site, so one site's results keep their order
        ConsumerRecord<String, String> record = kafka.awaitRecord("KZ-HG-NURA",
                r -> EventTypes.RESULT_RECORDED.equals(KafkaPeer.header(r, EventHeaders.TYPE)) && r.value().contains(id));
        ResultRecorded event = EventJson.readContamination(record.value(), ResultRecorded.class);
        assertThat(event.resultId()).isEqualTo(id);
        assertThat(event.enteredBy()).isEqualTo("aigerim");
        assertThat(event.value()).isEqualTo(0.0021);
        assertThat(event.unit()).isEqualTo("mg/L");
        assertThat(event.basis()).isEqualTo("WET");
        assertThat(event.sampledFrom()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(event.sampledTo()).isEqualTo(LocalDate.of(2026, 11, 20));

        // who entered it is for signed-in users only
        assertThat(json(get(RESULTS + "/" + id)).path("enteredBy").isNull()).isTrue();
        assertThat(json(send(request(RESULTS + "/" + id).GET(), AIGERIM)).path("enteredBy").asString())
                .isEqualTo("aigerim");
    }

    @Test
    void withoutATokenTheWriteIsRefusedWith401AndNothingIsStored() {
        HttpResponse<String> refused = postAs(null, body(""));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(stored()).isZero();
    }

    @Test
    void withoutTheAnalystOrIssuerRoleTheWriteIsRefusedWith403AndNothingIsStored() {
        HttpResponse<String> refused = postAs(ADMIN_ONLY, body(""));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(stored()).isZero();
    }

    @Test
    void anInvalidResultIsRefusedNamingEveryFieldAndNothingIsStored() {
        String json = """
                {"substance": "MERCURY", "medium": "water", "detected": false, "value": 0.1, "unit": "Bq/L",
                 "laboratory": "%s", "sampledOn": "2999-01-01", "location": {"type": "Point", "coordinates": [2.35, 48.85]}}"""
                .formatted(laboratory);

        HttpResponse<String> refused = post(RESULTS, json);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode errors = json(refused).path("errors");
        assertThat(fields(errors)).containsExactlyInAnyOrder("substance", "detectionLimit", "value",
                "sampledOn", "location.coordinates");
        assertThat(stored()).isZero();
    }

    @Test
    void aUnitThatCannotMeasureTheSubstanceInTheMediumIsRefused() {
        // mercury is a chemical, measured by mass: an activity per volume does not apply
        HttpResponse<String> refused = post(RESULTS, body("").replace("\"mg/L\"", "\"Bq/L\""));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode error = json(refused).path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("unit");
        assertThat(error.path("message").asString()).contains("HG is a chemical, measured by mass");
        assertThat(stored()).isZero();
    }

    @Test
    void anUnknownSiteIsRefused() {
        HttpResponse<String> refused = post(RESULTS, body("").replace("KZ-HG-NURA", "KZ-NOWHERE"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(fields(json(refused).path("errors"))).containsExactly("siteId");
        assertThat(stored()).isZero();
    }

    static List<String> fields(JsonNode errors) {
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }
}
