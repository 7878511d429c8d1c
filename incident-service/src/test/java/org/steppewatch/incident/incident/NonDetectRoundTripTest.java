package org.steppewatch.incident.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.IncidentReported;
import org.steppewatch.contracts.Topics;
import org.steppewatch.incident.KafkaPeer;
import org.steppewatch.incident.ServiceTestBase;

import tools.jackson.databind.JsonNode;

/** A non-detect, a release scenario and the new weather fields: stored, served and published as reported. */
class NonDetectRoundTripTest extends ServiceTestBase {

    private KafkaPeer kafka;
    private final String title = "non-detect round trip " + UUID.randomUUID();

    @BeforeEach
    void connect() {
        kafka = new KafkaPeer(Topics.INCIDENTS);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aNonDetectIsStoredServedAndPublishedWithItsDetectionLimitAndNoValue() {
        String json = ProtonM2013.json(title)
                .replace("\"value\": 123, \"unit\": \"mg/kg\"", "\"detected\": false, \"detectionLimit\": 0.05, \"unit\": \"mg/kg\"")
                .replace("\"massKg\": 172000", "\"massKg\": 172000, \"scenario\": \"FIRE\"")
                .replace("\"stability\": \"D\"", "\"stability\": \"D\", \"cloudCoverOktas\": 6, \"windDirectionSigmaDeg\": 15");

        HttpResponse<String> created = post("/api/v1/incidents", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();

        Document stored = mongo.findById(id, Document.class, IncidentDocuments.COLLECTION);
        Document sample = stored.get("facts", Document.class).getList("samples", Document.class).get(0);
        assertThat(sample.getBoolean("detected")).isFalse();
        assertThat(sample.getDouble("detectionLimit")).isEqualTo(0.05);
        assertThat(sample.get("value")).isNull();

        JsonNode served = json(get("/api/v1/incidents/" + id));
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
