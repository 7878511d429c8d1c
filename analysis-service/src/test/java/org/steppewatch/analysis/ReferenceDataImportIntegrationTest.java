package org.steppewatch.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steppewatch.analysis.assessment.IncidentAssessor;
import org.steppewatch.analysis.reference.ReferenceData;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.georef.Geodesy;
import org.steppewatch.testsupport.TestInfrastructure;
import org.steppewatch.testsupport.TestIssuer;

import tools.jackson.databind.JsonNode;

/**
 * The reference-data imports over HTTP against a real MongoDB. The Kafka listener is off in this context (another
 * context of the same JVM assesses the incidents); assessments here are computed directly from the
 * {@link ReferenceData} bean to show that what was imported is what is used.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + AnalysisServiceApplication.CONFIG_NAME, "spring.kafka.listener.auto-startup=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReferenceDataImportIntegrationTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ADMIN = TestIssuer.get().bearer("admin-test", "admin");
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReferenceData reference;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> infrastructure.mongoUri("analysis-ref"));
        registry.add("spring.mongodb.database", () -> "analysis-ref-" + RUN);
        registry.add("spring.kafka.consumer.group-id", () -> "analysis-ref-" + RUN);
        registry.add("steppewatch.security.issuer-uri", () -> TestIssuer.get().issuer());
    }

    /** Reads as anybody, writes as an admin: replacing reference data is theirs. */
    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        return send(method, path, contentType, body, method.equals("GET") ? null : ADMIN);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> response) {
        return EventJson.mapper().readTree(response.body());
    }

    private List<String> featureIds(String path) throws Exception {
        List<String> ids = new ArrayList<>();
        json(send("GET", path, null, null)).path("features").forEach(f -> ids.add(f.path("id").asString()));
        return ids;
    }

    static String geonamesLine(long id, String name, String ascii, String alternates, double lat, double lon, String featureClass,
                                       String code, long population) {
        return String.join("\t", String.valueOf(id), name, ascii, alternates, String.valueOf(lat), String.valueOf(lon), featureClass,
                code, "KZ", "", "12", "", "", "", String.valueOf(population), "", "350", "Asia/Almaty", "2024-01-01");
    }

    @Test
    void aGeoNamesDumpIsImportedOnceMergedWithTheShippedPlacesAndUsedByTheAssessment() throws Exception {
        String before = json(send("GET", "/api/v1/reference-data", null, null)).path("version").asString();
        // a village 5 km north-east of the 2013 crash site, right in the path of a south-west wind
        var village = Geodesy.destination(Geo.point(63.00, 46.05), 45, 5);
        String dump = String.join("\n",
                geonamesLine(90000001, "Zhanatalap", "Zhanatalap", "Zhanatalap,Жанаталап,Жаңаталап", village.y, village.x, "P", "PPL", 0),
                geonamesLine(1521368, "Baikonur", "Baikonur", "Baikonur,Байконур,Байқоңыр,Leninsk", 45.61667, 63.31667, "P", "PPLA", 76000),
                geonamesLine(90000002, "Old well", "Old well", "", 46.1, 63.1, "H", "WLL", 0),
                geonamesLine(90000003, "Abandoned", "Abandoned", "", 46.2, 63.1, "P", "PPLQ", 0),
                "this line is not a GeoNames record",
                "");

        HttpResponse<String> imported = send("POST", "/api/v1/settlements/import", "text/tab-separated-values; charset=UTF-8", dump);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode result = json(imported);
        assertThat(result.path("imported").asInt()).isEqualTo(2);
        assertThat(result.path("skipped").path("malformed line").asInt()).isEqualTo(1);
        assertThat(result.path("skipped").path("not a living populated place (feature H.WLL)").asInt()).isEqualTo(1);
        assertThat(result.path("skipped").path("not a living populated place (feature P.PPLQ)").asInt()).isEqualTo(1);
        assertThat(result.path("examples").get(0).asString()).startsWith("line 5:");
        String after = result.path("referenceDataVersion").asString();
        assertThat(after).isNotEqualTo(before);

        JsonNode near = json(send("GET", "/api/v1/settlements?near=" + village.x + "," + village.y + "&radiusKm=1", null, null));
        JsonNode found = near.path("features").get(0).path("properties");
        assertThat(found.path("id").asString()).isEqualTo("gn:90000001");
        assertThat(found.path("nameRu").asString()).isEqualTo("Жанаталап");
        assertThat(found.path("nameKk").asString()).isEqualTo("Жаңаталап");
        assertThat(found.path("population").asLong()).isZero();
        JsonNode baikonur = json(send("GET", "/api/v1/settlements?near=63.31667,45.61667&radiusKm=1", null, null)).path("features").get(0)
                .path("properties");
        assertThat(baikonur.path("id").asString()).isEqualTo("gn:1521368");
        assertThat(baikonur.path("population").asLong()).isEqualTo(76_000);
        assertThat(baikonur.path("nameKk").asString()).isEqualTo("Байқоңыр");
        assertThat(baikonur.path("alternateNames").toString()).contains("Leninsk");
        // every name with its language where known: the shipped ones keep theirs, the dump's carry none
        assertThat(baikonur.path("names").toString()).contains("{\"name\":\"Байқоңыр\",\"language\":\"kk\"}",
                "\"name\":\"Leninsk\"");

        // the same dump again changes nothing: same ids, same content, same version
        JsonNode again = json(send("POST", "/api/v1/settlements/import", "text/plain", dump));
        assertThat(again.path("referenceDataVersion").asString()).isEqualTo(after);
        assertThat(mongo.getCollection("imported_settlements").countDocuments()).isEqualTo(2);

        JsonNode current = json(send("GET", "/api/v1/reference-data", null, null));
        List<String> parts = new ArrayList<>();
        current.path("parts").forEach(p -> parts.add(p.path("name").asString()));
        assertThat(parts).contains("geo-reference", "substances", "areas-of-concern", "settlements-imported");
        // every edition in use is on record, so an old assessment's version can be explained
        assertThat(send("GET", "/api/v1/reference-data/versions/" + before, null, null).statusCode()).isEqualTo(200);
        assertThat(json(send("GET", "/api/v1/reference-data/versions/" + after, null, null)).path("parts").toString())
                .contains("settlements-imported");
        assertThat(send("GET", "/api/v1/reference-data/versions/sha256:0000000000000000", null, null).statusCode()).isEqualTo(404);

        // the 2013 crash with its south-west wind now reaches the imported village
        IncidentAssessed assessed = IncidentAssessor.withDefaults().assess(reference.current(), "import-check", 1,
                new IncidentFacts("t", IncidentCategory.LAUNCH_FAILURE, Instant.now(), Geo.point(63.00, 46.05), null, null, null,
                        List.of(new IncidentFacts.Release("UDMH", 172_000)), List.of(), new IncidentFacts.Weather(225.0, 3.0, "D"), null),
                Instant.now()).event();
        assertThat(assessed.referenceDataVersion()).isEqualTo(after);
        assertThat(assessed.affectedSettlements()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("gn:90000001");
            // inside the AEGL-2 zone of the reported weather; with the spread of the ensemble (σθ 10° for class D, its
            // neighbours, the wind speed, a source term spanning a fire's residue to a spill) at least one member in ten
            // exceeds AEGL-3 on its disc: the zone is AEGL-3; a member exceeding AEGL-3 exceeds AEGL-2 too
            assertThat(s.zone()).isEqualTo("AEGL-3");
            assertThat(s.exceedanceProbability().get("AEGL-3")).isGreaterThanOrEqualTo(0.1);
            assertThat(s.exceedanceProbability().get("AEGL-2")).isGreaterThanOrEqualTo(s.exceedanceProbability().get("AEGL-3"));
            assertThat(s.distanceKm()).isEqualTo(5.0);
        });
    }

    @Test
    void referenceDataIsReplacedByAdminsOnlyAndReadByAnyone() throws Exception {
        String village = """
                {"type": "FeatureCollection", "features": [{"type": "Feature", "id": "osm:node/77",
                  "geometry": {"type": "Point", "coordinates": [76.0, 44.5]}, "properties": {"name": "Aul Seventy-Seven"}}]}
                """;
        String[][] writes = {{"POST", "/api/v1/settlements/import"}, {"DELETE", "/api/v1/settlements/imported"},
                {"PUT", "/api/v1/fall-zones"}, {"DELETE", "/api/v1/fall-zones"}};
        String analyst = TestIssuer.get().bearer("ana", "analyst", "issuer");
        for (String[] write : writes) {
            HttpResponse<String> anonymous = send(write[0], write[1], "application/geo+json", village, null);
            assertThat(anonymous.statusCode()).as("%s %s", write[0], write[1]).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(send(write[0], write[1], "application/geo+json", village, analyst).statusCode())
                    .as("%s %s", write[0], write[1]).isEqualTo(403);
        }
        assertThat(json(send("GET", "/api/v1/settlements?near=76.0,44.5&radiusKm=1", null, null)).path("features")).isEmpty();
        for (String read : new String[] {"/api/v1/fall-zones", "/api/v1/substances", "/api/v1/reference-data",
                "/api/v1/settlements?near=63.3,45.6&radiusKm=20", "/actuator/health"}) {
            assertThat(send("GET", read, null, null).statusCode()).as(read).isEqualTo(200);
        }
        assertThat(send("GET", "/actuator/metrics", null, null, analyst).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/actuator/metrics", null, null, ADMIN).statusCode()).isEqualTo(200);
    }

    @Test
    void aGeoJsonImportAddsSettlementsAndAnInvalidOneIsRejectedWhole() throws Exception {
        String valid = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "id": "osm:node/1", "geometry": {"type": "Point", "coordinates": [75.0, 43.5]},
                   "properties": {"name": "Aul One", "name_ru": "Аул Один", "nameKk": "Бір ауыл", "population": 420}},
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [75.1, 43.5]},
                   "properties": {"id": "osm:node/2", "name": "Aul Two"}}]}
                """;
        HttpResponse<String> imported = send("POST", "/api/v1/settlements/import", "application/geo+json", valid);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(json(imported).path("imported").asInt()).isEqualTo(2);
        JsonNode one = json(send("GET", "/api/v1/settlements?near=75.0,43.5&radiusKm=1", null, null)).path("features").get(0).path("properties");
        assertThat(one.path("id").asString()).isEqualTo("osm:node/1");
        assertThat(one.path("nameRu").asString()).isEqualTo("Аул Один");
        assertThat(one.path("population").asLong()).isEqualTo(420);

        String invalid = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "id": "x:1", "geometry": {"type": "Point", "coordinates": [75.5, 43.5]}, "properties": {"name": "A"}},
                  {"type": "Feature", "id": "x:1", "geometry": {"type": "Point", "coordinates": [75.6, 43.5]}, "properties": {"name": "B"}},
                  {"type": "Feature", "id": "x:3", "geometry": {"type": "Point", "coordinates": [275.6, 43.5]}, "properties": {"population": -1}}]}
                """;
        HttpResponse<String> rejected = send("POST", "/api/v1/settlements/import", "application/json", invalid);

        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        List<String> fields = new ArrayList<>();
        json(rejected).path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).contains("features[1].properties.id", "features[2].properties.name", "features[2].properties.population",
                "features[2].geometry");
        assertThat(json(send("GET", "/api/v1/settlements?near=75.5,43.5&radiusKm=1", null, null)).path("features")).isEmpty();

        assertThat(send("POST", "/api/v1/settlements/import", "application/json", "{not json").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/v1/settlements/import", "application/xml", "<a/>").statusCode()).isEqualTo(415);
    }

    @Test
    void importedNamesWithControlCharactersOrOverlongAreRefusedNamingTheField() throws Exception {
        String hostile = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "id": "x:10", "geometry": {"type": "Point", "coordinates": [75.5, 43.5]},
                   "properties": {"name": "Aul\\u202Eenil", "nameRu": "%s", "alternateNames": ["ok", "two\\nlines"]}}]}
                """.formatted("я".repeat(201));

        HttpResponse<String> rejected = send("POST", "/api/v1/settlements/import", "application/geo+json", hostile);

        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(400);
        List<String> errors = new ArrayList<>();
        json(rejected).path("errors").forEach(e -> errors.add(e.path("field").asString() + ": " + e.path("message").asString()));
        assertThat(errors).containsExactly(
                "features[0].properties.name: contains the control character U+202E at position 3",
                "features[0].properties.nameRu: must be at most 200 characters",
                "features[0].properties.alternateNames[1]: must be one line: contains a line break at position 3");
        assertThat(json(send("GET", "/api/v1/settlements?near=75.5,43.5&radiusKm=1", null, null)).path("features")).isEmpty();
    }

    @Test
    void theFallZoneBodyLimitIsSixteenMebibytesAndOtherPathsKeepOne() throws Exception {
        String twoMib = "{\"type\": \"FeatureCollection\", \"features\": [], \"pad\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        HttpResponse<String> zones = send("PUT", "/api/v1/fall-zones", "application/geo+json", twoMib);
        HttpResponse<String> other = send("POST", "/api/v1/assessments", "application/json", twoMib);

        // read and refused as content (no features), not for its size
        assertThat(zones.statusCode()).as(zones.body()).isEqualTo(400);
        assertThat(other.statusCode()).isEqualTo(413);
        assertThat(json(other).path("detail").asString()).isEqualTo("The request body exceeds the limit of 1048576 bytes (1 MiB).");
    }

    @Test
    void fallZonesAreReplacedByKindValidatedAndResetToTheShippedOnes() throws Exception {
        String zones = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[62.9, 46.0], [63.1, 46.0], [63.1, 46.1], [62.9, 46.1], [62.9, 46.0]]]},
                   "properties": {"id": "TEST-DZ", "name": "Test drop zone", "usedBy": "tests", "approximate": false, "confidence": "high",
                                  "source": "test literal"}}]}
                """;
        HttpResponse<String> replaced = send("PUT", "/api/v1/fall-zones", "application/geo+json", zones);

        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(json(replaced).path("replaced").path("DROP_ZONE").asInt()).isEqualTo(1);
        assertThat(json(replaced).path("dropZones").asInt()).isEqualTo(1);
        // a kind the upload does not contain keeps its zones
        assertThat(json(replaced).path("areasOfConcern").asInt()).isEqualTo(3);
        JsonNode features = json(send("GET", "/api/v1/fall-zones", null, null)).path("features");
        assertThat(features.findValuesAsString("id")).contains("TEST-DZ", "AOC-BAIKONUR-LEASE").doesNotContain("RP-15");

        IncidentAssessed inside = IncidentAssessor.withDefaults().assess(reference.current(), "dz-check", 1,
                new IncidentFacts("t", IncidentCategory.STAGE_IMPACT, Instant.now(), Geo.point(63.0, 46.05), null, null, null, List.of(),
                        List.of(), null, null), Instant.now()).event();
        assertThat(inside.fallZone().status()).isEqualTo("INSIDE");
        assertThat(inside.fallZone().zoneId()).isEqualTo("TEST-DZ");
        assertThat(inside.fallZone().approximate()).isFalse();

        String invalid = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[62.9, 46.0], [63.1, 46.0], [63.1, 46.1], [62.9, 46.0]]]},
                   "properties": {"id": "A"}},
                  {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[62.9, 46.0], [63.1, 46.0], [63.1, 46.1], [62.9, 46.0]]]},
                   "properties": {"id": "A"}},
                  {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]},
                   "properties": {"id": "BOWTIE", "kind": "LAKE"}},
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [63, 46]}, "properties": {"id": "P"}}]}
                """;
        HttpResponse<String> rejected = send("PUT", "/api/v1/fall-zones", "application/json", invalid);

        assertThat(rejected.statusCode()).isEqualTo(400);
        List<String> problems = new ArrayList<>();
        json(rejected).path("errors").forEach(e -> problems.add(e.path("field").asString() + ": " + e.path("message").asString()));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("features[1].properties.id: duplicate id 'A'"))
                .anySatisfy(p -> assertThat(p).startsWith("features[2].properties.kind"))
                .anySatisfy(p -> assertThat(p).startsWith("features[2].geometry: is not a valid Polygon"))
                .anySatisfy(p -> assertThat(p).startsWith("features[3].geometry: must be a GeoJSON MultiPolygon or Polygon"));
        assertThat(featureIds("/api/v1/fall-zones?kind=DROP_ZONE")).containsExactly("TEST-DZ");

        HttpResponse<String> reset = send("DELETE", "/api/v1/fall-zones", null, null);
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(featureIds("/api/v1/fall-zones?kind=DROP_ZONE")).containsExactly("RP-15", "RP-25");
    }

    @Test
    void theSubstanceTableIsServedWithItsSources() throws Exception {
        JsonNode body = json(send("GET", "/api/v1/substances", null, null));

        assertThat(body.path("version").asString()).startsWith("sha256:");
        JsonNode udmh = body.path("substances").get(0);
        assertThat(udmh.path("code").asString()).isEqualTo("UDMH");
        assertThat(udmh.path("aegl").path("AEGL-3").path("ppmByMinutes").path("60").asDouble()).isEqualTo(11.0);
        assertThat(udmh.path("aegl").path("AEGL-3").path("confidence").asString()).isEqualTo("verified");
    }
}
