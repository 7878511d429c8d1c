package org.steppewatch.contracts;

import java.time.Instant;
import java.util.List;

/**
 * analysis-service compared a facility's annual releases with the E-PRTR Annex II reporting thresholds, on
 * {@link Topics#FINDINGS}. A threshold is a reporting trigger, not a limit value: above it, an EU facility would have
 * to report the release; it says nothing about harm.
 *
 * @param facilityId      the facility
 * @param facilityVersion the {@link FacilityReported#version()} judged
 * @param releases        one row per release, with its threshold (null when Annex II lists none)
 * @param judgedAt        when
 */
public record FacilityJudged(String facilityId, long facilityVersion, List<ReleaseJudgement> releases,
                             String limitValuesVersion, Instant judgedAt) implements ContaminationEvent {

    public FacilityJudged {
        releases = releases == null ? List.of() : List.copyOf(releases);
    }

    @Override
    public String key() {
        return facilityId;
    }

    @Override
    public String eventType() {
        return EventTypes.FACILITY_JUDGED;
    }

    @Override
    public String topic() {
        return Topics.FINDINGS;
    }

    @Override
    public long sequence() {
        return facilityVersion;
    }

    /**
     * @param thresholdKg     the E-PRTR Annex II threshold for the pollutant and medium, kg/year, or null when none
     * @param factor          amountKg / thresholdKg, or null without a threshold
     * @param aboveThreshold  factor above 1
     * @param thresholdSource the threshold's source (Regulation (EC) No 166/2006, Annex II), or null
     */
    public record ReleaseJudgement(int year, String pollutant, String medium, double amountKg, Double thresholdKg,
                                   Double factor, boolean aboveThreshold, String thresholdSource) {
    }
}
