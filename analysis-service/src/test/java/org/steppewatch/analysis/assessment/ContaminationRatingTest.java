package org.steppewatch.analysis.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.steppewatch.analysis.assessment.AssessmentDetails.SampleComparison;
import org.steppewatch.contracts.Severity;

/** One test per row of the table in {@link ContaminationRating}. */
class ContaminationRatingTest {

    private final ContaminationRating rating = new ContaminationRating();

    /** A soil sample at {@code ratio} × a 0.1 mg/kg limit of the given kind. */
    private static SampleComparison above(double ratio, boolean acute) {
        return new SampleComparison(0, "UDMH", "SOIL", 0.1 * ratio, "mg/kg", true, null, "KZ_MPC", "SOIL", 0.1, "mg/kg", null, null,
                0.1 * ratio, ratio, ExceedanceCheck.ABOVE, true, acute, "", "MPC", "MPC", "primary_report", "verified", null, null);
    }

    private Severity severity(SampleComparison... exceeding) {
        return rating.rate(List.of(exceeding)).orElseThrow().severity();
    }

    @Test
    void aHundredTimesAChronicSoilLimitIsModerateNotSevere() {
        // CAP Severe is a significant threat to life; a chronic MPC exceeded 100 or 1,230 times is not one by itself
        assertThat(severity(above(100, false))).isEqualTo(Severity.MODERATE);
        assertThat(severity(above(1230, false))).isEqualTo(Severity.MODERATE);
    }

    @Test
    void moderateFromTenTimesTheLimitMinorBelow() {
        assertThat(severity(above(10, false))).isEqualTo(Severity.MODERATE);
        assertThat(severity(above(9.99, false))).isEqualTo(Severity.MINOR);
        assertThat(severity(above(1.01, false))).isEqualTo(Severity.MINOR);
        // the highest ratio decides
        assertThat(severity(above(2, false), above(15, false))).isEqualTo(Severity.MODERATE);
    }

    @Test
    void severeOnlyAboveAnExplicitlyAcuteLimit() {
        assertThat(severity(above(1.5, true))).isEqualTo(Severity.SEVERE);
    }

    @Test
    void aNoticeIsUrgentInTheFutureAndObserved() {
        ContaminationRating.Rating r = rating.rate(List.of(above(1230, false))).orElseThrow();

        assertThat(r.urgency()).isEqualTo("Future");
        assertThat(r.certainty()).isEqualTo("Observed");
        assertThat(r.reason()).isEqualTo("contamination notice: the highest ratio is at least 10× a chronic limit: "
                + "UDMH in SOIL at 1230× the KZ_MPC limit");
    }

    @Test
    void withoutAnExceedanceThereIsNoNotice() {
        assertThat(rating.rate(List.of())).isEmpty();
    }
}
