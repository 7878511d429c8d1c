package org.steppewatch.incident.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.Topics;
import org.steppewatch.incident.KafkaPeer;
import org.steppewatch.incident.ServiceTestBase;

import tools.jackson.databind.JsonNode;

/** A CSV import is all or nothing: every bad row named by line and column in one refusal, else every row stored. */
class ResultImportTest extends ServiceTestBase {

    private static final String IMPORT = "/api/v1/results/import";
    private static final String HEADER = "siteId,lon,lat,substance,medium,value,detected,detectionLimit,unit,sampledOn,laboratory";

    private final String laboratory = "import " + UUID.randomUUID();

    private HttpResponse<String> importCsv(String csv) {
        return send(request(IMPORT).header("Content-Type", "text/csv").header("Authorization", ANALYST)
                .POST(HttpRequest.BodyPublishers.ofString(csv)), null);
    }

    private long stored() {
        return mongo.count(query(where("result.laboratory").is(laboratory)), ResultStore.COLLECTION);
    }

    @Test
    void aCsvWithBadRowsIsRefusedNamingEachProblemByLineAndColumnAndNothingIsStored() {
        String csv = String.join("\n", HEADER,
                "KZ-HG-NURA,,,HG,water,0.002,true,,mg/L,2024-06-01," + laboratory,      // line 2: good
                "KZ-HG-NURA,,,UNOBTAINIUM,water,0.002,true,,mg/L,2024-06-01," + laboratory, // 3: unknown substance
                "KZ-HG-NURA,,,HG,water,0.002,true,,Bq/kg,2024-06-01," + laboratory,     // 4: impossible unit
                "KZ-HG-NURA,,,HG,water,0.002,true,,mg/L,2999-06-01," + laboratory,      // 5: in the future
                "KZ-HG-NURA,,,HG,water,,false,,mg/L,2024-06-01," + laboratory,          // 6: non-detect, no limit
                ",,,HG,soil,1.5,true,,mg/kg,2024-06-01," + laboratory,                  // 7: nowhere
                "KZ-HG-NURA,,,HG,water,a lot,true,,mg/L,01.06.2024," + laboratory);     // 8: not a number, not a date

        HttpResponse<String> refused = importCsv(csv);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = json(refused);
        assertThat(ResultRecordingTest.fields(body.path("errors"))).containsExactly(
                "line 3.substance", "line 4.unit", "line 5.sampledOn", "line 6.detectionLimit", "line 7.location",
                "line 8.value", "line 8.sampledOn");
        Map<String, String> messages = new java.util.HashMap<>();
        body.path("errors").forEach(e -> messages.put(e.path("field").asString(), e.path("message").asString()));
        assertThat(messages.get("line 3.substance")).startsWith("unknown substance 'UNOBTAINIUM'");
        assertThat(messages.get("line 4.unit")).contains("'Bq/kg' measures activity per mass");
        assertThat(messages.get("line 5.sampledOn")).startsWith("is in the future: 2999-06-01");
        assertThat(messages.get("line 6.detectionLimit")).isEqualTo("is required for a non-detect (detected false)");
        assertThat(messages.get("line 8.value")).contains("is not a number: 'a lot'");
        assertThat(body.path("detail").asString()).contains("in 6 of 7 rows; nothing was stored");
        assertThat(stored()).isZero();
    }

    @Test
    void aGoodCsvIsStoredWholeAndEveryRowAnnounced() {
        String csv = String.join("\r\n", HEADER,
                "KZ-HG-NURA,,,HG,water,0.002,true,,mg/L,2024-06-01," + laboratory,
                ",72.9,50.1,HG,sediment,,false,0.05,mg/kg,2024-06-02,\"" + laboratory + "\"",
                "");

        HttpResponse<String> created = importCsv(csv);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json(created);
        assertThat(body.path("imported").asInt()).isEqualTo(2);
        assertThat(stored()).isEqualTo(2);
        String nonDetect = body.path("resultIds").get(1).asString();
        JsonNode second = json(get("/api/v1/results/" + nonDetect));
        assertThat(second.path("detected").isBoolean()).isTrue();
        assertThat(second.path("detected").asBoolean()).isFalse();
        assertThat(second.path("value").isNull()).isTrue();
        assertThat(second.path("detectionLimit").asDouble()).isEqualTo(0.05);
        try (KafkaPeer kafka = new KafkaPeer(Topics.CONTAMINATION)) {
            // a result without a site is keyed by its own id
            kafka.awaitRecord(nonDetect, EventTypes.RESULT_RECORDED);
            kafka.awaitRecord("KZ-HG-NURA", r -> EventTypes.RESULT_RECORDED.equals(KafkaPeer.header(r, EventHeaders.TYPE))
                    && r.value().contains(body.path("resultIds").get(0).asString()));
        }
    }

    @Test
    void aHeaderWithAnUnknownColumnIsRefused() {
        HttpResponse<String> refused = importCsv("substance,medium,unit,sampledOn,colour\nHG,water,mg/L,2024-01-01,red\n");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(ResultRecordingTest.fields(json(refused).path("errors"))).containsExactly("line 1.colour");
    }

    /** Larger than the 1 MB other requests may be (the import's own limit is 32 MB): read, and refused by name. */
    @Test
    void anImportLargerThanOtherRequestsIsRead() {
        String notes = "x".repeat(1_500_000);
        HttpResponse<String> refused = importCsv("substance,medium,unit,sampledOn,value,lon,lat,notes\n"
                + "HG,water,mg/L,2024-01-01,0.001,72.9,50.1," + notes + "\n");

        assertThat(refused.statusCode()).as("not 413").isEqualTo(400);
        assertThat(ResultRecordingTest.fields(json(refused).path("errors"))).containsExactly("line 2.notes");
    }
}
