package org.steppewatch.incident.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.IncidentFacts;
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
    void anOccurrenceUpToFiveMinutesAheadIsToleratedButNotMore() {
        String base = ProtonM2013.json("t");
        assertThat(problems(base.replace("2013-07-02T02:38:22Z", "2025-06-01T12:05:00Z"))).isEmpty();
        assertThat(problems(base.replace("2013-07-02T02:38:22Z", "2025-06-01T12:05:01Z")))
                .extracting(FieldProblem::field).containsExactly("occurredAt");
    }

    @Test
    void aSampleTakenInTheFutureIsRefused() {
        assertThat(problems(ProtonM2013.json("t").replace("2013-07-03T10:00:00Z", "2025-06-01T12:06:00Z")))
                .extracting(FieldProblem::field).containsExactly("samples[0].sampledAt");
    }

    @Test
    void aReleaseOverTenThousandTonnesIsRefusedButTenThousandIsAccepted() {
        String base = ProtonM2013.json("t");
        assertThat(problems(base.replace("\"massKg\": 172000", "\"massKg\": 10000000"))).isEmpty();
        assertThat(problems(base.replace("\"massKg\": 172000", "\"massKg\": 10000001"))).singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("releases[0].massKg");
                    assertThat(p.message()).startsWith("must be at most 10,000 t");
                });
        assertThat(problems(base.replace("\"massKg\": 172000", "\"massKg\": 1e308")))
                .extracting(FieldProblem::field).containsExactly("releases[0].massKg");
    }

    @Test
    void aWindOverSixtyMetresPerSecondIsRefused() {
        String base = ProtonM2013.json("t");
        assertThat(problems(base.replace("\"windSpeedMs\": 3.0", "\"windSpeedMs\": 60"))).isEmpty();
        assertThat(problems(base.replace("\"windSpeedMs\": 3.0", "\"windSpeedMs\": 60.5")))
                .containsExactly(new FieldProblem("weather.windSpeedMs", "must be between 0 and 60 m/s, was 60.5"));
    }

    @Test
    void unitsThatCannotApplyToTheSubstanceOrMediumAreRefused() {
        assertThat(unitProblem("UDMH", "SOIL", "Bq/kg")).startsWith("'Bq/kg' measures activity per mass, but UDMH is a chemical");
        assertThat(unitProblem("UDMH", "SOIL", "mg/L"))
                .startsWith("'mg/L' measures mass per volume, which does not apply to SOIL");
        assertThat(unitProblem("CS137", "SOIL", "mg/kg")).startsWith("'mg/kg' measures mass per mass, but CS137 is a radionuclide");
        assertThat(unitProblem("UDMH", "WATER", "ppm")).contains("does not apply to WATER");
        assertThat(unitProblem("UDMH", "SOIL", "furlongs"))
                .isEqualTo("unknown unit 'furlongs'; for UDMH in SOIL one of g/kg, mg/g, mg/kg, µg/g, µg/kg, ng/g, ng/kg");
        assertThat(unitProblem("UDMH", "SOIL", "Bq/kg")).endsWith("; for UDMH in SOIL one of g/kg, mg/g, mg/kg, µg/g, µg/kg, ng/g, ng/kg");
        assertThat(unitProblem("CS137", "MILK", "mg/L")).endsWith(
                "; for CS137 in MILK one of mBq/kg, Bq/kg, kBq/kg, MBq/kg, Bq/g, mBq/L, Bq/L, kBq/L, µBq/m³, mBq/m³, Bq/m³");
    }

    @Test
    void unitSymbolsAreCaseSensitive() {
        // MG/KG is not mg/kg (M is mega, G no SI unit): refused, naming the unit meant
        assertThat(unitProblem("UDMH", "SOIL", "MG/KG"))
                .startsWith("unknown unit 'MG/KG' (unit symbols are case-sensitive: did you mean 'mg/kg'?); for UDMH in SOIL one of");
        // milli and mega differ only in case and are both accepted, each as itself
        assertThat(unitProblem("CS137", "MILK", "mBq/kg")).isNull();
        assertThat(unitProblem("CS137", "MILK", "MBq/kg")).isNull();
        assertThat(unitProblem("CS137", "MILK", "mbq/kg")).startsWith("unknown unit 'mbq/kg'; for CS137 in MILK");
    }

    @Test
    void unitsThatFitAreAcceptedInAnyUsualSpelling() {
        assertThat(unitProblem("UDMH", "SOIL", "mg/kg")).isNull();
        assertThat(unitProblem("UDMH", "WATER", "ug/l")).isNull();
        assertThat(unitProblem("NO2", "AIR", "mg/m3")).isNull();
        assertThat(unitProblem("NO2", "AIR", "ppb")).isNull();
        assertThat(unitProblem("CS137", "SOIL", "kBq/m²")).isNull();
        assertThat(unitProblem("SR90", "MILK", "Bq/L")).isNull();
        assertThat(unitProblem("HG", "FOOD", "μg/kg")).isNull();
    }

    private static String unitProblem(String substance, String medium, String unit) {
        String json = ProtonM2013.json("t").replace("\"substance\": \"UDMH\", \"medium\": \"SOIL\"",
                "\"substance\": \"" + substance + "\", \"medium\": \"" + medium + "\"")
                .replace("\"unit\": \"mg/kg\"", "\"unit\": \"" + unit + "\"");
        List<FieldProblem> problems = problems(json);
        assertThat(problems).allSatisfy(p -> assertThat(p.field()).isEqualTo("samples[0].unit"));
        return problems.isEmpty() ? null : problems.get(0).message();
    }

    @Test
    void controlCharactersAreRefusedAndNamesStayOnOneLine() {
        String base = ProtonM2013.json("t");
        assertThat(problems(ProtonM2013.json("Proton\u202Efdp")))
                .containsExactly(new FieldProblem("title", "contains the control character U+202E at position 6"));
        assertThat(problems(ProtonM2013.json("Proton\\nBcc")))
                .containsExactly(new FieldProblem("title", "must be one line: contains a line break at position 6"));
        assertThat(problems(base.replace("\"vehicle\": \"Proton-M\"", "\"vehicle\": \"Proton\\u0000M\"")))
                .extracting(FieldProblem::field).containsExactly("vehicle");
        assertThat(problems(base.replace("\"unit\": \"mg/kg\"", "\"unit\": \"mg/kg\\u0085\"")))
                .containsExactly(new FieldProblem("samples[0].unit", "contains the control character U+0085 at position 5"));
        assertThat(IncidentValidator.retractionProblems(new RetractionRequest("duplicate\nof another\u0007")))
                .containsExactly(new FieldProblem("reason", "contains the control character U+0007 at position 20"));
        assertThat(IncidentValidator.retractionProblems(new RetractionRequest("line one\nline two"))).isEmpty();
    }

    @Test
    void tooManyReleasesOrSamplesAreRefusedAsAList() {
        String release = "{\"substance\": \"UDMH\", \"massKg\": 1}";
        String releases = String.join(", ", java.util.Collections.nCopies(51, release));
        assertThat(problems(ProtonM2013.json("t").replace("{\"substance\": \"UDMH\", \"massKg\": 172000}", releases)))
                .containsExactly(new FieldProblem("releases", "has 51 entries; at most 50"));
    }

    @Test
    void aFootprintOverTenThousandVerticesIsRefusedBeforeItsValidityIsChecked() {
        StringBuilder ring = new StringBuilder();
        int n = 10_001;
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * i / n;
            ring.append('[').append(63 + 0.1 * Math.cos(angle)).append(", ").append(46 + 0.1 * Math.sin(angle)).append("], ");
        }
        ring.append("[63.1, 46.0]");
        String footprint = "{\"type\": \"Polygon\", \"coordinates\": [[" + ring + "]]}";
        // 10,001 distinct points and the closing one
        assertThat(problems(ProtonM2013.json("t").replace(ProtonM2013.FOOTPRINT, footprint)))
                .containsExactly(new FieldProblem("footprint", "has 10002 vertices; at most 10000 are accepted"));
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

    /** The 2013 request with its sample replaced by {@code sample} (a JSON object's fields). */
    private static String withSample(String sample) {
        return ProtonM2013.json("t").replace("\"value\": 123, \"unit\": \"mg/kg\"", sample);
    }

    @Test
    void aNonDetectNeedsADetectionLimitAboveZeroAndNoValue() {
        assertThat(problems(withSample("\"detected\": false, \"detectionLimit\": 0.01, \"unit\": \"mg/kg\""))).isEmpty();
        assertThat(problems(withSample("\"detected\": false, \"value\": null, \"detectionLimit\": 0.01, \"unit\": \"mg/kg\"")))
                .isEmpty();
        assertThat(problems(withSample("\"detected\": false, \"unit\": \"mg/kg\"")))
                .containsExactly(new FieldProblem("samples[0].detectionLimit", "is required for a non-detect (detected false)"));
        assertThat(problems(withSample("\"detected\": false, \"detectionLimit\": 0, \"unit\": \"mg/kg\"")))
                .containsExactly(new FieldProblem("samples[0].detectionLimit", "must be a finite number > 0, was 0.0"));
        assertThat(problems(withSample("\"detected\": false, \"value\": 0, \"detectionLimit\": 0.01, \"unit\": \"mg/kg\"")))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("samples[0].value");
                    assertThat(p.message()).startsWith("must be absent or null for a non-detect (detected false)");
                });
    }

    @Test
    void aDetectedSampleNeedsAValueAndTheUnitCheckAppliesToTheDetectionLimit() {
        assertThat(problems(withSample("\"detected\": true, \"unit\": \"mg/kg\""))).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("samples[0].value");
            assertThat(p.message()).startsWith("is required (for a result below the detection limit, give detected false");
        });
        assertThat(problems(withSample("\"detected\": false, \"detectionLimit\": 5, \"unit\": \"Bq/kg\"")))
                .extracting(FieldProblem::field).containsExactly("samples[0].unit");
    }

    @Test
    void aScenarioIsOneOfFireSpillOrUnknownInUpperCase() {
        String base = ProtonM2013.json("t");
        for (String scenario : List.of("FIRE", "SPILL", "UNKNOWN")) {
            assertThat(problems(base.replace("\"massKg\": 172000", "\"massKg\": 172000, \"scenario\": \"" + scenario + "\"")))
                    .as(scenario).isEmpty();
        }
        assertThat(problems(base.replace("\"massKg\": 172000", "\"massKg\": 172000, \"scenario\": \"fire\"")))
                .containsExactly(new FieldProblem("releases[0].scenario", "must be one of FIRE, SPILL, UNKNOWN (upper case), was 'fire'"));
        assertThat(problems(base.replace("\"massKg\": 172000", "\"massKg\": 172000, \"scenario\": \"EXPLOSION\"")))
                .extracting(FieldProblem::field).containsExactly("releases[0].scenario");
    }

    @Test
    void cloudCoverIsAWholeNumberOfOktasAndTheDirectionSpreadAtMostHalfACircle() {
        String base = ProtonM2013.json("t");
        String weather = "\"stability\": \"D\"";
        assertThat(problems(base.replace(weather, weather + ", \"cloudCoverOktas\": 8, \"windDirectionSigmaDeg\": 180"))).isEmpty();
        assertThat(problems(base.replace(weather, weather + ", \"cloudCoverOktas\": 0, \"windDirectionSigmaDeg\": 0"))).isEmpty();
        assertThat(problems(base.replace(weather, weather + ", \"cloudCoverOktas\": 9")))
                .containsExactly(new FieldProblem("weather.cloudCoverOktas", "must be a whole number of eighths of the sky, 0 to 8, was 9.0"));
        assertThat(problems(base.replace(weather, weather + ", \"cloudCoverOktas\": 2.5")))
                .extracting(FieldProblem::field).containsExactly("weather.cloudCoverOktas");
        assertThat(problems(base.replace(weather, weather + ", \"cloudCoverOktas\": -1")))
                .extracting(FieldProblem::field).containsExactly("weather.cloudCoverOktas");
        assertThat(problems(base.replace(weather, weather + ", \"windDirectionSigmaDeg\": 180.5")))
                .containsExactly(new FieldProblem("weather.windDirectionSigmaDeg", "must be between 0 and 180 degrees, was 180.5"));
    }

    @Test
    void theNewFieldsReachTheFacts() {
        String json = withSample("\"detected\": false, \"detectionLimit\": 0.01, \"unit\": \"mg/kg\"")
                .replace("\"massKg\": 172000", "\"massKg\": 172000, \"scenario\": \"FIRE\"")
                .replace("\"stability\": \"D\"", "\"stability\": \"D\", \"cloudCoverOktas\": 3, \"windDirectionSigmaDeg\": 20");

        IncidentFacts facts = IncidentValidator.toFacts(request(json));

        assertThat(facts.releases().get(0).scenario()).isEqualTo("FIRE");
        assertThat(facts.samples().get(0)).satisfies(sample -> {
            assertThat(sample.isDetected()).isFalse();
            assertThat(sample.value()).isNull();
            assertThat(sample.detectionLimit()).isEqualTo(0.01);
        });
        assertThat(facts.weather().cloudCoverOktas()).isEqualTo(3);
        assertThat(facts.weather().windDirectionSigmaDeg()).isEqualTo(20.0);
    }

    @Test
    void aRetractionNeedsAReason() {
        assertThat(IncidentValidator.retractionProblems(new RetractionRequest("  ")))
                .containsExactly(new FieldProblem("reason", "is required"));
        assertThat(IncidentValidator.retractionProblems(new RetractionRequest("duplicate of another report"))).isEmpty();
    }
}
