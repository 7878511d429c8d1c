package org.steppewatch.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.FacilityJudged;
import org.steppewatch.contracts.FacilityReported;
import org.steppewatch.contracts.FacilityReported.AnnualRelease;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.ResultJudged;
import org.steppewatch.contracts.ResultJudged.LimitComparison;
import org.steppewatch.contracts.ResultRecorded;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.Topics;

/**
 * What analysts record, in on contamination.v1, judged out on findings.v1. Expected ratios by hand from the rows of
 * limit_values.csv (WHO NDMA drinking water 0.0001 mg/L, KZ MPC NDMA water 0.01 mg/L, E-PRTR Hg to air 10 kg/year).
 */
class ContaminationFindingsIntegrationTest extends AnalysisServiceTestBase {

    private static ResultRecorded ndma(String siteId, String resultId, double mgPerLitre) {
        LocalDate day = LocalDate.parse("2026-11-20");
        return new ResultRecorded(resultId, siteId, null, null, Geo.point(63.3, 47.6), "NDMA", "drinking_water", mgPerLitre, null,
                null, true, null, null, "mg/L", null, "SINGLE", null, day, day, "GC-MS", "example laboratory", null, null, null,
                "aigerim", Instant.now());
    }

    private static FacilityReported facility(String id, long version, double mercuryToAirKg) {
        return new FacilityReported(id, version, "Example plant", "Example operator", "2(b) production of pig iron or steel",
                Geo.point(72.96, 50.05), true, "example", List.of(new AnnualRelease(2023, "HG", "air", mercuryToAirKg, "E")),
                "aigerim", Instant.now());
    }

    @Test
    void aRecordedResultIsJudgedOnceAgainstEveryLimitEvenWhenPublishedTwice() throws Exception {
        String site = "KZ-IT-" + UUID.randomUUID();
        ResultRecorded result = ndma(site, "res-" + UUID.randomUUID(), 0.02);
        ResultRecorded marker = ndma(site, "res-" + UUID.randomUUID(), 0.001);

        try (TopicReader findings = reader(Topics.FINDINGS)) {
            send(cloudEvent(result));

            ConsumerRecord<String, String> first = await().atMost(DEADLINE).pollInSameThread()
                    .until(() -> findings.withKey(site), records -> !records.isEmpty()).get(0);

            assertThat(header(first, EventHeaders.TYPE)).isEqualTo(EventTypes.RESULT_JUDGED);
            assertThat(header(first, EventHeaders.SOURCE)).isEqualTo("/steppewatch/analysis-service");
            assertThat(header(first, EventHeaders.SUBJECT)).isEqualTo(site);
            ResultJudged judged = EventJson.readContamination(first.value(), ResultJudged.class);
            assertThat(judged.resultId()).isEqualTo(result.resultId());
            // 0.02 / 0.0001 = 200; 0.02 / 0.01 = 2
            assertThat(judged.comparisons()).extracting(LimitComparison::regime, LimitComparison::ratio, LimitComparison::outcome)
                    .containsExactlyInAnyOrder(tuple("WHO", 200.0, "ABOVE"), tuple("KZ_MPC", 2.0, "ABOVE"));
            assertThat(judged.notice().severity()).isEqualTo(Severity.MODERATE);
            assertThat(judged.notice().highestRatio()).isEqualTo(200.0);
            assertThat(judged.limitValuesVersion()).startsWith("sha256:");

            // the same event again, then another result of the site (same key, same partition): once that one is
            // judged, the repeat has been handled too
            send(cloudEvent(result));
            send(cloudEvent(marker));
            await().atMost(DEADLINE).pollInSameThread().until(() -> findings.withKey(site), records -> records.size() >= 2);
            await().atMost(DEADLINE).until(() -> outboxWaiting("result_judgements") == 0);

            assertThat(findings.withKey(site)).extracting(r -> EventJson.readContamination(r.value(), ResultJudged.class).resultId())
                    .containsExactly(result.resultId(), marker.resultId());
            assertThat(mongo.count(Query.query(Criteria.where("_id").is(result.resultId())), "result_judgements")).isEqualTo(1);
        }
    }

    @Test
    void anOlderOrRepeatedFacilityVersionIsIgnored() throws Exception {
        String id = "fac-it-" + UUID.randomUUID();

        try (TopicReader findings = reader(Topics.FINDINGS)) {
            send(cloudEvent(facility(id, 2, 35)));
            send(cloudEvent(facility(id, 1, 5)));
            send(cloudEvent(facility(id, 2, 35)));
            send(cloudEvent(facility(id, 3, 8)));

            await().atMost(DEADLINE).pollInSameThread().until(() -> findings.withKey(id), records -> records.stream()
                    .anyMatch(r -> EventJson.readContamination(r.value(), FacilityJudged.class).facilityVersion() == 3));
            await().atMost(DEADLINE).until(() -> outboxWaiting("facility_judgements") == 0);

            List<FacilityJudged> judged = findings.withKey(id).stream()
                    .peek(r -> assertThat(header(r, EventHeaders.TYPE)).isEqualTo(EventTypes.FACILITY_JUDGED))
                    .map(r -> EventJson.readContamination(r.value(), FacilityJudged.class)).toList();
            assertThat(judged).extracting(FacilityJudged::facilityVersion).containsExactly(2L, 3L);
            // 35 / 10 = 3.5 above; 8 / 10 = 0.8 not
            assertThat(judged).extracting(j -> j.releases().get(0).factor(), j -> j.releases().get(0).aboveThreshold())
                    .containsExactly(tuple(3.5, true), tuple(0.8, false));
            Document stored = mongo.findById(id, Document.class, "facility_judgements");
            assertThat(stored.get("facilityVersion", Number.class).longValue()).isEqualTo(3);
        }
    }

    @Test
    void aMalformedResultRecordedEndsOnTheContaminationDeadLetterTopicAndIsNotJudged() throws Exception {
        String key = "KZ-IT-" + UUID.randomUUID();
        try (TopicReader deadLetters = reader(Topics.deadLetter(Topics.CONTAMINATION))) {
            send(cloudEvent(Topics.CONTAMINATION, null, key, EventTypes.RESULT_RECORDED, "{\"resultId\": \"res-broken\", \"value\": "));

            List<ConsumerRecord<String, String>> parked = await().atMost(DEADLINE).pollInSameThread()
                    .until(() -> deadLetters.withKey(key), records -> !records.isEmpty());

            assertThat(parked).singleElement().satisfies(r -> assertThat(r.value()).startsWith("{\"resultId\": \"res-broken\""));
        }
        assertThat(mongo.count(Query.query(Criteria.where("_id").is("res-broken")), "result_judgements")).isZero();
    }

    private long outboxWaiting(String collection) {
        return mongo.count(Query.query(Criteria.where("outbox.0").exists(true)), collection);
    }
}
