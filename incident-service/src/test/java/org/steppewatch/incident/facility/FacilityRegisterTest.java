package org.steppewatch.incident.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.FacilityReported;
import org.steppewatch.contracts.FacilityReported.AnnualRelease;
import org.steppewatch.contracts.Topics;
import org.steppewatch.incident.KafkaPeer;
import org.steppewatch.incident.ServiceTestBase;
import org.steppewatch.testsupport.TestIssuer;

import tools.jackson.databind.JsonNode;

/**
 * Registering facilities and importing their releases on a real broker and MongoDB: each change is a new version
 * announced by a FacilityReported with the whole record and its author; a refused request or import stores nothing.
 */
class FacilityRegisterTest extends ServiceTestBase {

    private static final String FACILITIES = "/api/v1/facilities";
    private static final String ANALYST_ONLY = TestIssuer.get().bearer("aigerim", "analyst");
    private static final String ADMIN_ONLY = TestIssuer.get().bearer("adm", "admin");
    private static final String HEADER = "facility_id,facility_name,operator,activity,lat,lon,example,source,year,"
            + "pollutant,medium,amount_kg,method\n";

    private KafkaPeer kafka;

    @BeforeEach
    void readContamination() {
        kafka = new KafkaPeer(Topics.CONTAMINATION);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aRegisteredFacilityIs201AndItsWholeRecordGoesOutOnContaminationWithWhoRecordedIt() {
        HttpResponse<String> created = send(request(FACILITIES).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "Ferroalloy plant %s", "operator": "Test operator", "activity": "2(b)",
                         "location": {"type": "Point", "coordinates": [76.97, 52.28]}, "example": false,
                         "source": "test report",
                         "releases": [{"year": 2023, "pollutant": "hg", "medium": "AIR", "amountKg": 35.0, "method": "e"},
                                      {"year": 2022, "pollutant": "PB", "medium": "water", "amountKg": 12.5}]}
                        """.formatted(UUID.randomUUID()))), ANALYST_ONLY);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json(created);
        String id = body.path("id").asString();
        assertThat(id).startsWith("fac-ferroalloy-plant-");
        assertThat(created.headers().firstValue("Location")).hasValue(FACILITIES + "/" + id);
        assertThat(body.path("version").asLong()).isEqualTo(1);
        assertThat(body.path("example").asBoolean(true)).isFalse();
        // releases in year order, codes normalised, not judged yet
        assertThat(body.path("releases").get(0).path("year").asInt()).isEqualTo(2022);
        JsonNode hg = body.path("releases").get(1);
        assertThat(body.propertyNames()).containsExactly("id", "name", "operator", "activity", "location", "example",
                "source", "version", "releases");
        assertThat(hg.propertyNames()).containsExactly("year", "pollutant", "medium", "amountKg", "method",
                "thresholdKg", "factor", "aboveThreshold", "thresholdSource", "judged");
        assertThat(hg.path("pollutant").asString()).isEqualTo("HG");
        assertThat(hg.path("medium").asString()).isEqualTo("air");
        assertThat(hg.path("method").asString()).isEqualTo("E");
        assertThat(hg.path("judged").asBoolean(true)).isFalse();
        assertThat(hg.path("thresholdKg").isNull()).isTrue();
        assertThat(hg.path("aboveThreshold").asBoolean(true)).isFalse();

        FacilityReported reported = EventJson.readContamination(
                kafka.awaitRecord(id, EventTypes.FACILITY_REPORTED).value(), FacilityReported.class);
        assertThat(reported.version()).isEqualTo(1);
        assertThat(reported.reportedBy()).isEqualTo("aigerim");
        assertThat(reported.operator()).isEqualTo("Test operator");
        assertThat(reported.location().getCoordinate().x).isEqualTo(76.97);
        assertThat(reported.releases()).containsExactly(new AnnualRelease(2022, "PB", "water", 12.5, null),
                new AnnualRelease(2023, "HG", "air", 35.0, "E"));
        // the public answer names nobody
        assertThat(get(FACILITIES + "/" + id).body()).doesNotContain("aigerim");
    }

    @Test
    void importedReleasesOfARegisteredFacilityMakeTheNextVersionWithTheWholeRecord() {
        String id = "fac-test-" + UUID.randomUUID();
        assertThat(importCsv(HEADER + id + ",Cement works,Test operator,,43.3,68.3,false,test report,2022,HG,air,5,M\n"
                + id + ",Cement works,Test operator,,43.3,68.3,false,test report,2023,HG,air,6,M\n").statusCode())
                .isEqualTo(201);
        // 2023 corrected, 2024 added; the register columns of a known facility may be left empty
        HttpResponse<String> second = importCsv(HEADER + id + ",,,,,,,,2023,HG,air,7.5,M\n"
                + id + ",,,,,,,,2024,HG,air,4,C\n");

        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(json(second).path("imported").asInt()).isEqualTo(2);
        JsonNode facility = json(get(FACILITIES + "/" + id));
        assertThat(facility.path("version").asLong()).isEqualTo(2);
        assertThat(facility.path("name").asString()).isEqualTo("Cement works");
        assertThat(facility.path("releases")).extracting(r -> r.path("amountKg").asDouble())
                .containsExactly(5.0, 7.5, 4.0);
        FacilityReported v2 = EventJson.readContamination(kafka.awaitRecord(id, r -> r.value().contains("\"version\":2"))
                .value(), FacilityReported.class);
        assertThat(v2.releases()).containsExactly(new AnnualRelease(2022, "HG", "air", 5, "M"),
                new AnnualRelease(2023, "HG", "air", 7.5, "M"), new AnnualRelease(2024, "HG", "air", 4, "C"));

        // the same rows again change nothing: no new version
        assertThat(importCsv(HEADER + id + ",,,,,,,,2024,HG,air,4,C\n").statusCode()).isEqualTo(201);
        assertThat(json(get(FACILITIES + "/" + id)).path("version").asLong()).isEqualTo(2);
    }

    @Test
    void aCsvWithoutACharsetIsReadAsUtf8() {
        String id = "fac-test-" + UUID.randomUUID();

        HttpResponse<String> imported = importCsv(HEADER + id + ",Цементный завод,ТОО Пример,,43.3,68.3,false,"
                + "отчёт,2023,HG,air,5,M\n");

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode facility = json(get(FACILITIES + "/" + id));
        assertThat(facility.path("name").asString()).isEqualTo("Цементный завод");
        assertThat(facility.path("operator").asString()).isEqualTo("ТОО Пример");
    }

    @Test
    void anImportWithBadRowsNamesEachProblemByLineAndColumnAndStoresNothing() {
        String good = "fac-test-good-" + UUID.randomUUID();
        String bad = "fac-test-bad-" + UUID.randomUUID();
        int nextYear = Year.now(ZoneOffset.UTC).getValue() + 1;
        String csv = HEADER
                + good + ",Good plant,Op,,50.05,72.95,false,test,2023,HG,air,35,E\n"            // line 2: fine
                + bad + ",Bad plant,Op,,50.05,72.95,false,test,2023,XYZ,air,1,E\n"             // line 3
                + bad + ",Bad plant,Op,,50.05,72.95,false,test,2023,PB,soil,1,E\n"             // line 4
                + bad + ",Bad plant,Op,,50.05,72.95,false,test,2023,ZN,air,-3,E\n"             // line 5
                + bad + ",Bad plant,Op,,50.05,72.95,false,test," + nextYear + ",CD,air,1,E\n"  // line 6
                + "fac-test-paris-" + UUID.randomUUID() + ",Paris plant,Op,,48.85,2.35,false,test,2023,HG,air,1,E\n";

        HttpResponse<String> refused = importCsv(csv);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        List<String> fields = json(refused).path("errors").valueStream().map(e -> e.path("field").asString()).toList();
        assertThat(fields).containsExactly("line 3: pollutant", "line 4: medium", "line 5: amount_kg",
                "line 6: year", "line 7: lat");
        assertThat(refused.body()).contains("unknown pollutant 'XYZ'", "is in the future: " + nextYear,
                "is not in or near Kazakhstan");
        assertThat(mongo.count(query(where("_id").regex("^fac-test-(good|bad|paris)-")), "facilities")).isZero();
        assertThat(get(FACILITIES + "/" + good).statusCode()).isEqualTo(404);
    }

    @Test
    void anImportThatWouldTakeAFacilityPastAThousandReleasesIsRefused() {
        String id = "fac-test-" + UUID.randomUUID();
        StringBuilder thousand = new StringBuilder(HEADER);
        List<String> pollutants = List.of("HG", "PB", "ZN", "CD", "AS", "CU", "PCB", "NO2", "HNO3", "UDMH");
        // 10 pollutants x 3 media x 34 years (1990-2023) = 1,020 distinct releases; the first 1,000 of them
        for (int i = 0; i < 1000; i++) {
            thousand.append(id).append(",Plant,Op,,50.05,72.95,false,test,").append(1990 + i / 30).append(',')
                    .append(pollutants.get(i % 30 / 3)).append(',').append(List.of("air", "water", "land").get(i % 3))
                    .append(",1,E\n");
        }
        assertThat(importCsv(thousand.toString()).statusCode()).isEqualTo(201);

        HttpResponse<String> refused = importCsv(HEADER + id + ",,,,,,,,2023,UDMH,land,1,E\n"
                + id + ",,,,,,,,1990,HG,air,2,E\n"); // the second only corrects one it has

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactly("line 2: facility_id");
        assertThat(json(get(FACILITIES + "/" + id)).path("releases").size()).isEqualTo(1000);
    }

    @Test
    void aFacilityOutsideKazakhstanOrWithoutItsNameIsRefusedFieldByField() {
        HttpResponse<String> refused = post(FACILITIES, """
                {"operator": "Op", "location": {"type": "Point", "coordinates": [2.35, 48.85]}, "source": "s",
                 "releases": [{"year": 2023, "pollutant": "HG", "medium": "sky", "amountKg": 1}]}""");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactly("name", "location.coordinates", "releases[0].medium");
    }

    @Test
    void anIdThatIsTakenIsAConflict() {
        String id = "fac-test-" + UUID.randomUUID();
        String body = """
                {"id": "%s", "name": "Plant", "operator": "Op", "source": "s",
                 "location": {"type": "Point", "coordinates": [72.95, 50.05]}}""".formatted(id);
        assertThat(post(FACILITIES, body).statusCode()).isEqualTo(201);

        assertThat(post(FACILITIES, body).statusCode()).isEqualTo(409);
        assertThat(json(get(FACILITIES + "/" + id)).path("version").asLong()).isEqualTo(1);
    }

    @Test
    void writesNeedAnAnalystOrIssuerAndARefusedOneStoresNothing() {
        String id = "fac-test-" + UUID.randomUUID();
        String body = """
                {"id": "%s", "name": "Plant", "operator": "Op", "source": "s",
                 "location": {"type": "Point", "coordinates": [72.95, 50.05]}}""".formatted(id);
        String csv = HEADER + id + ",Plant,Op,,50.05,72.95,false,test,2023,HG,air,35,E\n";
        for (String authorization : new String[] {null, ADMIN_ONLY}) {
            int expected = authorization == null ? 401 : 403;
            assertThat(send(request(FACILITIES).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)), authorization).statusCode()).isEqualTo(expected);
            assertThat(send(request(FACILITIES + "/import").header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv)), authorization).statusCode()).isEqualTo(expected);
        }
        assertThat(get(FACILITIES + "/" + id).statusCode()).isEqualTo(404);
        assertThat(get(FACILITIES).statusCode()).isEqualTo(200);
    }

    @Test
    void theListIsAPageOfFacilitiesWithoutTheOpenDataPlumbing() {
        JsonNode page = json(get(FACILITIES + "?size=5"));

        assertThat(page.propertyNames()).containsExactly("items", "page", "size", "total");
        assertThat(page.path("size").asInt()).isEqualTo(5);
        assertThat(page.path("items").size()).isLessThanOrEqualTo(5);
        assertThat(page.path("items").get(0).has("example")).isTrue();
    }

    private HttpResponse<String> importCsv(String csv) {
        return send(request(FACILITIES + "/import").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)), ANALYST);
    }
}
