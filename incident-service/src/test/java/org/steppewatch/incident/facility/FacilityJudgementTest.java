package org.steppewatch.incident.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.FacilityJudged;
import org.steppewatch.contracts.FacilityJudged.ReleaseJudgement;
import org.steppewatch.contracts.Topics;
import org.steppewatch.incident.KafkaPeer;
import org.steppewatch.incident.ServiceTestBase;

import tools.jackson.databind.JsonNode;

/**
 * analysis-service's judgements reach the facility list through findings.v1 on a real broker: the aboveThreshold
 * filter shows exactly the facilities with a matching release judged above, and a late judgement of an older
 * version never overwrites a newer one. Thresholds (E-PRTR Annex II, limit_values.csv): HG air 10 kg/year,
 * HG water 1 kg/year, ZN air 200 kg/year; the factors below are worked out by hand from them.
 */
class FacilityJudgementTest extends ServiceTestBase {

    private static final String FACILITIES = "/api/v1/facilities";
    private static final String GROUP = "incident-service-facilities";
    private static final String SOURCE = "Regulation (EC) No 166/2006 (E-PRTR), Annex II";
    private static final String HEADER = "facility_id,facility_name,operator,activity,lat,lon,example,source,year,"
            + "pollutant,medium,amount_kg,method\n";

    private KafkaPeer kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaPeer(Topics.FINDINGS);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aboveThresholdForHgIn2023ListsExactlyTheFacilitiesJudgedAboveWithOnlyTheirMatchingReleases() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String above = "fac-test-a-" + run;      // HG air 2023 35 kg: 35 / 10 = 3.5
        String below = "fac-test-b-" + run;      // HG air 2023 8 kg: 8 / 10 = 0.8
        String water = "fac-test-c-" + run;      // HG water 2023 2.5 kg: 2.5 / 1 = 2.5; HG air 2022 50 kg: other year
        String unjudged = "fac-test-d-" + run;   // HG air 2023 100 kg, never judged
        HttpResponse<String> imported = importCsv(HEADER
                + row(above, "A " + run, 2023, "HG", "air", 35) + row(above, "A " + run, 2023, "PB", "air", 900)
                + row(below, "B " + run, 2023, "HG", "air", 8)
                + row(water, "C " + run, 2023, "HG", "water", 2.5) + row(water, "C " + run, 2022, "HG", "air", 50)
                + row(unjudged, "D " + run, 2023, "HG", "air", 100));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);

        publish(new FacilityJudged(above, 1, List.of(judgement(2023, "HG", "air", 35, 10.0, 3.5, true),
                judgement(2023, "PB", "air", 900, 200.0, 4.5, true)), "limits-test", Instant.now()));
        publish(new FacilityJudged(below, 1, List.of(judgement(2023, "HG", "air", 8, 10.0, 0.8, false)),
                "limits-test", Instant.now()));
        publish(new FacilityJudged(water, 1, List.of(judgement(2022, "HG", "air", 50, 10.0, 5.0, true),
                judgement(2023, "HG", "water", 2.5, 1.0, 2.5, true)), "limits-test", Instant.now()));
        // three keys, perhaps three partitions: wait for each
        await().atMost(Duration.ofSeconds(60)).until(() -> judged(above) && judged(below) && judged(water));

        JsonNode page = json(get(FACILITIES + "?aboveThreshold=true&pollutant=HG&year=2023"));

        assertThat(page.path("items").valueStream().map(f -> f.path("id").asString()).toList())
                .containsExactly(above, water);
        assertThat(page.path("total").asLong()).isEqualTo(2);
        JsonNode a = page.path("items").get(0);
        assertThat(a.path("releases").size()).isOne();
        assertThat(a.path("releases").get(0).path("factor").asDouble()).isEqualTo(3.5);
        assertThat(a.path("releases").get(0).path("thresholdKg").asDouble()).isEqualTo(10.0);
        assertThat(a.path("releases").get(0).path("thresholdSource").asString()).isEqualTo(SOURCE);
        JsonNode c = page.path("items").get(1);
        assertThat(c.path("releases").size()).isOne();
        assertThat(c.path("releases").get(0).path("medium").asString()).isEqualTo("water");
        assertThat(c.path("releases").get(0).path("factor").asDouble()).isEqualTo(2.5);
        // the facility not yet judged is listed with its release unjudged, and does not count as above
        JsonNode d = json(get(FACILITIES + "/" + unjudged)).path("releases").get(0);
        assertThat(d.path("judged").asBoolean(true)).isFalse();
        assertThat(d.path("aboveThreshold").asBoolean(true)).isFalse();
        assertThat(d.path("factor").isNull()).isTrue();
    }

    @Test
    void aLateJudgementOfAnOlderVersionDoesNotOverwriteTheNewerOne() {
        String id = "fac-test-e-" + UUID.randomUUID();
        assertThat(importCsv(HEADER + row(id, "E", 2021, "ZN", "air", 300)).statusCode()).isEqualTo(201);
        // version 2: 2021 corrected to 100 kg, 2020 added
        assertThat(importCsv(HEADER + row(id, "E", 2021, "ZN", "air", 100) + row(id, "E", 2020, "ZN", "air", 500))
                .statusCode()).isEqualTo(201);
        assertThat(json(get(FACILITIES + "/" + id)).path("version").asLong()).isEqualTo(2);
        FacilityJudged v2 = new FacilityJudged(id, 2, List.of(judgement(2020, "ZN", "air", 500, 200.0, 2.5, true),
                judgement(2021, "ZN", "air", 100, 200.0, 0.5, false)), "limits-test", Instant.now());
        String v2EventId = UUID.randomUUID().toString();

        publish(v2, v2EventId);
        publish(new FacilityJudged(id, 1, List.of(judgement(2021, "ZN", "air", 300, 200.0, 1.5, true)),
                "limits-test", Instant.now()), UUID.randomUUID().toString());
        kafka.awaitConsumed(GROUP, publish(v2, v2EventId)); // and v2 redelivered

        JsonNode releases = json(get(FACILITIES + "/" + id)).path("releases");
        assertThat(releases.get(0).path("year").asInt()).isEqualTo(2020);
        assertThat(releases.get(0).path("factor").asDouble()).isEqualTo(2.5);
        assertThat(releases.get(1).path("amountKg").asDouble()).isEqualTo(100.0);
        assertThat(releases.get(1).path("factor").asDouble()).isEqualTo(0.5);
        assertThat(releases.get(1).path("aboveThreshold").asBoolean(true)).isFalse();
        assertThat(json(get(FACILITIES + "?aboveThreshold=true&pollutant=ZN&year=2021")).path("items")
                .valueStream().map(f -> f.path("id").asString())).doesNotContain(id);
    }

    @Test
    void aJudgementOfTheVersionBeforeLeavesAReleaseAddedSinceUnjudged() {
        String id = "fac-test-f-" + UUID.randomUUID();
        assertThat(importCsv(HEADER + row(id, "F", 2019, "HG", "land", 3)).statusCode()).isEqualTo(201);
        assertThat(importCsv(HEADER + row(id, "F", 2020, "HG", "land", 0.5)).statusCode()).isEqualTo(201);

        kafka.awaitConsumed(GROUP, publish(new FacilityJudged(id, 1,
                List.of(judgement(2019, "HG", "land", 3, 1.0, 3.0, true)), "limits-test", Instant.now())));

        JsonNode releases = json(get(FACILITIES + "/" + id)).path("releases");
        assertThat(releases.get(0).path("judged").asBoolean()).isTrue();
        assertThat(releases.get(0).path("factor").asDouble()).isEqualTo(3.0);
        assertThat(releases.get(1).path("judged").asBoolean(true)).isFalse();
    }

    @Test
    void aMalformedJudgementGoesToTheDeadLetterTopic() {
        String id = "fac-test-g-" + UUID.randomUUID();
        try (KafkaPeer deadLetters = new KafkaPeer(Topics.deadLetter(Topics.FINDINGS))) {
            kafka.publish(Topics.FINDINGS, id, EventTypes.FACILITY_JUDGED, "{not json", UUID.randomUUID().toString());

            assertThat(deadLetters.awaitRecord(id, r -> true).value()).isEqualTo("{not json");
        }
    }

    private boolean judged(String id) {
        return json(get(FACILITIES + "/" + id)).path("releases").get(0).path("judged").asBoolean();
    }

    private static ReleaseJudgement judgement(int year, String pollutant, String medium, double amountKg,
                                              Double thresholdKg, Double factor, boolean above) {
        return new ReleaseJudgement(year, pollutant, medium, amountKg, thresholdKg, factor, above, SOURCE);
    }

    private static String row(String id, String name, int year, String pollutant, String medium, double amountKg) {
        return id + "," + name + ",Test operator,,50.05,72.95,false,test," + year + "," + pollutant + "," + medium + ","
                + amountKg + ",E\n";
    }

    private RecordMetadata publish(FacilityJudged judged) {
        return publish(judged, UUID.randomUUID().toString());
    }

    private RecordMetadata publish(FacilityJudged judged, String eventId) {
        return kafka.publish(judged.topic(), judged.key(), judged.eventType(), EventJson.write(judged), eventId);
    }

    private HttpResponse<String> importCsv(String csv) {
        return send(request(FACILITIES + "/import").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)), ANALYST);
    }
}
