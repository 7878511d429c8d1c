package org.steppewatch.incident.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.ResultJudged;
import org.steppewatch.contracts.Topics;
import org.steppewatch.incident.KafkaPeer;
import org.steppewatch.incident.ServiceTestBase;

import tools.jackson.databind.JsonNode;

/**
 * A site's series: its results in time order in one unit (JSR 385 conversions), the limits its judgements compared
 * with as lines in that unit, and the trend of TrendTest's hand-computed example (S 49, p 1.70e-4, 0.75 µg/L per
 * year), here with the 2018 value entered as 0.004 mg/L and the 2014 value a non-detect below 1 µg/L.
 */
class SeriesTest extends ServiceTestBase {

    @Test
    void theSeriesConvertsToOneUnitDrawsTheLimitsAndStatesTheTrend() {
        String site = "KZ-TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        HttpResponse<String> created = post("/api/v1/sites", """
                {"id": "%s", "name": {"en": "Test reach"}, "location": {"type": "Point", "coordinates": [72.9, 50.1]},
                 "coordinateConfidence": "high", "pollutants": ["HG"], "media": ["water"]}""".formatted(site));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        StringBuilder csv = new StringBuilder("siteId,substance,medium,value,detected,detectionLimit,unit,sampledOn\n");
        csv.append(site).append(",HG,water,,false,1,µg/L,2014-01-01\n");
        String[] values = {"2", "3", "2", "0.004", "5", "4", "6", "7", "8", "9"};
        for (int i = 0; i < values.length; i++) {
            String unit = values[i].equals("0.004") ? "mg/L" : "µg/L";
            csv.append(site).append(",HG,water,").append(values[i]).append(",true,,").append(unit).append(',')
                    .append(2015 + i).append("-01-01\n");
        }
        HttpResponse<String> imported = send(request("/api/v1/results/import").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())), ANALYST);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode ids = json(imported).path("resultIds");
        try (KafkaPeer kafka = new KafkaPeer(Topics.FINDINGS)) {
            kafka.publish(Topics.FINDINGS, site, EventTypes.RESULT_JUDGED,
                    EventJson.write(judged(ids.get(4).asString(), site, "KZ_MPC", 0.0005)), UUID.randomUUID().toString());
            kafka.awaitConsumed(ResultJudgementTest.RESULTS_GROUP, kafka.publish(Topics.FINDINGS, site,
                    EventTypes.RESULT_JUDGED, EventJson.write(judged(ids.get(10).asString(), site, "WHO", 0.006)),
                    UUID.randomUUID().toString()));
        }

        JsonNode series = json(get("/api/v1/sites/" + site + "/series?substance=hg&medium=WATER"));

        assertThat(series.path("unit").asString()).isEqualTo("µg/L");
        JsonNode results = series.path("results");
        assertThat(results).hasSize(11);
        assertThat(results.get(0).path("detected").asBoolean()).isFalse();
        assertThat(results.get(0).path("seriesValue").isNull()).isTrue();
        assertThat(results.get(0).path("seriesDetectionLimit").asDouble()).isEqualTo(1.0);
        JsonNode in2018 = results.get(4);
        assertThat(in2018.path("sampledFrom").asString()).isEqualTo("2018-01-01");
        assertThat(in2018.path("unit").asString()).isEqualTo("mg/L");
        assertThat(in2018.path("seriesValue").asDouble()).isEqualTo(4.0, within(1e-9));
        assertThat(in2018.path("judged").asBoolean()).isTrue();
        assertThat(in2018.path("comparisons").get(0).path("regime").asString()).isEqualTo("KZ_MPC");
        // 0.0005 mg/L = 0.5 µg/L; 0.006 mg/L = 6 µg/L
        JsonNode limits = series.path("limits");
        assertThat(limits).hasSize(2);
        assertThat(limits.get(0).path("regime").asString()).isEqualTo("KZ_MPC");
        assertThat(limits.get(0).path("limit").asDouble()).isEqualTo(0.5, within(1e-12));
        assertThat(limits.get(0).path("unit").asString()).isEqualTo("µg/L");
        assertThat(limits.get(1).path("regime").asString()).isEqualTo("WHO");
        assertThat(limits.get(1).path("limit").asDouble()).isEqualTo(6.0, within(1e-12));
        JsonNode trend = series.path("trend");
        assertThat(trend.path("shown").asBoolean()).isTrue();
        assertThat(trend.path("n").asInt()).isEqualTo(11);
        assertThat(trend.path("s").asLong()).isEqualTo(49);
        assertThat(trend.path("variance").asDouble()).isEqualTo(163.0, within(1e-9));
        assertThat(trend.path("pValue").asDouble()).isEqualTo(1.70e-4, within(0.01e-4));
        assertThat(trend.path("direction").asString()).isEqualTo("INCREASING");
        assertThat(trend.path("theilSenSlopePerYear").asDouble()).isEqualTo(0.75, within(1e-9));
        assertThat(trend.path("unit").asString()).isEqualTo("µg/L per year");
        // and the site counts its series
        JsonNode counted = json(get("/api/v1/sites/" + site));
        assertThat(counted.path("resultCount").asLong()).isEqualTo(11);
        assertThat(counted.path("series").get(0).path("medium").asString()).isEqualTo("water");
    }

    @Test
    void theSeededNuraMercuryHasNoTrendForWantOfSingleResults() {
        JsonNode series = json(get("/api/v1/sites/KZ-HG-NURA/series?substance=HG&medium=sediment"));

        assertThat(series.path("results").size()).isGreaterThan(0);
        assertThat(series.path("trend").path("shown").asBoolean()).isFalse();
        assertThat(series.path("trend").path("n").asInt()).isZero();
        assertThat(series.path("trend").path("reason").asString()).isEqualTo("fewer than 11 dated single results (n = 0)");
    }

    @Test
    void anUnknownSiteIs404AndAMissingSubstance400() {
        assertThat(get("/api/v1/sites/KZ-NOWHERE/series?substance=HG&medium=water").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/sites/KZ-HG-NURA/series?medium=water").statusCode()).isEqualTo(400);
    }

    private static ResultJudged judged(String resultId, String site, String regime, double limitMgPerL) {
        var comparison = new ResultJudged.LimitComparison(regime, "water", limitMgPerL, "mg/L", null, null, null, null,
                "WITHIN", true, false, "compared", "SRC_TEST", "instrument", "in_force", "verified", null, null);
        return new ResultJudged(resultId, site, Geo.point(72.9, 50.1), "HG", "water", LocalDate.of(2018, 1, 1),
                LocalDate.of(2018, 1, 1), List.of(comparison), null, List.of(), "limits-v1", Instant.now());
    }
}
