package org.steppewatch.analysis.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.steppewatch.analysis.assessment.AssessmentDetails.SampleComparison;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed.AffectedSettlement;
import org.steppewatch.contracts.IncidentAssessed.Exceedance;
import org.steppewatch.contracts.IncidentAssessed.FallZoneFinding;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.IncidentFacts.Release;
import org.steppewatch.contracts.Severity;

/** One test per row of the table in {@link SeverityRule}. */
class SeverityRuleTest {

    private static final Instant OCCURRED = Instant.parse("2013-07-02T02:38:22Z");
    private static final FallZoneFinding INSIDE = new FallZoneFinding("INSIDE", "RP-15", "RP-15 Yu-24", 0.0, true);
    private static final FallZoneFinding OUTSIDE = new FallZoneFinding("OUTSIDE", "RP-25", "RP-25 Yu-24", 31.0, true);
    private static final FallZoneFinding FAR = new FallZoneFinding("NO_ZONE_NEARBY", "RP-25", "RP-25 Yu-24", 280.0, true);
    private static final List<Release> UDMH = List.of(new Release("UDMH", 1000));
    private static final ExceedanceCheck.Result NO_SAMPLES = new ExceedanceCheck.Result(List.of(), List.of(), List.of());

    private final SeverityRule rule = new SeverityRule();

    private static IncidentFacts facts(IncidentCategory category, List<Release> releases) {
        return new IncidentFacts("t", category, OCCURRED, Geo.point(63, 46.05), null, null, null, releases, List.of(), null, null);
    }

    private static AffectedSettlement in(String level, String name, long population) {
        return new AffectedSettlement("x:" + name, name, null, null, population, 10, 90, level);
    }

    private static AffectedSettlement nearby(String name, long population) {
        return new AffectedSettlement("x:" + name, name, null, null, population, 80, 90, null);
    }

    /** A soil sample at {@code ratio} × a 0.1 mg/kg limit. */
    private static ExceedanceCheck.Result sampleAt(double ratio) {
        double value = 0.1 * ratio;
        SampleComparison c = new SampleComparison(0, "UDMH", "SOIL", value, "mg/kg", true, null, "KZ_MPC", "SOIL", 0.1, "mg/kg", null,
                null, value, ratio, ratio > 1 ? ExceedanceCheck.ABOVE : ExceedanceCheck.WITHIN, true, false, "", "MPC", "MPC",
                "primary_report", "verified", null, null);
        List<Exceedance> exceedances = ratio > 1 ? List.of(new Exceedance("UDMH", "SOIL", value, 0.1, "mg/kg", ratio, "MPC", "KZ_MPC"))
                : List.of();
        return new ExceedanceCheck.Result(exceedances, List.of(c), List.of());
    }

    private static Severity severity(IncidentFacts facts, FallZoneFinding fallZone, List<AffectedSettlement> people,
                                     ExceedanceCheck.Result samples) {
        return SeverityRule.severity(facts, fallZone, people, samples).severity();
    }

    private static final IncidentFacts SPILL = facts(IncidentCategory.FUEL_SPILL, UDMH);

    @Test
    void extremeWhenAnySettlementIsInsideAnAegl3Zone() {
        assertThat(severity(SPILL, INSIDE, List.of(in("AEGL-3", "Hamlet", 12)), NO_SAMPLES)).isEqualTo(Severity.EXTREME);
        assertThat(SeverityRule.severity(SPILL, INSIDE, List.of(in("AEGL-3", "Hamlet", 0)), NO_SAMPLES).reason()).contains("AEGL-3");
    }

    @Test
    void extremeWhenAegl2OrFootprintZonesHoldTenThousandPeople() {
        assertThat(severity(SPILL, INSIDE, List.of(in("AEGL-2", "A", 6_000), in("REPORTED_FOOTPRINT", "B", 4_000)), NO_SAMPLES))
                .isEqualTo(Severity.EXTREME);
        assertThat(severity(SPILL, INSIDE, List.of(in("AEGL-2", "A", 6_000), in("AEGL-2", "B", 3_999)), NO_SAMPLES))
                .isEqualTo(Severity.SEVERE);
    }

    @Test
    void severeWhenAnySettlementIsInsideAnAegl2OrFootprintZone() {
        assertThat(severity(SPILL, INSIDE, List.of(in("AEGL-2", "Hamlet", 40)), NO_SAMPLES)).isEqualTo(Severity.SEVERE);
        assertThat(severity(SPILL, INSIDE, List.of(in("REPORTED_FOOTPRINT", "Hamlet", 40)), NO_SAMPLES)).isEqualTo(Severity.SEVERE);
    }

    @Test
    void severeWhenAnyZonesHoldTenThousandPeopleAndModerateBelow() {
        assertThat(severity(SPILL, INSIDE, List.of(in("AEGL-1", "A", 9_000), in("SCREENING", "B", 1_000)), NO_SAMPLES))
                .isEqualTo(Severity.SEVERE);
        assertThat(severity(SPILL, INSIDE, List.of(in("AEGL-1", "A", 9_000), in("SCREENING", "B", 999)), NO_SAMPLES))
                .isEqualTo(Severity.MODERATE);
    }

    @Test
    void severeForAnOffNominalImpactWithARelease() {
        for (IncidentCategory impact : List.of(IncidentCategory.STAGE_IMPACT, IncidentCategory.LAUNCH_FAILURE)) {
            for (FallZoneFinding outside : List.of(OUTSIDE, FAR)) {
                assertThat(severity(facts(impact, UDMH), outside, List.of(), NO_SAMPLES)).as(impact + " " + outside.status())
                        .isEqualTo(Severity.SEVERE);
            }
        }
    }

    @Test
    void notSevereForANominalImpactAnImpactWithoutReleaseOrASpillOutsideTheZones() {
        assertThat(severity(facts(IncidentCategory.STAGE_IMPACT, UDMH), INSIDE, List.of(), NO_SAMPLES)).isEqualTo(Severity.MINOR);
        assertThat(severity(facts(IncidentCategory.STAGE_IMPACT, List.of()), OUTSIDE, List.of(), NO_SAMPLES)).isEqualTo(Severity.MINOR);
        assertThat(severity(SPILL, FAR, List.of(), NO_SAMPLES)).isEqualTo(Severity.MINOR);
    }

    @Test
    void samplesDoNotRateTheAcuteHazardHowEverFarAboveTheirLimit() {
        // measured contamination is a notice of its own (ContaminationRating): 1,230 × a soil MPC is no airborne threat
        assertThat(severity(facts(IncidentCategory.CONTAMINATION, List.of()), FAR, List.of(), sampleAt(1230))).isEqualTo(Severity.MINOR);
    }

    @Test
    void moderateWhenASettlementIsInsideAnAegl1OrScreeningZone() {
        assertThat(severity(SPILL, INSIDE, List.of(in("AEGL-1", "Hamlet", 300)), NO_SAMPLES)).isEqualTo(Severity.MODERATE);
        assertThat(severity(SPILL, INSIDE, List.of(in("SCREENING", "Hamlet", 300)), NO_SAMPLES)).isEqualTo(Severity.MODERATE);
    }

    @Test
    void nearbySettlementsOutsideEveryZoneDoNotCount() {
        assertThat(severity(SPILL, INSIDE, List.of(nearby("Big town", 500_000)), NO_SAMPLES)).isEqualTo(Severity.MINOR);
    }

    @Test
    void minorOtherwise() {
        assertThat(severity(facts(IncidentCategory.OTHER, List.of()), FAR, List.of(), NO_SAMPLES)).isEqualTo(Severity.MINOR);
    }

    @Test
    void aegl3ReachingPeopleIsWorseThanAegl1() {
        List<AffectedSettlement> small = List.of(in("AEGL-3", "Hamlet", 50));
        List<AffectedSettlement> large = List.of(in("AEGL-1", "Town", 5_000));

        assertThat(severity(SPILL, INSIDE, small, NO_SAMPLES).atLeast(severity(SPILL, INSIDE, large, NO_SAMPLES))).isTrue();
        assertThat(severity(SPILL, INSIDE, small, NO_SAMPLES)).isNotEqualTo(severity(SPILL, INSIDE, large, NO_SAMPLES));
    }

    @Test
    void urgencyIsImmediateWithin48HoursOfTheIncidentAndPastAfter() {
        assertThat(SeverityRule.urgency(OCCURRED, OCCURRED.plus(Duration.ofMinutes(5)))).isEqualTo("Immediate");
        assertThat(SeverityRule.urgency(OCCURRED, OCCURRED.plus(Duration.ofHours(48)))).isEqualTo("Immediate");
        assertThat(SeverityRule.urgency(OCCURRED, OCCURRED.plus(Duration.ofHours(48)).plusSeconds(1))).isEqualTo("Past");
        assertThat(SeverityRule.urgency(OCCURRED, OCCURRED.minusSeconds(30))).isEqualTo("Immediate");
        assertThat(SeverityRule.urgency(null, OCCURRED)).isEqualTo("Unknown");
    }

    @Test
    void certaintyIsPossibleForPeopleOnlyInDirectionlessZonesElseLikelyAndASoilSampleDoesNotMakeItObserved() {
        IncidentFacts facts = facts(IncidentCategory.LAUNCH_FAILURE, UDMH);
        List<AffectedSettlement> people = List.of(in("AEGL-2", "Town", 500));

        // a soil exceedance says nothing of where the modelled plume went
        assertThat(rule.rate(facts, FAR, people, sampleAt(5), true, OCCURRED).certainty()).isEqualTo("Possible");
        assertThat(rule.rate(facts, FAR, people, sampleAt(5), false, OCCURRED).certainty()).isEqualTo("Likely");
        assertThat(rule.rate(facts, FAR, people, NO_SAMPLES, true, OCCURRED).certainty()).isEqualTo("Possible");
        assertThat(rule.rate(facts, FAR, people, NO_SAMPLES, false, OCCURRED).certainty()).isEqualTo("Likely");
        assertThat(rule.rate(facts, FAR, List.of(nearby("Town", 500)), NO_SAMPLES, true, OCCURRED).certainty()).isEqualTo("Likely");
    }

    @Test
    void rateCombinesTheThree() {
        SeverityRule.Rating rating = rule.rate(facts(IncidentCategory.LAUNCH_FAILURE, UDMH), FAR, List.of(in("AEGL-3", "Baikonur", 70_000)),
                sampleAt(1230), false, OCCURRED.plus(Duration.ofDays(400)));

        assertThat(rating.severity()).isEqualTo(Severity.EXTREME);
        assertThat(rating.urgency()).isEqualTo("Past");
        assertThat(rating.certainty()).isEqualTo("Likely");
        assertThat(rating.reason()).isEqualTo("a settlement is inside an AEGL-3 zone");
    }
}
