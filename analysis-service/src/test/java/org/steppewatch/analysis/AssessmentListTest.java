package org.steppewatch.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.IncidentReported;
import org.steppewatch.contracts.IncidentRevised;

import tools.jackson.databind.JsonNode;

/** The assessments list: every incident version's assessment, newest first, as JSON, CSV and GeoJSON. */
class AssessmentListTest extends AnalysisServiceTestBase {

    @Test
    void anIncidentsAssessmentsAreListedNewestFirstAndDownloadAsCsvAndGeoJson() throws Exception {
        String id = newIncidentId();
        Instant at = Instant.now().minus(Duration.ofDays(10));
        send(cloudEvent(null, new IncidentReported(id, 1, at, protonM(at))));
        // the revision releases nothing: no zone is drawn, its geometry is the incident's location
        IncidentFacts revised = new IncidentFacts("Stage fragment found", IncidentCategory.STAGE_IMPACT, at,
                Geo.point(66.775, 47.3333), null, "Proton-M", null, List.of(), List.of(), null, null);
        send(cloudEvent(null, new IncidentRevised(id, 2, at.plusSeconds(60), revised)));
        await().atMost(DEADLINE).until(() -> page(id).path("total").asLong() == 2);

        JsonNode page = page(id);
        assertThat(page.path("items").size()).isEqualTo(2);
        JsonNode newest = page.path("items").get(0);
        JsonNode first = page.path("items").get(1);
        assertThat(newest.path("incidentVersion").asLong()).isEqualTo(2);
        assertThat(newest.path("hazardZones").asInt()).isZero();
        assertThat(first.path("incidentVersion").asLong()).isEqualTo(1);
        assertThat(first.path("assessmentId").asString()).isEqualTo(id + ":1");
        assertThat(first.path("hazardZones").asInt()).isPositive();
        assertThat(first.path("category").asString()).isEqualTo("LAUNCH_FAILURE");
        assertThat(first.has("reportedBy")).isFalse();
        assertThat(first.has("area")).isFalse();

        HttpResponse<String> csv = get("/api/v1/assessments?incidentId=" + id, "text/csv");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get("assessmentId")).isEqualTo(id + ":1");
        assertThat(rows.get(1).get("severity")).isEqualTo(first.path("severity").asString());
        assertThat(rows.get(1).get("hazardZones")).isEqualTo(first.path("hazardZones").asString());
        assertThat(Double.parseDouble(rows.get(1).get("longitude"))).isEqualTo(63.0);
        assertThat(rows.get(0).get("licence")).isEqualTo("CC BY 4.0");

        HttpResponse<String> geo = get("/api/v1/assessments?incidentId=" + id, "application/geo+json");
        assertThat(geo.statusCode()).as(geo.body()).isEqualTo(200);
        JsonNode features = EventJson.mapper().readTree(geo.body()).path("features");
        assertThat(features.size()).isEqualTo(2);
        JsonNode point = features.get(0).path("geometry");
        assertThat(point.path("type").asString()).isEqualTo("Point");
        assertThat(point.path("coordinates").get(0).asDouble()).isCloseTo(66.775, offset(1e-9));
        assertThat(features.get(1).path("geometry").path("type").asString()).isIn("Polygon", "MultiPolygon");
    }

    @Test
    void aPageSizeOutOfRangeIsA400Problem() throws Exception {
        HttpResponse<String> response = get("/api/v1/assessments?size=0");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("size");
    }

    private JsonNode page(String incidentId) throws Exception {
        return EventJson.mapper().readTree(get("/api/v1/assessments?incidentId=" + incidentId).body());
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
