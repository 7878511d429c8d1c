package org.steppewatch.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.AssessmentWithdrawn;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.IncidentReported;
import org.steppewatch.contracts.IncidentRetracted;
import org.steppewatch.contracts.IncidentRevised;
import org.steppewatch.contracts.ReportedBy;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.Topics;
import org.steppewatch.testsupport.TestIssuer;

import tools.jackson.databind.JsonNode;

/** Incident events in, assessments and withdrawals out, and the REST API over what is stored. */
class AnalysisServiceIntegrationTest extends AnalysisServiceTestBase {

    @Test
    void anIncidentReportedIsAssessedOnceAndAnnouncedOnceEvenWhenRedelivered() throws Exception {
        String first = newIncidentId();
        String second = newIncidentId();
        IncidentReported reported = new IncidentReported(first, 1, Instant.now(), protonM(Instant.now().minusSeconds(600)));

        try (TopicReader assessments = reader(Topics.ASSESSMENTS)) {
            RecordMetadata sent = send(cloudEvent(null, reported));

            ConsumerRecord<String, String> assessed = await().atMost(DEADLINE).pollInSameThread()
                    .until(() -> assessments.withKey(first), records -> !records.isEmpty()).get(0);

            assertThat(header(assessed, EventHeaders.TYPE)).isEqualTo(EventTypes.INCIDENT_ASSESSED).isEqualTo("org.steppewatch.incident.assessed.v1");
            assertThat(header(assessed, EventHeaders.SOURCE)).isEqualTo("/steppewatch/analysis-service");
            assertThat(header(assessed, EventHeaders.SUBJECT)).isEqualTo(first);
            assertThat(header(assessed, EventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(header(assessed, EventHeaders.ID)).isNotBlank();
            assertThat(header(assessed, EventHeaders.TIME)).isNotBlank();
            assertThat(header(assessed, EventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
            IncidentAssessed event = EventJson.read(assessed.value(), IncidentAssessed.class);
            assertThat(event.assessmentId()).isEqualTo(first + ":1");
            assertThat(event.affectedSettlements()).extracting(IncidentAssessed.AffectedSettlement::name).contains("Baikonur");
            // wind from the south-west: the zones point away from the towns; an off-nominal crash that reaches nobody is
            // Moderate, and the soil sample (1230 × its limit) does not rate the airborne hazard
            assertThat(event.severity()).isEqualTo(Severity.MODERATE);
            assertThat(event.path()).isEqualTo(IncidentAssessed.ACUTE);
            assertThat(event.hazardZones()).extracting(IncidentAssessed.HazardZone::level, IncidentAssessed.HazardZone::kind)
                    .containsExactly(tuple("AEGL-3", "DETERMINISTIC"), tuple("AEGL-2", "DETERMINISTIC"),
                            tuple("AEGL-3", "PROBABILITY_10"), tuple("AEGL-2", "PROBABILITY_10"));
            assertThat(event.urgency()).isEqualTo("Immediate");
            assertThat(event.exceedances()).singleElement().extracting(IncidentAssessed.Exceedance::ratio).isEqualTo(1230.0);

            // redelivery, then a different incident on the same partition: once the second is assessed, the
            // redelivered first has been handled too (one partition is consumed in order)
            send(cloudEvent(null, reported));
            send(cloudEvent(sent.partition(), new IncidentReported(second, 1, Instant.now(), protonM(Instant.now()))));
            await().atMost(DEADLINE).pollInSameThread().until(() -> !assessments.withKey(second).isEmpty());
            await().atMost(DEADLINE).until(this::outboxesEmpty);

            assertThat(assessments.withKey(first)).hasSize(1);
            assertThat(documentsOf(first)).isEqualTo(1);
            Document stored = mongo.findById(first + ":1", Document.class, "assessments");
            // two deterministic zones and two of 10 % probability
            assertThat(stored.get("assessment", Document.class).get("hazardZones", List.class)).hasSize(4);
            assertThat(stored.get("details", Document.class).get("hazardZoneDetails", List.class)).hasSize(4);
            assertThat(stored.getList("outbox", Document.class)).isEmpty();
        }

        HttpResponse<String> response = get("/api/v1/assessments/" + first);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = EventJson.mapper().readTree(response.body());
        assertThat(body.path("assessmentId").asString()).isEqualTo(first + ":1");
        assertThat(body.path("severity").asString()).isEqualTo("Moderate");
        assertThat(body.path("severityReason").asString()).contains("off-nominal impact").contains("reaches nobody");
        assertThat(body.path("hazardZones").get(0).path("geometry").path("type").asString()).isEqualTo("Polygon");
        assertThat(body.path("hazardZones").get(0).path("thresholdPpm").asDouble()).isEqualTo(11.0);
        assertThat(body.path("affectedSettlements").findValuesAsString("id")).contains("gn:1521368", "gn:9858283");
        assertThat(body.path("referenceDataVersion").asString()).startsWith("sha256:");
        // the analysis beside the event: areas of concern, how each zone was drawn, every sample comparison
        assertThat(body.path("areasOfConcern").get(0).path("id").asString()).isEqualTo("AOC-BAIKONUR-LEASE");
        assertThat(body.path("hazardZoneDetails").get(1).path("inputs").path("stability").asString()).isEqualTo("D");
        assertThat(body.path("hazardZoneDetails").get(1).path("reachKm").asDouble()).isBetween(8.4, 8.6);
        assertThat(body.path("sampleComparisons").get(0).path("ratio").asDouble()).isEqualTo(1230.0);
        assertThat(body.path("exposureMinutes").asInt()).isEqualTo(60);
        assertThat(body.has("withdrawn")).isFalse();
    }

    @Test
    void aMalformedPayloadOfAKnownTypeEndsOnTheDeadLetterTopic() throws Exception {
        String broken = newIncidentId();
        try (TopicReader deadLetters = reader(Topics.deadLetter(Topics.INCIDENTS))) {
            send(cloudEvent(null, broken, EventTypes.INCIDENT_REPORTED, "{\"incidentId\": \"" + broken + "\", \"version\": "));

            List<ConsumerRecord<String, String>> parked = await().atMost(DEADLINE).pollInSameThread()
                    .until(() -> deadLetters.withKey(broken), records -> !records.isEmpty());

            assertThat(parked).singleElement().satisfies(r -> assertThat(r.value()).startsWith("{\"incidentId\": \"" + broken));
        }
        assertThat(documentsOf(broken)).isZero();
    }

    @Test
    void anUnknownEventTypeIsSkippedNeitherAssessedNorDeadLettered() throws Exception {
        String unknown = newIncidentId();
        String after = newIncidentId();
        try (TopicReader assessments = reader(Topics.ASSESSMENTS); TopicReader deadLetters = reader(Topics.deadLetter(Topics.INCIDENTS))) {
            RecordMetadata sent = send(cloudEvent(null, unknown, "org.steppewatch.incident.teleported.v9", "{\"whatever\": true}"));
            send(cloudEvent(sent.partition(), new IncidentReported(after, 1, Instant.now(), protonM(Instant.now()))));

            await().atMost(DEADLINE).pollInSameThread().until(() -> !assessments.withKey(after).isEmpty());

            assertThat(documentsOf(unknown)).isZero();
            assertThat(deadLetters.withKey(unknown)).isEmpty();
        }
    }

    @Test
    void revisionsAreAssessedPerVersionAndARetractionWithdrawsThem() throws Exception {
        String id = newIncidentId();
        Instant at = Instant.now().minus(Duration.ofDays(10));
        send(cloudEvent(null, new IncidentReported(id, 1, at, protonM(at))));
        IncidentFacts revisedFacts = new IncidentFacts("Stage fragment found", IncidentCategory.STAGE_IMPACT, at,
                Geo.point(66.775, 47.3333), null, "Proton-M", null, List.of(), List.of(), null, null);
        send(cloudEvent(null, new IncidentRevised(id, 2, at.plusSeconds(60), revisedFacts)));

        await().atMost(DEADLINE).until(() -> get("/api/v1/assessments/" + id).body().contains("\"incidentVersion\":2"));

        JsonNode latest = EventJson.mapper().readTree(get("/api/v1/assessments/" + id).body());
        assertThat(latest.path("fallZone").path("status").asString()).isEqualTo("INSIDE");
        assertThat(latest.path("urgency").asString()).isEqualTo("Past");
        JsonNode first = EventJson.mapper().readTree(get("/api/v1/assessments/" + id + "?version=1").body());
        assertThat(first.path("incidentVersion").asLong()).isEqualTo(1);
        assertThat(first.path("severity").asString()).isEqualTo("Moderate");

        try (TopicReader assessments = reader(Topics.ASSESSMENTS)) {
            IncidentRetracted retracted = new IncidentRetracted(id, 3, at.plusSeconds(120), "duplicate report");
            RecordMetadata sent = send(cloudEvent(null, retracted));

            await().atMost(DEADLINE).until(() -> get("/api/v1/assessments/" + id).body().contains("\"withdrawn\":true"));
            JsonNode withdrawn = EventJson.mapper().readTree(get("/api/v1/assessments/" + id + "?version=1").body());
            assertThat(withdrawn.path("withdrawn").asBoolean()).isTrue();
            assertThat(withdrawn.path("withdrawnReason").asString()).isEqualTo("duplicate report");

            // partners see the withdrawal on assessments.v1, once, even when the retraction is delivered again
            Predicate<ConsumerRecord<String, String>> isWithdrawal = r -> EventTypes.ASSESSMENT_WITHDRAWN.equals(header(r, EventHeaders.TYPE));
            ConsumerRecord<String, String> announced = await().atMost(DEADLINE).pollInSameThread()
                    .until(() -> assessments.withKey(id).stream().filter(isWithdrawal).toList(), records -> !records.isEmpty()).get(0);
            AssessmentWithdrawn event = EventJson.read(announced.value(), AssessmentWithdrawn.class);
            assertThat(event.assessmentIds()).containsExactly(id + ":1", id + ":2");
            assertThat(event.reason()).isEqualTo("duplicate report");
            assertThat(event.incidentVersion()).isEqualTo(3);
            assertThat(header(announced, EventHeaders.SOURCE)).isEqualTo("/steppewatch/analysis-service");

            String after = newIncidentId();
            send(cloudEvent(null, retracted));
            send(cloudEvent(sent.partition(), new IncidentReported(after, 1, Instant.now(), protonM(Instant.now()))));
            await().atMost(DEADLINE).pollInSameThread().until(() -> !assessments.withKey(after).isEmpty());
            await().atMost(DEADLINE).until(this::outboxesEmpty);
            assertThat(assessments.withKey(id).stream().filter(isWithdrawal)).hasSize(1);
            assertThat(mongo.findById(id + ":withdrawn", Document.class, "withdrawals")).isNotNull();
        }

        // a late report of the retracted incident is not assessed again
        RecordMetadata late = send(cloudEvent(null, new IncidentRevised(id, 4, at.plusSeconds(180), revisedFacts)));
        String marker = newIncidentId();
        send(cloudEvent(late.partition(), new IncidentReported(marker, 1, Instant.now(), protonM(Instant.now()))));
        await().atMost(DEADLINE).until(() -> get("/api/v1/assessments/" + marker).statusCode() == 200);
        assertThat(documentsOf(id)).isEqualTo(2);
    }

    @Test
    void theReporterOfEachVersionIsCarriedIntoItsAssessmentAndTheWithdrawalButNotShownToThePublic() throws Exception {
        String id = newIncidentId();
        Instant at = Instant.now().minus(Duration.ofDays(1));
        ReportedBy analyst = new ReportedBy("sub-aigerim", "aigerim", false);
        ReportedBy issuer = new ReportedBy("sub-duty", "duty-officer", true);
        try (TopicReader assessments = reader(Topics.ASSESSMENTS)) {
            send(cloudEvent(null, new IncidentReported(id, 1, at, protonM(at), analyst)));
            send(cloudEvent(null, new IncidentRetracted(id, 2, at.plusSeconds(60), "duplicate report", issuer)));

            List<ConsumerRecord<String, String>> both = await().atMost(DEADLINE).pollInSameThread()
                    .until(() -> assessments.withKey(id), records -> records.size() == 2);
            for (ConsumerRecord<String, String> record : both) {
                if (EventTypes.INCIDENT_ASSESSED.equals(header(record, EventHeaders.TYPE))) {
                    assertThat(EventJson.read(record.value(), IncidentAssessed.class).reportedBy()).isEqualTo(analyst);
                } else {
                    assertThat(EventJson.read(record.value(), AssessmentWithdrawn.class).reportedBy()).isEqualTo(issuer);
                }
            }
            assertThat(both).extracting(r -> header(r, EventHeaders.TYPE))
                    .containsExactlyInAnyOrder(EventTypes.INCIDENT_ASSESSED, EventTypes.ASSESSMENT_WITHDRAWN);
        }

        HttpResponse<String> anonymous = get("/api/v1/assessments/" + id);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).doesNotContain("reportedBy").doesNotContain("aigerim");
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/assessments/" + id)).header("Authorization", TestIssuer.get().bearer("reader", "analyst"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(EventJson.mapper().readTree(signedIn.body()).path("reportedBy").path("name").asString())
                .isEqualTo("aigerim");
    }

    @Test
    void anUnknownAssessmentIsA404Problem() throws Exception {
        HttpResponse<String> response = get("/api/v1/assessments/no-such-incident?version=3");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(EventJson.mapper().readTree(response.body()).path("detail").asString()).contains("no-such-incident", "version 3");
    }

    @Test
    void fallZonesAreAGeoJsonFeatureCollection() throws Exception {
        HttpResponse<String> response = get("/api/v1/fall-zones");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/geo+json"));
        JsonNode body = EventJson.mapper().readTree(response.body());
        assertThat(body.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(body.path("features").findValuesAsString("id")).contains("RP-15", "RP-25");
        JsonNode rp15 = body.path("features").get(0);
        assertThat(rp15.path("type").asString()).isEqualTo("Feature");
        assertThat(rp15.path("geometry").path("type").asString()).isEqualTo("Polygon");
        assertThat(rp15.path("properties").path("approximate").asBoolean()).isTrue();
        assertThat(rp15.path("properties").has("usedBy")).isTrue();
        assertThat(rp15.path("properties").has("confidence")).isTrue();
        assertThat(rp15.path("properties").has("source")).isTrue();
        assertThat(rp15.path("properties").path("kind").asString()).isEqualTo("DROP_ZONE");
        // the areas of concern come after the drop zones, flagged approximate
        List<String> kinds = new java.util.ArrayList<>();
        body.path("features").forEach(f -> kinds.add(f.path("properties").path("kind").asString()));
        assertThat(kinds).containsExactly("DROP_ZONE", "DROP_ZONE", "AREA_OF_CONCERN", "AREA_OF_CONCERN", "AREA_OF_CONCERN");
        assertThat(body.path("features").findValuesAsString("id")).contains("AOC-BAIKONUR-LEASE", "AOC-SEMIPALATINSK-TS", "AOC-SARY-SHAGAN");
        JsonNode saryShagan = EventJson.mapper().readTree(get("/api/v1/fall-zones?kind=AREA_OF_CONCERN").body()).path("features").get(2);
        assertThat(saryShagan.path("properties").path("confidence").asString()).isEqualTo("low");
        assertThat(saryShagan.path("properties").path("note").asString()).contains("LOW-CONFIDENCE");
        assertThat(get("/api/v1/fall-zones?kind=LAKE").statusCode()).isEqualTo(400);
    }

    @Test
    void settlementsNearAPointComeNearestFirst() throws Exception {
        HttpResponse<String> response = get("/api/v1/settlements?near=63.0,46.05&radiusKm=60");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode features = EventJson.mapper().readTree(response.body()).path("features");
        List<String> ids = new java.util.ArrayList<>();
        features.forEach(f -> ids.add(f.path("properties").path("id").asString()));
        // Tyuratam 50.6 km, Akai 53.1 km, Baikonur 54.1 km (docs/assessment.md, section 10)
        assertThat(ids).startsWith("gn:9858283", "dp:akai", "gn:1521368");
        JsonNode baikonur = features.get(2).path("properties");
        assertThat(baikonur.path("nameRu").asString()).isEqualTo("Байконур");
        assertThat(baikonur.path("population").asLong()).isEqualTo(70_000);
        assertThat(baikonur.path("distanceKm").asDouble()).isBetween(53.0, 55.0);
        assertThat(features.get(2).path("geometry").path("type").asString()).isEqualTo("Point");
        assertThat(features.get(1).path("properties").path("names").toString()).contains("{\"name\":\"Акай\",\"language\":\"ru\"}");
    }

    @Test
    void badSettlementQueriesAre400Problems() throws Exception {
        for (String query : List.of("near=abc", "near=63.0", "near=200,46", "near=63,46&radiusKm=0", "near=63,46&radiusKm=501",
                "near=63,46&radiusKm=far", "radiusKm=5")) {
            HttpResponse<String> response = get("/api/v1/settlements?" + query);

            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(query)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
        assertThat(EventJson.mapper().readTree(get("/api/v1/settlements?near=200,46").body()).path("detail").asString())
                .contains("longitude");
    }
}
