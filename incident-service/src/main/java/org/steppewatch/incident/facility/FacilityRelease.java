package org.steppewatch.incident.facility;

import org.steppewatch.contracts.FacilityJudged.ReleaseJudgement;
import org.steppewatch.contracts.FacilityReported.AnnualRelease;

/**
 * One annual release of a facility with its judgement against the E-PRTR Annex II threshold. Until analysis-service
 * judged it, {@code judged} is false and the threshold fields are null (and it does not count as above).
 *
 * @param thresholdKg     kg/year, null when not judged yet or when Annex II lists none for the pollutant and medium
 * @param factor          amountKg / thresholdKg, null without a threshold
 * @param aboveThreshold  factor above 1
 */
record FacilityRelease(int year, String pollutant, String medium, double amountKg, String method, Double thresholdKg,
                       Double factor, boolean aboveThreshold, String thresholdSource, boolean judged) {

    static FacilityRelease unjudged(int year, String pollutant, String medium, double amountKg, String method) {
        return new FacilityRelease(year, pollutant, medium, amountKg, method, null, null, false, null, false);
    }

    AnnualRelease annual() {
        return new AnnualRelease(year, pollutant, medium, amountKg, method);
    }

    /** The same release (year, pollutant and medium): a facility reports one amount for each. */
    boolean sameAs(FacilityRelease other) {
        return year == other.year && pollutant.equals(other.pollutant) && medium.equals(other.medium);
    }

    /** Whether the judgement is of this very release: same year, pollutant, medium and amount. */
    boolean judgedBy(ReleaseJudgement judgement) {
        return year == judgement.year() && pollutant.equals(judgement.pollutant()) && medium.equals(judgement.medium())
                && Double.compare(amountKg, judgement.amountKg()) == 0;
    }

    FacilityRelease with(ReleaseJudgement j) {
        return new FacilityRelease(year, pollutant, medium, amountKg, method, j.thresholdKg(), j.factor(),
                j.aboveThreshold(), j.thresholdSource(), true);
    }

    /** Whether the release matches a list filter (null = any). */
    boolean matches(String pollutant, Integer year, boolean aboveOnly) {
        return (pollutant == null || pollutant.equals(this.pollutant)) && (year == null || year == this.year)
                && (!aboveOnly || aboveThreshold);
    }
}
