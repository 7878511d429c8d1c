package org.steppewatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.steppewatch.testsupport.TestIssuer;
import org.steppewatch.testsupport.hostile.Hostile;
import org.steppewatch.testsupport.hostile.HostileProbe;
import org.steppewatch.testsupport.hostile.HostileRequest;

/**
 * The contamination endpoints (sites, campaigns, results and their CSV import, facilities and theirs, the series
 * and the lists) under generated malformed and malicious requests, as {@code IncidentHostileInputTest} does for
 * incidents: no 5xx, a problem document for every 4xx, and nothing stored by a refused request (a refused import
 * stores none of its rows). Mutations of valid JSON bodies, and of valid CSV files: a cell replaced by a hostile
 * string, a column dropped or renamed, a row cut short or doubled, quotes left open. The seed is printed; the same
 * properties replay or explore.
 */
@AutoConfigureMockMvc
class ContaminationHostileInputTest extends ServiceTestBase {

    private static final String POINT = "{\"type\": \"Point\", \"coordinates\": [73.0, 50.0]}";
    private static final String SITE = """
            {"name": {"en": "Hostile-input fixture site", "ru": "Участок"}, "location": %s,
             "coordinateConfidence": "medium", "region": "Karaganda Region", "pollutants": ["HG"], "media": ["water"],
             "status": "monitored", "description": "fixture", "sources": ["SRC_TEST"]}""".formatted(POINT);
    private static final String RESULT = """
            {"siteId": "KZ-HOSTILE-FIXTURE", "substance": "HG", "medium": "water", "value": 1.2, "detected": true,
             "unit": "ug/L", "basis": "WET", "method": "CV-AAS", "laboratory": "lab", "sampledOn": "2026-11-20",
             "notes": "fixture"}""";
    private static final String CAMPAIGN = """
            {"name": "Fixture campaign", "organisation": "EcoMuseum", "siteId": "KZ-HOSTILE-FIXTURE", "startedOn": "2026-11-01",
             "endedOn": "2026-11-05", "locations": [{"name": "below the outfall", "location": %s}]}""".formatted(POINT);
    private static final String FACILITY = """
            {"name": "Hostile-input fixture facility", "operator": "Example operator", "activity": "2(b)",
             "location": %s, "example": true, "source": "fixture",
             "releases": [{"year": 2023, "pollutant": "HG", "medium": "air", "amountKg": 12.5, "method": "E"}]}"""
            .formatted(POINT);
    private static final List<List<String>> RESULTS_CSV = List.of(
            List.of("siteId", "substance", "medium", "value", "detected", "detectionLimit", "unit", "sampledOn", "laboratory"),
            List.of("KZ-HOSTILE-FIXTURE", "HG", "water", "0.0021", "true", "", "mg/L", "2026-11-20", "EcoMuseum"),
            List.of("KZ-HOSTILE-FIXTURE", "HG", "sediment", "", "false", "0.05", "mg/kg", "2026-11-21", "EcoMuseum"));
    private static final List<List<String>> FACILITIES_CSV = List.of(
            List.of("facility_id", "facility_name", "operator", "activity", "lat", "lon", "example", "source", "year",
                    "pollutant", "medium", "amount_kg", "method"),
            List.of("fac-hostile-fixture", "Hostile fixture", "Example operator", "2(b)", "50.0", "73.0", "true", "fixture",
                    "2023", "HG", "air", "12.5", "E"));

    /** Signed in with the roles that may record contamination, so the input reaches validation. */
    private static final String WRITER = TestIssuer.get().bearer("hostile-input", "analyst", "issuer");

    @Autowired
    MockMvc mvc;

    static MockHttpServletRequestBuilder authenticated(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", WRITER);
    }

    @Test
    void hostileRequestsGetNoServerErrorAProblemDocumentEachAndStoreNothing() throws Exception {
        // a site of its own, so what the accepted requests store stays out of the seeded sites' series
        int fixture = post("/api/v1/sites", SITE.replace("{\"name\"", "{\"id\": \"KZ-HOSTILE-FIXTURE\", \"name\"")).statusCode();
        assertThat(fixture).isIn(201, 409);
        HostileProbe probe = new HostileProbe("incident-service contamination", mvc,
                ContaminationHostileInputTest::authenticated, this::stored);
        long seed = HostileProbe.seed();
        int count = Integer.getInteger("steppewatch.hostile.requests", 3_500) / 2;

        probe.run(seed, count, ContaminationHostileInputTest::request);

        System.out.println(probe.report() + "  seed " + seed);
        assertThat(probe.failures()).as("seed %d", seed).isEmpty();
        assertThat(probe.requests()).isEqualTo(count);
    }

    /** What a refused request must leave as it was: the documents of every contamination collection. */
    private Map<String, Long> stored() {
        return Map.of("sites", count("sites"), "results", count("results"), "campaigns", count("campaigns"),
                "facilities", count("facilities"));
    }

    private long count(String collection) {
        return mongo.getCollection(collection).countDocuments();
    }

    private static HostileRequest request(Random random) {
        int roll = random.nextInt(100);
        if (roll < 15) {
            return HostileRequest.of("POST site", "POST", "/api/v1/sites").body(Hostile.contentType(random),
                    Hostile.mutate(SITE, random));
        }
        if (roll < 35) {
            return HostileRequest.of("POST result", "POST", "/api/v1/results").body(Hostile.contentType(random),
                    Hostile.mutate(RESULT, random));
        }
        if (roll < 45) {
            return HostileRequest.of("POST results/import", "POST", "/api/v1/results/import")
                    .body(random.nextInt(4) == 0 ? Hostile.contentType(random) : "text/csv", csv(RESULTS_CSV, random));
        }
        if (roll < 52) {
            return HostileRequest.of("POST campaign", "POST", "/api/v1/campaigns").body(Hostile.contentType(random),
                    Hostile.mutate(CAMPAIGN, random));
        }
        if (roll < 64) {
            return HostileRequest.of("POST facility", "POST", "/api/v1/facilities").body(Hostile.contentType(random),
                    Hostile.mutate(FACILITY, random));
        }
        if (roll < 72) {
            return HostileRequest.of("POST facilities/import", "POST", "/api/v1/facilities/import")
                    .body(random.nextInt(4) == 0 ? Hostile.contentType(random) : "text/csv", csv(FACILITIES_CSV, random));
        }
        if (roll < 80) {
            HostileRequest series = HostileRequest.of("GET site series", "GET", "/api/v1/sites/{id}/series",
                    random.nextBoolean() ? "KZ-HOSTILE-FIXTURE" : Hostile.id(random));
            return maybe(series, random, "substance", "medium", "unknown");
        }
        if (roll < 90) {
            String list = Hostile.pick(random, List.of("/api/v1/sites", "/api/v1/results", "/api/v1/campaigns",
                    "/api/v1/facilities"));
            return maybe(HostileRequest.of("GET " + list + "?query", "GET", list), random, "page", "size", "siteId",
                    "substance", "medium", "aboveThreshold", "pollutant", "year", "unknown");
        }
        String one = Hostile.pick(random, List.of("/api/v1/sites/{id}", "/api/v1/results/{id}", "/api/v1/campaigns/{id}",
                "/api/v1/facilities/{id}"));
        return HostileRequest.of("GET " + one, "GET", one, Hostile.id(random));
    }

    private static HostileRequest maybe(HostileRequest request, Random random, String... names) {
        for (String name : names) {
            if (random.nextInt(3) == 0) {
                request.query(name, Hostile.queryValue(random));
            }
        }
        return request;
    }

    /** A valid CSV file with one hostile change. */
    static String csv(List<List<String>> valid, Random random) {
        List<List<String>> rows = new java.util.ArrayList<>(valid.stream().map(r -> (List<String>) new java.util.ArrayList<>(r))
                .toList());
        int row = random.nextInt(rows.size());
        int column = random.nextInt(rows.get(0).size());
        switch (random.nextInt(7)) {
            case 0 -> rows.get(row).set(column, Hostile.string(random));
            case 1 -> rows.forEach(r -> r.remove(column));
            case 2 -> rows.get(0).set(column, Hostile.string(random));
            case 3 -> rows.get(row).subList(random.nextInt(rows.get(row).size()), rows.get(row).size()).clear();
            case 4 -> rows.add(rows.get(rows.size() - 1));
            case 5 -> rows.get(row).set(column, "\"" + rows.get(row).get(column));
            default -> {
                return Hostile.string(random);
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> r : rows) {
            text.append(String.join(",", r.stream().map(cell -> cell.contains(",") || cell.contains("\n")
                    ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell).toList())).append(random.nextBoolean() ? "\r\n" : "\n");
        }
        return text.toString();
    }
}
