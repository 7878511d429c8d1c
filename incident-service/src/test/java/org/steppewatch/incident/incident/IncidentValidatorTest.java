package org.steppewatch.incident.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.web.FieldProblem;

class IncidentValidatorTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static IncidentRequest request(String json) {
        return EventJson.mapper().readValue(json, IncidentRequest.class);
    }

    private static List<FieldProblem> problems(String json) {
        return IncidentValidator.problems(request(json), NOW);
    }

    @Test
    void theProtonCrashIsValidAndYieldsItsFacts() {
        IncidentRequest request = request(ProtonM2013.json("Proton-M launch failure"));

        assertThat(IncidentValidator.problems(request, NOW)).isEmpty();
        assertThat(IncidentValidator.toFacts(request)).isEqualTo(ProtonM2013.facts("Proton-M launch failure"));
    }

    @Test
    void aLatitudeBeyondThePoleIsReportedOnTheCoordinates() {
        assertThat(problems(ProtonM2013.json("t").replace("[63.00, 46.05]", "[63.00, 95]")))
                .containsExactly(new FieldProblem("location.coordinates", "latitude 95.0 is outside -90..90"));
    }

    @Test
    void aLocationThatIsNotAPointIsRefused() {
        String json = ProtonM2013.json("t").replace("{\"type\": \"Point\", \"coordinates\": [63.00, 46.05]}",
                ProtonM2013.FOOTPRINT);
        assertThat(problems(json)).containsExactly(
                new FieldProblem("location.type", "must be a GeoJSON Point, was Polygon"));
    }

    @Test
    void aSelfIntersectingFootprintIsNamedAsSuch() {
        String bowTie = "{\"type\": \"Polygon\", \"coordinates\": [[[62,46],[63,47],[63,46],[62,47],[62,46]]]}";
        List<FieldProblem> problems = problems(ProtonM2013.json("t").replace(ProtonM2013.FOOTPRINT, bowTie));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("footprint");
            assertThat(p.message()).startsWith("is not a valid Polygon: Self-intersection at [62.5, 46.5]");
        });
    }

    @Test
    void anUnknownSubstanceListsTheKnownCodes() {
        List<FieldProblem> problems = problems(ProtonM2013.json("t")
                .replace("{\"substance\": \"UDMH\", \"massKg\": 172000}", "{\"substance\": \"HEPTYL-X\", \"massKg\": 1}"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("releases[0].substance");
            assertThat(p.message()).startsWith("unknown substance 'HEPTYL-X'; known codes: UDMH, N2O4,")
                    .contains("CS137");
        });
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String json = """
                {"title": " ", "category": "METEOR", "occurredAt": "2999-01-01T00:00:00Z",
                 "releases": [{"substance": "UDMH", "massKg": 0}, {"substance": "N2O4"}],
                 "samples": [{"substance": "HG", "medium": "LAVA", "value": -1, "unit": " "}],
                 "weather": {"windFromDeg": 400, "windSpeedMs": 61, "stability": "G"},
                 "description": "%s"}""".formatted("x".repeat(20_001));

        assertThat(problems(json)).extracting(FieldProblem::field).containsExactly(
                "title", "category", "occurredAt", "location", "description",
                "releases[0].massKg", "releases[1].massKg",
                "samples[0].medium", "samples[0].value", "samples[0].unit",
                "weather.windFromDeg", "weather.windSpeedMs", "weather.stability");
    }

    @Test
    void anOccurrenceUpToAnHourAheadIsToleratedButNotMore() {
        String base = ProtonM2013.json("t");
        assertThat(problems(base.replace("2013-07-02T02:38:22Z", "2025-06-01T12:59:00Z"))).isEmpty();
        assertThat(problems(base.replace("2013-07-02T02:38:22Z", "2025-06-01T13:01:00Z")))
                .extracting(FieldProblem::field).containsExactly("occurredAt");
    }

    @Test
    void aTitleOverTwoHundredCharactersIsRefused() {
        assertThat(problems(ProtonM2013.json("x".repeat(201))))
                .containsExactly(new FieldProblem("title", "must be at most 200 characters"));
        assertThat(problems(ProtonM2013.json("x".repeat(200)))).isEmpty();
    }

    @Test
    void codesAreNormalisedToUpperCase() {
        String json = ProtonM2013.json("t").replace("\"UDMH\", \"massKg\"", "\"udmh\", \"massKg\"")
                .replace("\"SOIL\"", "\"soil\"").replace("\"stability\": \"D\"", "\"stability\": \"d\"")
                .replace("LAUNCH_FAILURE", "launch_failure");
        IncidentRequest request = request(json);

        assertThat(IncidentValidator.problems(request, NOW)).isEmpty();
        assertThat(IncidentValidator.toFacts(request)).isEqualTo(ProtonM2013.facts("t"));
    }

    @Test
    void aRetractionNeedsAReason() {
        assertThat(IncidentValidator.retractionProblems(new RetractionRequest("  ")))
                .containsExactly(new FieldProblem("reason", "is required"));
        assertThat(IncidentValidator.retractionProblems(new RetractionRequest("duplicate of another report"))).isEmpty();
    }
}
