package org.steppewatch.incident.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.incident.ServiceTestBase;

import tools.jackson.databind.JsonNode;

/** The incidents list as open data: the same incidents as the JSON page, as CSV and as GeoJSON, with the licence. */
class IncidentOpenDataTest extends ServiceTestBase {

    private static final String INCIDENTS = "/api/v1/incidents";
    private static final String FORMULA_TITLE = "=HYPERLINK(\"http://evil.example\",\"click\"), a title";

    /** A spot of steppe of our own, so other tests' incidents stay outside the bounding box. */
    private double lon;
    private double lat;
    private String bbox;
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void reportThreeIncidentsInOneSpot() {
        lon = 50 + ThreadLocalRandom.current().nextDouble(30);
        lat = 41 + ThreadLocalRandom.current().nextDouble(13);
        bbox = String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", lon - 0.001, lat - 0.001, lon + 0.001, lat + 0.001);
        ids.add(report("Spill " + UUID.randomUUID()));
        ids.add(report(FORMULA_TITLE));
        ids.add(report("Stage impact " + UUID.randomUUID()));
    }

    private String report(String title) {
        String json = ProtonM2013.json(title.replace("\"", "\\\""))
                .replace("[63.00, 46.05]", String.format(Locale.ROOT, "[%.6f, %.6f]", lon, lat));
        HttpResponse<String> created = post(INCIDENTS, json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asString();
    }

    @Test
    void theListAsCsvHasARowPerIncidentWithTheLicence() throws IOException {
        HttpResponse<String> response = send(request(INCIDENTS + "?bbox=" + bbox).header("Accept", "text/csv").GET(), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).matches("attachment; filename=\"incidents-\\d{4}-\\d{2}-\\d{2}\\.csv\""));
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.body())).getRecords();
        assertThat(records).hasSize(3);
        assertThat(records.get(0).getParser().getHeaderNames()).startsWith("id", "version", "status", "title", "category",
                "occurredAt", "longitude", "latitude").endsWith("licence", "attribution");
        assertThat(records).extracting(r -> r.get("id")).containsExactlyInAnyOrderElementsOf(ids);
        CSVRecord formula = records.stream().filter(r -> r.get("id").equals(ids.get(1))).findFirst().orElseThrow();
        assertThat(formula.get("title")).isEqualTo("'" + FORMULA_TITLE);
        assertThat(formula.get("category")).isEqualTo("LAUNCH_FAILURE");
        assertThat(formula.get("occurredAt")).isEqualTo("2013-07-02T02:38:22Z");
        assertThat(Double.parseDouble(formula.get("longitude"))).isCloseTo(lon, offset(1e-6));
        assertThat(formula.get("substances")).isEqualTo("UDMH");
        assertThat(formula.get("releasedKg")).isEqualTo("172000");
        assertThat(formula.get("samples")).isEqualTo("1");
        assertThat(formula.get("licence")).isEqualTo("CC BY 4.0");
        assertThat(formula.get("attribution")).isEqualTo("Steppe Watch contributors");
    }

    @Test
    void theListAsGeoJsonHasAPointFeaturePerIncident() {
        HttpResponse<String> response = send(request(INCIDENTS + "?bbox=" + bbox)
                .header("Accept", "application/geo+json").GET(), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/geo+json");
        JsonNode collection = json(response);
        assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.path("licence").asString()).isEqualTo("CC BY 4.0");
        assertThat(collection.path("attribution").get(0).asString()).isEqualTo("Steppe Watch contributors");
        assertThat(collection.path("source").asString()).endsWith(INCIDENTS + "?bbox=" + bbox);
        JsonNode features = collection.path("features");
        assertThat(features.size()).isEqualTo(3);
        List<String> featureIds = new ArrayList<>();
        features.forEach(f -> {
            assertThat(f.path("geometry").path("type").asString()).isEqualTo("Point");
            assertThat(f.path("geometry").path("coordinates").get(0).asDouble()).isCloseTo(lon, offset(1e-6));
            assertThat(f.path("geometry").path("coordinates").get(1).asDouble()).isCloseTo(lat, offset(1e-6));
            assertThat(f.path("properties").path("releasedKg").asDouble()).isEqualTo(172000.0);
            featureIds.add(f.path("properties").path("id").asString());
        });
        assertThat(featureIds).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void jsonIsStillTheDefaultWithTheSameShape() {
        JsonNode page = json(get(INCIDENTS + "?bbox=" + bbox));

        assertThat(page.propertyNames()).containsExactlyInAnyOrder("items", "page", "size", "total");
        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(page.path("items").get(0).has("columns")).isFalse();
    }
}
