package org.steppewatch.incident.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.GeoJsonModule;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.IncidentReported;
import org.steppewatch.contracts.IncidentRetracted;
import org.steppewatch.contracts.IncidentRevised;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.Topics;
import org.steppewatch.incident.KafkaPeer;
import org.steppewatch.incident.ServiceTestBase;

import tools.jackson.databind.JsonNode;

/** The Proton-M crash of 2013 through report, publication, assessment, revision and retraction, over real Kafka and MongoDB. */
class IncidentLifecycleIntegrationTest extends ServiceTestBase {

    private static final String INCIDENTS = "/api/v1/incidents";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private KafkaPeer kafka;
    private final String title = "Proton-M launch failure after lift-off " + UUID.randomUUID();

    @BeforeEach
    void connect() {
        kafka = new KafkaPeer(Topics.INCIDENTS);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void theProtonCrashIsPublishedAssessedOnceRevisedAndALateAssessmentDoesNotCountForTheRevision() {
        // report
        HttpResponse<String> created = post(INCIDENTS, ProtonM2013.json(title));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode incident = json(created);
        String id = incident.path("id").asString();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/incidents/" + id);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(incident.path("version").asLong()).isEqualTo(1);
        assertThat(incident.path("status").asString()).isEqualTo("REPORTED");
        assertThat(incident.has("outbox")).isFalse();

        // published on incidents.v1 as a binary CloudEvent, then gone from the outbox
        ConsumerRecord<String, String> reported = kafka.awaitRecord(id, EventTypes.INCIDENT_REPORTED);
        assertThat(KafkaPeer.header(reported, EventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(KafkaPeer.header(reported, EventHeaders.ID)).isNotBlank();
        assertThat(KafkaPeer.header(reported, EventHeaders.SOURCE)).isEqualTo("/steppewatch/incident-service");
        assertThat(KafkaPeer.header(reported, EventHeaders.SUBJECT)).isEqualTo(id);
        assertThat(Instant.parse(KafkaPeer.header(reported, EventHeaders.TIME)))
                .isEqualTo(Instant.parse(incident.path("reportedAt").asString()));
        assertThat(KafkaPeer.header(reported, EventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        IncidentReported event = EventJson.read(reported.value(), IncidentReported.class);
        assertThat(event.incidentId()).isEqualTo(id);
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.facts()).isEqualTo(ProtonM2013.facts(title));
        await().atMost(DEADLINE).until(() -> outbox(id).isEmpty());

        // analysis-service's assessment of version 1, delivered twice
        IncidentAssessed assessment = assessment(id, 1, Severity.EXTREME);
        String eventId = UUID.randomUUID().toString();
        kafka.publish(assessment, eventId);
        RecordMetadata redelivery = kafka.publish(assessment, eventId);
        kafka.awaitConsumed(GROUP_ID, redelivery);
        assertThat(json(get(INCIDENTS + "/" + id)).path("status").asString()).isEqualTo("ASSESSED");
        HttpResponse<String> assessed = get(INCIDENTS + "/" + id + "/assessment");
        assertThat(assessed.statusCode()).as(assessed.body()).isEqualTo(200);
        assertThat(EventJson.read(assessed.body(), IncidentAssessed.class)).isEqualTo(assessment);
        assertThat(json(assessed).path("severity").asString()).isEqualTo("Extreme");
        assertThat(mongo.count(query(where("incidentId").is(id)), "assessments")).isOne();
        assertThat(mongo.findById(id + ":1", Document.class, "assessments")).isNotNull();

        // a revision under the current ETag; assessing does not change the version
        HttpResponse<String> current = get(INCIDENTS + "/" + id);
        assertThat(current.headers().firstValue("ETag")).hasValue("\"1\"");
        String revisedJson = ProtonM2013.json(title + " (revised)").replace("172000", "200000");
        HttpResponse<String> revised = put(INCIDENTS + "/" + id, current.headers().firstValue("ETag").orElseThrow(), revisedJson);
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        assertThat(revised.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(json(revised).path("version").asLong()).isEqualTo(2);
        assertThat(json(revised).path("status").asString()).isEqualTo("REVISED");
        assertThat(json(revised).path("releases").get(0).path("massKg").asDouble()).isEqualTo(200000);
        ConsumerRecord<String, String> revisedRecord = kafka.awaitRecord(id, EventTypes.INCIDENT_REVISED);
        IncidentRevised revisedEvent = EventJson.read(revisedRecord.value(), IncidentRevised.class);
        assertThat(revisedEvent.version()).isEqualTo(2);
        assertThat(revisedEvent.facts().title()).isEqualTo(title + " (revised)");
        assertThat(revisedEvent.facts().releases().get(0).massKg()).isEqualTo(200000);
        assertThat(kafka.receivedFor(id)).extracting(r -> KafkaPeer.header(r, EventHeaders.TYPE))
                .containsExactly(EventTypes.INCIDENT_REPORTED, EventTypes.INCIDENT_REVISED);

        // an assessment of version 1 arriving late leaves the revision un-assessed
        kafka.awaitConsumed(GROUP_ID, kafka.publish(assessment(id, 1, Severity.SEVERE), UUID.randomUUID().toString()));
        assertThat(json(get(INCIDENTS + "/" + id)).path("status").asString()).isEqualTo("REVISED");
        assertThat(mongo.count(query(where("incidentId").is(id)), "assessments")).isOne();
        assertThat(json(get(INCIDENTS + "/" + id + "/assessment")).path("severity").asString()).isEqualTo("Extreme");

        // the assessment of version 2 does count, and becomes the latest
        kafka.awaitConsumed(GROUP_ID, kafka.publish(assessment(id, 2, Severity.SEVERE), UUID.randomUUID().toString()));
        assertThat(json(get(INCIDENTS + "/" + id)).path("status").asString()).isEqualTo("ASSESSED");
        JsonNode latest = json(get(INCIDENTS + "/" + id + "/assessment"));
        assertThat(latest.path("incidentVersion").asLong()).isEqualTo(2);
        assertThat(latest.path("severity").asString()).isEqualTo("Severe");
        assertThat(mongo.count(query(where("incidentId").is(id)), "assessments")).isEqualTo(2);
    }

    @Test
    void aRetractedIncidentIsAnnouncedAndCanNoLongerChange() {
        String id = json(post(INCIDENTS, ProtonM2013.json(title))).path("id").asString();

        HttpResponse<String> withoutReason = post(INCIDENTS + "/" + id + "/retraction", "{}");
        assertThat(withoutReason.statusCode()).isEqualTo(400);
        assertThat(json(withoutReason).path("errors").get(0).path("field").asString()).isEqualTo("reason");
        assertThat(json(get(INCIDENTS + "/" + id)).path("status").asString()).isEqualTo("REPORTED");

        HttpResponse<String> retracted = post(INCIDENTS + "/" + id + "/retraction", "{\"reason\": \"duplicate report\"}");
        assertThat(retracted.statusCode()).as(retracted.body()).isEqualTo(200);
        assertThat(retracted.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(json(retracted).path("status").asString()).isEqualTo("RETRACTED");
        assertThat(json(retracted).path("version").asLong()).isEqualTo(2);
        assertThat(json(retracted).path("retraction").path("reason").asString()).isEqualTo("duplicate report");

        ConsumerRecord<String, String> record = kafka.awaitRecord(id, EventTypes.INCIDENT_RETRACTED);
        IncidentRetracted event = EventJson.read(record.value(), IncidentRetracted.class);
        assertThat(event.version()).isEqualTo(2);
        assertThat(event.reason()).isEqualTo("duplicate report");

        HttpResponse<String> again = post(INCIDENTS + "/" + id + "/retraction", "{\"reason\": \"again\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(again).path("detail").asString()).contains("was retracted (duplicate report)");
        HttpResponse<String> revision = put(INCIDENTS + "/" + id, "\"2\"", ProtonM2013.json(title));
        assertThat(revision.statusCode()).isEqualTo(409);

        // an assessment of the retracted version does not resurrect it
        kafka.awaitConsumed(GROUP_ID, kafka.publish(assessment(id, 2, Severity.MINOR), UUID.randomUUID().toString()));
        JsonNode after = json(get(INCIDENTS + "/" + id));
        assertThat(after.path("status").asString()).isEqualTo("RETRACTED");
        assertThat(after.path("version").asLong()).isEqualTo(2);
    }

    @Test
    void aMalformedAssessmentEndsOnTheDeadLetterTopicAndChangesNothing() {
        String id = json(post(INCIDENTS, ProtonM2013.json(title))).path("id").asString();
        try (KafkaPeer deadLetters = new KafkaPeer(Topics.deadLetter(Topics.ASSESSMENTS))) {
            String eventId = UUID.randomUUID().toString();
            kafka.publish(Topics.ASSESSMENTS, id, EventTypes.INCIDENT_ASSESSED, "{\"incidentVersion\": \"one\"", eventId);

            ConsumerRecord<String, String> parked = deadLetters.awaitRecord(id, EventTypes.INCIDENT_ASSESSED);

            assertThat(parked.value()).isEqualTo("{\"incidentVersion\": \"one\"");
            assertThat(KafkaPeer.header(parked, EventHeaders.ID)).isEqualTo(eventId);
        }
        assertThat(json(get(INCIDENTS + "/" + id)).path("status").asString()).isEqualTo("REPORTED");
        assertThat(mongo.count(query(where("incidentId").is(id)), "assessments")).isZero();
    }

    private List<Object> outbox(String id) {
        Document document = mongo.findById(id, Document.class, IncidentDocuments.COLLECTION);
        return document.getList("outbox", Object.class, List.of());
    }

    private IncidentAssessed assessment(String id, long version, Severity severity) {
        return new IncidentAssessed(id, version, IncidentAssessed.assessmentId(id, version),
                Instant.parse("2013-07-02T03:00:00Z"), "reference-2025.1",
                new IncidentAssessed.IncidentSummary(title, IncidentCategory.LAUNCH_FAILURE, ProtonM2013.OCCURRED_AT,
                        Geo.point(63.0, 46.05)),
                new IncidentAssessed.FallZoneFinding("OUTSIDE", "RP-15", "Drop zone RP-15 (approximate)", 12.3, true),
                List.of(new IncidentAssessed.HazardZone("AEGL-3", "UDMH", 11.0, 60,
                        GeoJsonModule.read("{\"type\":\"Polygon\",\"coordinates\":[[[63.0,46.05],[63.1,46.1],[63.05,46.0],[63.0,46.05]]]}"),
                        "gaussian-plume", List.of("unreliable under 1.5 m/s wind"))),
                List.of(new IncidentAssessed.AffectedSettlement("baikonur", "Baikonur", "Байконур", "Байқоңыр", 70000,
                        54.1, 153.0, null)),
                List.of(new IncidentAssessed.Exceedance("UDMH", "SOIL", 123, 0.1, "mg/kg", 1230, "Kazakh MPC")),
                severity, "Immediate", "Observed", "Off-nominal impact; UDMH in soil 1,230 times the limit.");
    }

    @Test
    void aNonDetectIsStoredServedAndPublishedWithItsDetectionLimitAndNoValue() {
        // a non-detect, a release scenario and the new weather fields: stored, served and published as reported
        String json = ProtonM2013.json(title)
                .replace("\"value\": 123, \"unit\": \"mg/kg\"", "\"detected\": false, \"detectionLimit\": 0.05, \"unit\": \"mg/kg\"")
                .replace("\"massKg\": 172000", "\"massKg\": 172000, \"scenario\": \"FIRE\"")
                .replace("\"stability\": \"D\"", "\"stability\": \"D\", \"cloudCoverOktas\": 6, \"windDirectionSigmaDeg\": 15");

        HttpResponse<String> created = post(INCIDENTS, json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();

        Document stored = mongo.findById(id, Document.class, IncidentDocuments.COLLECTION);
        Document sample = stored.get("facts", Document.class).getList("samples", Document.class).get(0);
        assertThat(sample.getBoolean("detected")).isFalse();
        assertThat(sample.getDouble("detectionLimit")).isEqualTo(0.05);
        assertThat(sample.get("value")).isNull();

        JsonNode served = json(get(INCIDENTS + "/" + id));
        assertThat(served.path("samples").get(0).path("detected").asBoolean(true)).isFalse();
        assertThat(served.path("samples").get(0).path("detectionLimit").asDouble()).isEqualTo(0.05);
        assertThat(served.path("samples").get(0).path("value").isNull()).isTrue();
        assertThat(served.path("releases").get(0).path("scenario").asString()).isEqualTo("FIRE");
        assertThat(served.path("weather").path("cloudCoverOktas").asInt()).isEqualTo(6);

        ConsumerRecord<String, String> reported = kafka.awaitRecord(id, EventTypes.INCIDENT_REPORTED);
        IncidentFacts facts = EventJson.read(reported.value(), IncidentReported.class).facts();
        assertThat(facts.samples().get(0)).satisfies(s -> {
            assertThat(s.isDetected()).isFalse();
            assertThat(s.value()).isNull();
            assertThat(s.detectionLimit()).isEqualTo(0.05);
        });
        assertThat(facts.releases().get(0).scenario()).isEqualTo("FIRE");
        assertThat(facts.weather().cloudCoverOktas()).isEqualTo(6);
        assertThat(facts.weather().windDirectionSigmaDeg()).isEqualTo(15.0);
        assertThat(IncidentDocuments.readFacts(stored.get("facts", Document.class))).isEqualTo(facts);
    }
}
