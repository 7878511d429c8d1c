package org.steppewatch.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.steppewatch.contracts.Severity;
import org.steppewatch.notification.IntegrationTest;

import tools.jackson.databind.JsonNode;

/** The alerts list as open data: a row per alert, its hazard zone as the geometry, the licence in the file. */
class AlertOpenDataTest extends IntegrationTest {

    @Test
    void theAlertsListDownloadsAsCsvAndAsGeoJsonWithTheZone() throws Exception {
        String incident = newIncidentId();
        Geometry zone = zoneAroundBaikonur();
        publish(assessment(incident, 1, Severity.EXTREME, zone));
        String alertId = alertIdOf(incident);

        HttpResponse<String> csv = send(HttpRequest.newBuilder(uri("/api/v1/alerts?incidentId=" + incident))
                .header("Accept", "text/csv").GET());
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment; filename=\"alerts-"));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertThat(rows).hasSize(1);
        CSVRecord row = rows.get(0);
        assertThat(row.get("id")).isEqualTo(alertId);
        assertThat(row.get("incidentId")).isEqualTo(incident);
        assertThat(row.get("msgType")).isEqualTo("Alert");
        assertThat(row.get("severity")).isEqualTo("Extreme");
        assertThat(row.get("settlementIds")).isEqualTo(BAIKONUR);
        assertThat(row.get("hazardZones")).isEqualTo("1");
        assertThat(row.get("licence")).isEqualTo("CC BY 4.0");

        HttpResponse<String> geo = send(HttpRequest.newBuilder(uri("/api/v1/alerts?incidentId=" + incident))
                .header("Accept", "application/geo+json").GET());
        assertThat(geo.statusCode()).as(geo.body()).isEqualTo(200);
        JsonNode collection = json(geo);
        assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.path("licence").asString()).isEqualTo("CC BY 4.0");
        assertThat(collection.path("features").size()).isEqualTo(1);
        JsonNode feature = collection.path("features").get(0);
        assertThat(feature.path("properties").path("id").asString()).isEqualTo(alertId);
        Geometry written = new GeoJsonReader().read(feature.path("geometry").toString());
        // the one zone, 0.35° × 0.25°
        assertThat(written.getArea()).isCloseTo(0.35 * 0.25, offset(1e-9));
        assertThat(written.getEnvelopeInternal()).isEqualTo(zone.getEnvelopeInternal());

        // JSON is still the array it was
        JsonNode plain = json(get("/api/v1/alerts?incidentId=" + incident));
        assertThat(plain.isArray()).isTrue();
        assertThat(plain.get(0).path("id").asString()).isEqualTo(alertId);
    }
}
