package org.steppewatch.web.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = OpenDataTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.mvc.problemdetails.enabled=true",
                "steppewatch.open-data.attribution=Karaganda open data group"})
class OpenDataConvertersTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void csvIsRfc4180WithAHeaderRowAndTheLicenceInEveryRecord() throws IOException {
        HttpResponse<String> response = get("/api/wells", "text/csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"wells-" + today + ".csv\"");
        assertThat(response.headers().allValues("Link"))
                .contains("<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"");

        String attribution = "Karaganda open data group; Well survey 2019, Karaganda Ecological Museum";
        // written by hand from RFC 4180: CRLF after each record, quotes around a comma, a quote (doubled) or a line break
        assertThat(response.body()).startsWith(
                "id,name,depthM,checkedAt,dry,condition,licence,attribution\r\n"
                + "W-1,\"Nura, below the \"\"Temirtau\"\" dam, left bank\",12.5,2026-11-20T08:30:00Z,false,in use,CC BY 4.0,\""
                + attribution + "\"\r\n");

        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.body())).getRecords();
        assertThat(records).hasSize(6);
        assertThat(records.get(2).get("name")).isEqualTo("Жезказган\r\nline two");
        assertThat(records.get(2).get("depthM")).isEqualTo("0.0001");
        assertThat(records.get(2).get("checkedAt")).isEmpty();
        assertThat(records.get(1).get("depthM")).as("a number never gets the guard").isEqualTo("-3");
        assertThat(records.get(1).get("condition")).as("an enum as JSON writes it").isEqualTo("dry");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.get("licence")).isEqualTo("CC BY 4.0");
            assertThat(r.get("attribution")).isEqualTo(attribution);
        });
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsPrefixedWithAQuote() throws IOException {
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(get("/api/wells", "text/csv").body())).getRecords();

        assertThat(records.get(1).get("name")).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
        assertThat(records.get(3).get("name")).isEqualTo("'@SUM(A1)");
        assertThat(records.get(4).get("name")).isEqualTo("'\tcmd");
        assertThat(records.get(5).get("name")).isEqualTo("'+1-2");
        assertThat(records.get(0).get("name")).startsWith("Nura");
    }

    @Test
    void aListThatIsABareArrayInJsonStaysOneAndDownloadsAsCsv() {
        HttpResponse<String> json = get("/api/wells/array", null);
        assertThat(json.body()).isEqualTo("[{\"id\":\"P-1\",\"day\":\"2026-12-01\"},{\"id\":\"P-2\",\"day\":\"2026-12-02\"}]");

        HttpResponse<String> csv = get("/api/wells/array", "text/csv");
        assertThat(csv.body()).isEqualTo("id,day,licence,attribution\r\n"
                + "P-1,2026-12-01,CC BY 4.0,Karaganda open data group\r\n"
                + "P-2,2026-12-02,CC BY 4.0,Karaganda open data group\r\n");
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment; filename=\"plain-"));
    }

    @Test
    void anEmptyListIsAnEmptyCsvFile() {
        HttpResponse<String> response = get("/api/wells/empty", "text/csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void geoJsonIsAFeatureCollectionWithTheLicenceAndTheColumnsAsProperties() throws Exception {
        HttpResponse<String> response = get("/api/wells?page=0", "application/geo+json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/geo+json");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"wells-" + LocalDate.now(ZoneOffset.UTC) + ".geojson\"");
        JsonNode collection = JsonMapper.shared().readTree(response.body());
        assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.path("licence").asString()).isEqualTo("CC BY 4.0");
        assertThat(collection.path("licenceUrl").asString()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(collection.path("attribution").valueStream().map(JsonNode::asString).toList())
                .containsExactly("Karaganda open data group", "Well survey 2019, Karaganda Ecological Museum");
        assertThat(collection.path("source").asString()).isEqualTo("http://localhost:" + port + "/api/wells?page=0");
        assertThat(collection.path("generated").asString()).startsWith(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(collection.has("crs")).isFalse();

        JsonNode features = collection.path("features");
        assertThat(features.size()).isEqualTo(6);
        JsonNode first = features.get(0);
        assertThat(first.path("type").asString()).isEqualTo("Feature");
        Geometry point = new GeoJsonReader().read(first.path("geometry").toString());
        assertThat(point).isInstanceOf(Point.class);
        assertThat(point.getCoordinate().x).isEqualTo(72.9613);
        assertThat(point.getCoordinate().y).isEqualTo(50.0583);
        assertThat(first.path("properties").path("id").asString()).isEqualTo("W-1");
        assertThat(first.path("properties").path("depthM").isNumber()).isTrue();
        assertThat(first.path("properties").path("depthM").asDouble()).isEqualTo(12.5);
        assertThat(first.path("properties").path("checkedAt").asString()).isEqualTo("2026-11-20T08:30:00Z");
        assertThat(first.path("properties").path("dry").isBoolean()).isTrue();
        // GeoJSON properties carry the text as it is: no spreadsheet reads them
        assertThat(features.get(1).path("properties").path("name").asString()).isEqualTo("=HYPERLINK(\"http://evil.example\")");

        Polygon zone = (Polygon) new GeoJsonReader().read(features.get(1).path("geometry").toString());
        assertThat(Orientation.isCCW(zone.getExteriorRing().getCoordinates())).as("RFC 7946 right-hand rule").isTrue();
        assertThat(features.get(2).has("geometry")).isTrue();
        assertThat(features.get(2).path("geometry").isNull()).isTrue();
    }

    @Test
    void jsonStaysTheDefaultAndKeepsTheListsOwnShape() {
        for (String accept : new String[]{null, "*/*", "application/json", "text/html,application/xhtml+xml,*/*;q=0.8"}) {
            HttpResponse<String> response = get("/api/wells", accept);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(accept).hasValue("application/json");
            JsonNode body = JsonMapper.shared().readTree(response.body());
            assertThat(body.propertyNames()).containsExactly("items", "page", "total");
            assertThat(body.path("items").size()).isEqualTo(6);
            assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
        }
    }

    @Test
    void anAcceptNeitherFormatCanAnswerIsA406ProblemDocument() {
        for (String[] pathAndAccept : new String[][]{{"/api/wells", "application/xml"}, {"/api/wells", "text/plain"},
                {"/api/plain", "text/csv"}}) {
            HttpResponse<String> response = get(pathAndAccept[0], pathAndAccept[1]);

            assertThat(response.statusCode()).as(String.join(" ", pathAndAccept)).isEqualTo(406);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JsonMapper.shared().readTree(response.body()).path("status").asInt()).isEqualTo(406);
        }
    }

    private HttpResponse<String> get(String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
