package org.steppewatch.incident.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.FacilityReported;
import org.steppewatch.contracts.Topics;
import org.steppewatch.incident.KafkaPeer;
import org.steppewatch.incident.ServiceTestBase;

import tools.jackson.databind.JsonNode;

/**
 * The register starts with EXAMPLE facilities so the public map is not empty: labelled as examples in every answer
 * and event, named for what they are (not for a real operator), at real industrial towns, seeded once.
 */
class ExampleFacilitiesTest extends ServiceTestBase {

    private static final String SOURCE = "Illustrative figures made up for the demonstration; not a real report";
    /** E-PRTR Annex II thresholds, kg/year, as limit_values.csv lists them (EU_EPRTR_THRESHOLD rows). */
    private static final Map<String, Double> THRESHOLDS = Map.of("HG/air", 10.0, "HG/water", 1.0, "HG/land", 1.0,
            "PB/air", 200.0, "PB/water", 20.0, "ZN/air", 200.0, "ZN/water", 100.0);

    @Autowired
    private ExampleFacilities seed;

    @Test
    void theExamplesAreLabelledAsSuchAndPlacedAtIndustrialTowns() {
        List<JsonNode> examples = examples();

        assertThat(examples).hasSize(7);
        assertThat(examples).allSatisfy(f -> {
            assertThat(f.path("example").asBoolean()).isTrue();
            assertThat(f.path("name").asString()).startsWith("Example: ");
            assertThat(f.path("operator").asString()).isEqualTo("Example operator (illustrative)");
            assertThat(f.path("source").asString()).isEqualTo(SOURCE);
        });
        // GeoNames cities5000: Temirtau 50.05197 N 72.95497 E, Balqash 46.84546 N 74.98213 E
        assertThat(coordinates("fac-example-steelworks-temirtau")).containsExactly(72.95497, 50.05197);
        assertThat(coordinates("fac-example-copper-smelter-balkhash")).containsExactly(74.98213, 46.84546);
    }

    @Test
    void theExamplesHoldReleasesAboveAndBelowTheThresholdsOverSeveralYears() {
        List<Double> factors = examples().stream()
                .flatMap(f -> f.path("releases").valueStream())
                .filter(r -> THRESHOLDS.containsKey(r.path("pollutant").asString() + "/" + r.path("medium").asString()))
                .map(r -> r.path("amountKg").asDouble()
                        / THRESHOLDS.get(r.path("pollutant").asString() + "/" + r.path("medium").asString()))
                .toList();

        assertThat(factors).anyMatch(f -> f > 1).anyMatch(f -> f < 1);
        assertThat(examples().stream().flatMap(f -> f.path("releases").valueStream())
                .map(r -> r.path("year").asInt()).distinct()).contains(2022, 2023, 2024);
    }

    @Test
    void eachExampleIsAnnouncedAsAnExampleForAnalysisToJudge() {
        try (KafkaPeer kafka = new KafkaPeer(Topics.CONTAMINATION)) {
            FacilityReported reported = EventJson.readContamination(
                    kafka.awaitRecord("fac-example-power-station-ekibastuz", EventTypes.FACILITY_REPORTED).value(),
                    FacilityReported.class);

            assertThat(reported.example()).isTrue();
            assertThat(reported.version()).isEqualTo(1);
            assertThat(reported.releases()).hasSize(4);
        }
    }

    @Test
    void seedingAgainAddsAndChangesNothing() {
        long before = mongo.count(query(where("_id").regex("^fac-example-")), FacilityDocuments.COLLECTION);

        seed.seed();

        assertThat(mongo.count(query(where("_id").regex("^fac-example-")), FacilityDocuments.COLLECTION))
                .isEqualTo(before).isEqualTo(7);
        assertThat(examples()).allSatisfy(f -> assertThat(f.path("version").asLong()).isEqualTo(1));
    }

    private List<JsonNode> examples() {
        return json(get("/api/v1/facilities?size=500")).path("items").valueStream()
                .filter(f -> f.path("id").asString().startsWith("fac-example-"))
                .toList();
    }

    private List<Double> coordinates(String id) {
        return json(get("/api/v1/facilities/" + id)).path("location").path("coordinates").valueStream()
                .map(JsonNode::asDouble).toList();
    }
}
