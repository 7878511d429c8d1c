package org.steppewatch.analysis.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.Severity;

/** Which rating path sets an assessment's CAP terms: {@link IncidentAssessor#path}. */
class RatingPathTest {

    private final IncidentAssessor assessor = IncidentAssessor.withDefaults();

    /** A contamination report in the Ulytau steppe (no release, so no zone): one sample. */
    private static IncidentFacts contamination(IncidentFacts.Sample sample) {
        return new IncidentFacts("soil survey at a stage impact site", IncidentCategory.CONTAMINATION,
                Instant.parse("2024-06-01T06:00:00Z"), Geo.point(66.38, 47.23), null, null, null, List.of(), List.of(sample), null, null);
    }

    private IncidentAssessed assess(IncidentFacts facts) {
        return assessor.assess(HistoricalIncidentsScenarioTest.SHIPPED, "c-1", 1, facts, facts.occurredAt().plus(Duration.ofDays(3))).event();
    }

    @Test
    void measuredContaminationWithoutAnAirborneHazardIsANoticeRatedFromTheRatio() {
        // 123 mg/kg UDMH in soil: 1230 × the 0.1 mg/kg MPC, a chronic limit: Moderate, Future, Observed
        IncidentAssessed a = assess(contamination(new IncidentFacts.Sample("UDMH", "SOIL", 123, "mg/kg", null, null)));

        assertThat(a.hazardZones()).isEmpty();
        assertThat(a.path()).isEqualTo(IncidentAssessed.CONTAMINATION);
        assertThat(a.severity()).isEqualTo(Severity.MODERATE);
        assertThat(a.urgency()).isEqualTo("Future");
        assertThat(a.certainty()).isEqualTo("Observed");
    }

    @Test
    void aSmallExceedanceIsAMinorNotice() {
        // 0.5 mg/kg: 5 × the MPC
        IncidentAssessed a = assess(contamination(new IncidentFacts.Sample("UDMH", "SOIL", 0.5, "mg/kg", null, null)));

        assertThat(a.path()).isEqualTo(IncidentAssessed.CONTAMINATION);
        assertThat(a.severity()).isEqualTo(Severity.MINOR);
    }

    @Test
    void withoutAnExceedanceTheAssessmentStaysOnTheAcutePathAsMinor() {
        IncidentAssessed a = assess(contamination(new IncidentFacts.Sample("UDMH", "SOIL", 0.05, "mg/kg", null, null)));

        assertThat(a.path()).isEqualTo(IncidentAssessed.ACUTE);
        assertThat(a.severity()).isEqualTo(Severity.MINOR);
        assertThat(a.exceedances()).isEmpty();
    }

    @Test
    void drawnZonesOrAnAcuteRatingAboveMinorKeepTheAcutePath() {
        SeverityRule.Rating minor = new SeverityRule.Rating(Severity.MINOR, "Immediate", "Likely", "r");
        SeverityRule.Rating severe = new SeverityRule.Rating(Severity.SEVERE, "Immediate", "Likely", "r");
        var notice = java.util.Optional.of(new ContaminationRating.Rating(Severity.MODERATE, "Future", "Observed", "n"));

        assertThat(IncidentAssessor.path(minor, true, notice).path()).isEqualTo(IncidentAssessed.ACUTE);
        assertThat(IncidentAssessor.path(severe, false, notice).path()).isEqualTo(IncidentAssessed.ACUTE);
        assertThat(IncidentAssessor.path(minor, false, notice)).satisfies(p -> {
            assertThat(p.path()).isEqualTo(IncidentAssessed.CONTAMINATION);
            assertThat(p.urgency()).isEqualTo("Future");
        });
        assertThat(IncidentAssessor.path(minor, false, java.util.Optional.empty()).path()).isEqualTo(IncidentAssessed.ACUTE);
    }
}
