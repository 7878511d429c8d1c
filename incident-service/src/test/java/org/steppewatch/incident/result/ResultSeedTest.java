package org.steppewatch.incident.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.Topics;
import org.steppewatch.incident.KafkaPeer;
import org.steppewatch.incident.ServiceTestBase;

import tools.jackson.databind.JsonNode;

/**
 * The 85 published values of kz_sample_results.csv are results entered by "seed", as published, each announced
 * once as ResultRecorded; seeding again (a restart) stores and announces nothing. Expected values are the file's.
 */
class ResultSeedTest extends ServiceTestBase {

    @Autowired
    ResultSeed seed;

    private long seeded() {
        return mongo.count(query(where("_id").regex("^seed-")), ResultStore.COLLECTION);
    }

    /** Row 1: Nura sediment Hg 150 to 240 mg/kg, typical_average_range, Heaven et al. 2000 part I, no year. */
    @Test
    void thePublishedValuesAreSeededAsPublished() {
        JsonNode first = json(get("/api/v1/results/seed-1"));

        assertThat(first.path("siteId").asString()).isEqualTo("KZ-HG-NURA");
        assertThat(first.path("substance").asString()).isEqualTo("HG");
        assertThat(first.path("medium").asString()).isEqualTo("sediment");
        assertThat(first.path("value").asDouble()).isEqualTo(150.0);
        assertThat(first.path("valueMax").asDouble()).isEqualTo(240.0);
        assertThat(first.path("unit").asString()).isEqualTo("mg/kg");
        assertThat(first.path("statistic").asString()).isEqualTo("TYPICAL_AVERAGE_RANGE");
        assertThat(first.path("source").asString()).isEqualTo("SRC_HEAVEN2000A");
        assertThat(first.path("sourceStatus").asString()).isEqualTo("primary_abstract");
        assertThat(first.path("enteredBy").asString()).isEqualTo("seed");
        assertThat(first.path("sampledFrom").isNull()).isTrue();
        assertThat(first.path("location").path("coordinates").get(1).asDouble()).isEqualTo(50.05197);
        // row 2 is an inventory in tonnes: kept as published, not a concentration
        assertThat(json(get("/api/v1/results/seed-2")).path("unit").asString()).isEqualTo("t");
        assertThat(seeded()).isEqualTo(85);
    }

    /** Row 25 (line 26 of the file): Temirtau soil Cr up to 348 × MPC, sampled in 2024, 25 samples. */
    @Test
    void aSamplingYearIsItsFirstAndLastDayAndTheSampleCountIsKept() {
        JsonNode row = json(get("/api/v1/results/seed-25"));

        assertThat(row.path("substance").asString()).isEqualTo("CR");
        assertThat(row.path("value").asDouble()).isEqualTo(348.0);
        assertThat(row.path("unit").asString()).isEqualTo("x_MPC");
        assertThat(row.path("sampledFrom").asString()).isEqualTo("2024-01-01");
        assertThat(row.path("sampledTo").asString()).isEqualTo("2024-12-31");
        assertThat(row.path("sampleCount").asInt()).isEqualTo(25);
    }

    @Test
    void aYearRangeCoversItsYears() {
        assertThat(ResultSeed.years("2010-2018")).containsExactly(LocalDate.of(2010, 1, 1),
                LocalDate.of(2018, 12, 31));
        assertThat(ResultSeed.years(null)).containsExactly(null, null);
    }

    @Test
    void seedingAgainStoresAndAnnouncesNothing() {
        // every seeded event published by now (the relay empties each document's outbox)
        await().atMost(Duration.ofSeconds(60)).until(this::waiting, n -> n == 0);

        seed.seed();

        assertThat(seeded()).isEqualTo(85);
        assertThat(waiting()).as("events queued by the second seeding").isZero();
        try (KafkaPeer kafka = new KafkaPeer(Topics.CONTAMINATION)) {
            kafka.awaitRecord("KZ-HG-NURA", r -> EventTypes.RESULT_RECORDED.equals(KafkaPeer.header(r, EventHeaders.TYPE))
                    && r.value().contains("\"seed-1\""));
            assertThat(kafka.receivedFor("KZ-HG-NURA").stream().filter(r -> r.value().contains("\"seed-1\"")).count())
                    .isOne();
        }
    }

    private long waiting() {
        return mongo.count(query(where("_id").regex("^seed-").and("outbox.0").exists(true)), ResultStore.COLLECTION);
    }
}
