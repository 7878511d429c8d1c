package org.steppewatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;

class EventJsonTest {

    @Test
    void incidentReportedRoundTripsWithGeoJsonGeometries() {
        IncidentFacts facts = new IncidentFacts("Proton-M launch failure", IncidentCategory.LAUNCH_FAILURE,
                Instant.parse("2013-07-02T02:38:22Z"), Geo.point(63.00, 46.05), null, "Proton-M",
                "Baikonur Site 81/24", List.of(new IncidentFacts.Release("UDMH", 172_000)), List.of(),
                new IncidentFacts.Weather(225.0, 3.0, "D"), null);
        IncidentReported event = new IncidentReported("inc-1", 1, Instant.parse("2026-11-21T10:00:00Z"), facts);

        String json = EventJson.write(event);
        JsonNode tree = EventJson.mapper().readTree(json);

        assertThat(tree.at("/facts/location/type").asString()).isEqualTo("Point");
        assertThat(tree.at("/facts/location/coordinates/0").asDouble()).isEqualTo(63.0);
        assertThat(tree.at("/facts/occurredAt").asString()).isEqualTo("2013-07-02T02:38:22Z");
        assertThat(tree.has("eventType")).as("derived accessors are not part of the payload").isFalse();
        assertThat(EventJson.read(json, IncidentReported.class)).isEqualTo(event);
    }

    @Test
    void aSamplesDetectedFlagIsWrittenAsGivenNotDerived() {
        IncidentFacts.Sample detected = new IncidentFacts.Sample("UDMH", "SOIL", 123, "mg/kg", null, null);
        IncidentFacts.Sample nonDetect = new IncidentFacts.Sample("NDMA", "WATER", null, "mg/L", null, null, false, 0.005);

        JsonNode written = EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(List.of(detected, nonDetect)));

        assertThat(written.get(0).get("detected").isNull()).isTrue();
        assertThat(written.get(1).get("detected").asBoolean(true)).isFalse();
        assertThat(written.get(1).get("value").isNull()).isTrue();
        assertThat(EventJson.mapper().readValue(EventJson.mapper().writeValueAsString(nonDetect), IncidentFacts.Sample.class))
                .isEqualTo(nonDetect);
    }

    @Test
    void severityUsesCapVocabulary() {
        assertThat(EventJson.mapper().writeValueAsString(Severity.EXTREME)).isEqualTo("\"Extreme\"");
        assertThat(Severity.SEVERE.atLeast(Severity.MODERATE)).isTrue();
        assertThat(Severity.MINOR.atLeast(Severity.MODERATE)).isFalse();
    }

    @Test
    void malformedGeometryIsAMappingError() {
        String json = "{\"incidentId\":\"x\",\"version\":1,\"facts\":{\"location\":{\"type\":\"Point\",\"coordinates\":\"nope\"}}}";
        assertThatThrownBy(() -> EventJson.read(json, IncidentReported.class))
                .isInstanceOf(DatabindException.class)
                .hasMessageContaining("GeoJSON");
    }

    @Test
    void selfIntersectingPolygonIsReported() {
        var bowTie = GeoJsonModule.read(
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}");
        assertThat(GeometryChecks.problems(bowTie, Set.of("Polygon")))
                .singleElement().asString().contains("Self-intersection");
    }

    @Test
    void coordinatesOutsideWgs84AreReported() {
        assertThat(GeometryChecks.problems(Geo.point(63, 95), Set.of("Point")))
                .containsExactly("latitude 95.0 is outside -90..90");
        assertThat(GeometryChecks.problems(Geo.point(63, 46), Set.of("Polygon")))
                .singleElement().asString().startsWith("must be a GeoJSON Polygon");
    }
}
