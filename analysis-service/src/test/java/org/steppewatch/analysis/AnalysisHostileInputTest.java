package org.steppewatch.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.steppewatch.testsupport.TestInfrastructure;
import org.steppewatch.testsupport.TestIssuer;
import org.steppewatch.testsupport.hostile.Hostile;
import org.steppewatch.testsupport.hostile.HostileProbe;
import org.steppewatch.testsupport.hostile.HostileRequest;

/**
 * Thousands of generated malformed and malicious requests to every endpoint of analysis-service (but the two
 * resets, which take no input): no 5xx, a problem document for every 4xx, nothing stored by a refused request.
 * {@code -Dsteppewatch.hostile.seed=…} replays a run ({@code =random} explores), {@code -Dsteppewatch.hostile.requests=…} sets its size.
 */
@SpringBootTest(properties = {"spring.config.name=" + AnalysisServiceApplication.CONFIG_NAME,
        "spring.kafka.listener.auto-startup=false"})
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AnalysisHostileInputTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String SETTLEMENTS = """
            {"type": "FeatureCollection", "features": [{"type": "Feature", "id": "test:h1",
              "geometry": {"type": "Point", "coordinates": [70.0, 45.0]},
              "properties": {"name": "Aul", "nameRu": "Аул", "nameKk": "Ауыл", "population": 120, "alternateNames": ["Awyl"]}}]}""";
    private static final String ZONES = """
            {"type": "FeatureCollection", "features": [{"type": "Feature", "id": "Z-1",
              "geometry": {"type": "Polygon", "coordinates": [[[66,47],[67,47],[67,48],[66,48],[66,47]]]},
              "properties": {"name": "Zone", "kind": "DROP_ZONE", "approximate": true, "source": "test"}}]}""";
    private static final String GEONAMES = String.join("\t", "1526041", "Zhangaarqa", "Zhangaarqa", "Atasu,Атасу",
            "48.68659", "71.64469", "P", "PPLA2", "KZ", "", "12", "", "", "", "13184", "", "520", "Asia/Almaty", "2023-01-01");

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> infrastructure.mongoUri("analysis-hostile"));
        registry.add("spring.mongodb.database", () -> "analysis-hostile-" + RUN);
        registry.add("spring.kafka.consumer.group-id", () -> "analysis-hostile-" + RUN);
        registry.add("steppewatch.security.issuer-uri", () -> TestIssuer.get().issuer());
    }

    /**
     * Every request is signed in with every role that may write here, so the hostile input reaches validation
     * rather than stopping at the access rules (which {@code AccessRulesTest} covers).
     */
    private static final String WRITER = TestIssuer.get().bearer("hostile-input", "admin");

    static MockHttpServletRequestBuilder authenticated(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", WRITER);
    }

    @Test
    void hostileRequestsGetNoServerErrorAProblemDocumentEachAndStoreNothing() {
        HostileProbe probe = new HostileProbe("analysis-service", mvc, AnalysisHostileInputTest::authenticated, this::stored);
        long seed = HostileProbe.seed();
        int count = Integer.getInteger("steppewatch.hostile.requests", 3_500);

        probe.run(seed, count, AnalysisHostileInputTest::request);

        System.out.println(probe.report() + "  seed " + seed);
        assertThat(probe.failures()).as("seed %d", seed).isEmpty();
        assertThat(probe.requests()).isEqualTo(count);
    }

    /** Imported settlements and versions by count, the imported zones by content. */
    private Map<String, Long> stored() {
        Document zones = mongo.getCollection("imported_zones").find().first();
        return Map.of("imported_settlements", mongo.getCollection("imported_settlements").countDocuments(),
                "reference_data_versions", mongo.getCollection("reference_data_versions").countDocuments(),
                "imported_zones", zones == null ? 0L : (long) zones.toJson().hashCode());
    }

    private static HostileRequest request(Random random) {
        int roll = random.nextInt(100);
        if (roll < 30) {
            return HostileRequest.of("POST settlements/import geojson", "POST", "/api/v1/settlements/import")
                    .body(Hostile.pick(random, List.of("application/geo+json", "application/json", "text/plain")),
                            Hostile.mutate(SETTLEMENTS, random));
        }
        if (roll < 40) {
            StringBuilder dump = new StringBuilder();
            for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
                String[] columns = GEONAMES.split("\t", -1);
                columns[random.nextInt(columns.length)] = Hostile.string(random).replace('\t', ' ');
                dump.append(String.join(random.nextInt(10) == 0 ? "," : "\t", columns)).append('\n');
            }
            return HostileRequest.of("POST settlements/import dump", "POST", "/api/v1/settlements/import")
                    .body(Hostile.pick(random, List.of("text/tab-separated-values", "text/plain; charset=UTF-8",
                            "text/plain; charset=x-unknown")), dump.toString());
        }
        if (roll < 65) {
            return HostileRequest.of("PUT fall-zones", "PUT", "/api/v1/fall-zones")
                    .body(Hostile.pick(random, List.of("application/geo+json", "application/json", "application/xml")),
                            Hostile.mutate(ZONES, random));
        }
        if (roll < 80) {
            HostileRequest near = HostileRequest.of("GET settlements?near", "GET", "/api/v1/settlements");
            if (random.nextInt(4) != 0) {
                near.query("near", random.nextBoolean() ? Hostile.bbox(random) : Hostile.queryValue(random));
            }
            if (random.nextInt(4) != 0) {
                near.query("radiusKm", Hostile.queryValue(random));
            }
            return near;
        }
        if (roll < 92) {
            HostileRequest assessment = HostileRequest.of("GET assessment", "GET", "/api/v1/assessments/{id}", Hostile.id(random));
            return random.nextBoolean() ? assessment : assessment.query("version", Hostile.queryValue(random));
        }
        return switch (random.nextInt(4)) {
            case 0 -> HostileRequest.of("GET reference-data version", "GET", "/api/v1/reference-data/versions/{v}",
                    Hostile.id(random));
            case 1 -> HostileRequest.of("GET reference-data", "GET", "/api/v1/reference-data")
                    .query(Hostile.string(random), Hostile.string(random));
            case 2 -> HostileRequest.of("GET reference-data versions", "GET", "/api/v1/reference-data/versions");
            default -> HostileRequest.of("GET substances", "GET", "/api/v1/substances").header("Accept",
                    Hostile.pick(random, List.of("application/xml", "text/html", "*/*", "application/json;q=0")));
        };
    }
}
