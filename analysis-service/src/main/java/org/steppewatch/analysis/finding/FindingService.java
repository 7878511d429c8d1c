package org.steppewatch.analysis.finding;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.steppewatch.analysis.reference.ReferenceData;
import org.steppewatch.contracts.FacilityJudged;
import org.steppewatch.contracts.FacilityReported;
import org.steppewatch.contracts.ResultJudged;
import org.steppewatch.contracts.ResultRecorded;

/**
 * Turns what analysts record into findings: a ResultJudged once per result, a FacilityJudged once per facility
 * version newer than the one judged. The check and the write are not one atomic step; the write itself refuses a
 * repeat, and one key's events are one partition's, handled in order by one consumer of the group.
 */
@Service
class FindingService {

    private static final Logger log = LoggerFactory.getLogger(FindingService.class);

    private final ReferenceData reference;
    private final FindingStore store;
    private final Clock clock;

    FindingService(ReferenceData reference, FindingStore store, Clock clock) {
        this.reference = reference;
        this.store = store;
        this.clock = clock;
    }

    void judge(ResultRecorded result) {
        if (result.resultId() == null || result.resultId().isBlank()) {
            throw new IllegalArgumentException("ResultRecorded without a resultId");
        }
        if (store.resultJudged(result.resultId())) {
            log.info("result {} is judged already; redelivered event ignored", result.resultId());
            return;
        }
        Instant now = clock.instant();
        ResultJudged judged = ResultJudging.judge(result, reference.current().substances(), now);
        if (store.insertWithEvent(judged, now)) {
            log.info("judged result {}: {} comparison(s), notice {}", result.resultId(), judged.comparisons().size(),
                    judged.notice() == null ? "none" : judged.notice().severity().cap());
        }
    }

    void judge(FacilityReported facility) {
        if (facility.facilityId() == null || facility.facilityId().isBlank()) {
            throw new IllegalArgumentException("FacilityReported without a facilityId");
        }
        long judged = store.judgedVersion(facility.facilityId());
        if (judged >= facility.version()) {
            log.info("facility {} v{} is judged already; version {} ignored", facility.facilityId(), judged, facility.version());
            return;
        }
        Instant now = clock.instant();
        FacilityJudged judgement = FacilityJudging.judge(facility, reference.current().substances(), now);
        if (store.replaceOlderWithEvent(judgement, now)) {
            log.info("judged facility {} v{}: {} of {} release(s) above the E-PRTR threshold", facility.facilityId(),
                    facility.version(), judgement.releases().stream().filter(FacilityJudged.ReleaseJudgement::aboveThreshold).count(),
                    judgement.releases().size());
        }
    }
}
