package org.steppewatch.incident.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.steppewatch.incident.ServiceTestBase;

import tools.jackson.databind.JsonNode;

/**
 * The seeded sites and the example facilities download as open data. Expected values come from the shipped seed
 * files (the Nura site's point is Temirtau's, 50.05197 N 72.95497 E, in kz_contaminated_sites.csv), not from the
 * list code.
 */
class SiteOpenDataTest extends ServiceTestBase {

    @Test
    void theSitesAsCsvCarryEverySeededSiteWithItsPointAndTheSourcesAttribution() throws IOException {
        HttpResponse<String> response = send(request("/api/v1/sites?size=500").header("Accept", "text/csv").GET(), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.body())).getRecords();
        // 19 sites in the seed file; other tests of this JVM may have registered more
        assertThat(records).hasSizeGreaterThanOrEqualTo(19);
        CSVRecord nura = records.stream().filter(r -> r.get("id").equals("KZ-HG-NURA")).findFirst().orElseThrow();
        assertThat(nura.get("lon")).isEqualTo("72.95497");
        assertThat(nura.get("lat")).isEqualTo("50.05197");
        assertThat(nura.get("pollutants")).isEqualTo("HG");
        assertThat(nura.get("licence")).isEqualTo("CC BY 4.0");
        assertThat(nura.get("attribution")).contains("Steppe Watch contributors").contains("GeoNames");
    }

    @Test
    void theSitesAsGeoJsonAreAFeatureCollectionWithTheLicence() {
        HttpResponse<String> response = send(request("/api/v1/sites?size=500").header("Accept", "application/geo+json")
                .GET(), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode collection = json(response);
        assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.path("licence").asString()).isEqualTo("CC BY 4.0");
        JsonNode nura = null;
        for (JsonNode feature : collection.path("features")) {
            if ("KZ-HG-NURA".equals(feature.path("properties").path("id").asString())) {
                nura = feature;
            }
        }
        assertThat(nura).isNotNull();
        assertThat(nura.path("geometry").path("type").asString()).isEqualTo("Point");
        assertThat(nura.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(72.95497);
        assertThat(nura.path("geometry").path("coordinates").get(1).asDouble()).isEqualTo(50.05197);
    }

    @Test
    void theFacilitiesAsCsvSayOnEveryRowThatTheSeededOnesAreExamples() throws IOException {
        HttpResponse<String> response = send(request("/api/v1/facilities?size=500").header("Accept", "text/csv").GET(),
                null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.body())).getRecords();
        assertThat(records).isNotEmpty();
        assertThat(records.stream().filter(r -> r.get("name").startsWith("Example:")))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("example")).isEqualTo("true"));
    }
}
