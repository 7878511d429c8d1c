package org.steppewatch.analysis.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

/** One test per row of the tables in {@link SeverityRule}. */
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

    private static final Duration WINDOW = Duration.ofMinutes(120);

    /** A settlement with the ensemble's probabilities, given as level, P, level, P, ... */
    private static AffectedSettlement odds(String name, long population, Integer arrivalMinutes, Object... levelsAndP) {
        Map<String, Double> p = new LinkedHashMap<>();
        for (int i = 0; i < levelsAndP.length; i += 2) {
            p.put((String) levelsAndP[i], ((Number) levelsAndP[i + 1]).doubleValue());
        }
        String zone = p.entrySet().stream().filter(e -> e.getValue() >= 0.1).map(Map.Entry::getKey).findFirst().orElse(null);
        return new AffectedSettlement("x:" + name, name, null, null, population, 10, 90, zone, p, arrivalMinutes, 1.0);
    }

    private static AffectedSettlement in(String level, String name, long population) {
        return new AffectedSettlement("x:" + name, name, null, null, population, 10, 90, level);
    }

    private static AffectedSettlement nearby(String name, long population) {
        return new AffectedSettlement("x:" + name, name, null, null, population, 80, 90, null, Map.of("AEGL-3", 0.0, "AEGL-2", 0.0),
                null, 1.0);
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
    void extremeWhenAnAegl3ProbabilityOfTenPercentReachesASettlement() {
        assertThat(severity(SPILL, INSIDE, List.of(odds("Hamlet", 12, 30, "AEGL-3", 0.10, "AEGL-2", 0.4)), NO_SAMPLES))
                .isEqualTo(Severity.EXTREME);
        assertThat(SeverityRule.severity(SPILL, INSIDE, List.of(odds("Hamlet", 12, 30, "AEGL-3", 0.10)), NO_SAMPLES).reason())
                .isEqualTo("Hamlet: P(AEGL-3) 10 %");
        assertThat(severity(SPILL, INSIDE, List.of(odds("Hamlet", 12, 30, "AEGL-3", 0.099, "AEGL-2", 0.099)), NO_SAMPLES))
                .isEqualTo(Severity.MODERATE);
    }

    @Test
    void extremeWhenTenThousandPeopleAreExpectedAboveAegl2() {
        // 0.08 × 70,000 + 0.09 × 50,000 = 5,600 + 4,500 = 10,100 expected
        assertThat(severity(SPILL, INSIDE, List.of(odds("A", 70_000, 60, "AEGL-2", 0.08), odds("B", 50_000, 60, "AEGL-2", 0.09)),
                NO_SAMPLES)).isEqualTo(Severity.EXTREME);
        // 0.08 × 70,000 + 0.08 × 50,000 = 9,600: only the 1 % notice row
        assertThat(severity(SPILL, INSIDE, List.of(odds("A", 70_000, 60, "AEGL-2", 0.08), odds("B", 50_000, 60, "AEGL-2", 0.08)),
                NO_SAMPLES)).isEqualTo(Severity.MODERATE);
    }

    @Test
    void aWorstCaseCircleWithTinyProbabilitiesIsNotExtremeForAHundredThousandPeople() {
        // the 2007 case without a wind direction: both towns in the deterministic AEGL-3 circle, but 3 % of the directions
        List<AffectedSettlement> towns = List.of(odds("Zhezkazgan", 86_000, 500, "AEGL-3", 0.03, "AEGL-2", 0.04),
                odds("Satpayev", 37_000, 520, "AEGL-3", 0.02, "AEGL-2", 0.03));
        assertThat(severity(facts(IncidentCategory.LAUNCH_FAILURE, UDMH), OUTSIDE, towns, NO_SAMPLES)).isEqualTo(Severity.MODERATE);
    }

    @Test
    void severeWhenAnAegl2ProbabilityOfTenPercentOrTheReportedFootprintReachesASettlement() {
        assertThat(severity(SPILL, INSIDE, List.of(odds("Hamlet", 40, 30, "AEGL-3", 0.0, "AEGL-2", 0.1)), NO_SAMPLES))
                .isEqualTo(Severity.SEVERE);
        assertThat(severity(SPILL, INSIDE, List.of(in("REPORTED_FOOTPRINT", "Hamlet", 40)), NO_SAMPLES)).isEqualTo(Severity.SEVERE);
    }

    @Test
    void severeWhenTenThousandPeopleAreExpectedAboveAnyLevel() {
        // NO2 AEGL-1 at 0.09 over 120,000 people: 10,800 expected
        assertThat(severity(SPILL, INSIDE, List.of(odds("City", 120_000, 60, "AEGL-1", 0.09)), NO_SAMPLES)).isEqualTo(Severity.SEVERE);
        assertThat(severity(SPILL, INSIDE, List.of(odds("City", 100_000, 60, "AEGL-1", 0.09)), NO_SAMPLES)).isEqualTo(Severity.MINOR);
    }

    @Test
    void anOffNominalImpactThatReachesNobodyIsModerateNotSevere() {
        for (IncidentCategory impact : List.of(IncidentCategory.STAGE_IMPACT, IncidentCategory.LAUNCH_FAILURE)) {
            for (FallZoneFinding outside : List.of(OUTSIDE, FAR)) {
                assertThat(severity(facts(impact, UDMH), outside, List.of(nearby("Town", 9_000)), NO_SAMPLES))
                        .as(impact + " " + outside.status()).isEqualTo(Severity.MODERATE);
            }
        }
    }

    @Test
    void notModerateForANominalImpactAnImpactWithoutReleaseOrASpillOutsideTheZones() {
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
    void moderateForAnAegl1ProbabilityOfTenPercentAnAegl2OfOnePercentOrAScreeningCircle() {
        assertThat(severity(SPILL, INSIDE, List.of(odds("Hamlet", 300, 30, "AEGL-1", 0.1)), NO_SAMPLES)).isEqualTo(Severity.MODERATE);
        assertThat(severity(SPILL, INSIDE, List.of(odds("Hamlet", 300, 30, "AEGL-2", 0.01)), NO_SAMPLES)).isEqualTo(Severity.MODERATE);
        assertThat(severity(SPILL, INSIDE, List.of(odds("Hamlet", 300, 30, "AEGL-2", 0.009, "AEGL-1", 0.09)), NO_SAMPLES))
                .isEqualTo(Severity.MINOR);
        assertThat(severity(SPILL, INSIDE, List.of(in("SCREENING", "Hamlet", 300)), NO_SAMPLES)).isEqualTo(Severity.MODERATE);
    }

    @Test
    void nearbySettlementsOutsideEveryZoneAndSamplesDoNotRateTheAcuteHazard() {
        assertThat(severity(SPILL, INSIDE, List.of(nearby("Big town", 500_000)), NO_SAMPLES)).isEqualTo(Severity.MINOR);
        // measured contamination is rated apart (ContaminationRating), whatever its ratio
        assertThat(severity(facts(IncidentCategory.CONTAMINATION, List.of()), FAR, List.of(), sampleAt(1.5))).isEqualTo(Severity.MINOR);
    }

    @Test
    void minorOtherwise() {
        assertThat(severity(facts(IncidentCategory.OTHER, List.of()), FAR, List.of(), NO_SAMPLES)).isEqualTo(Severity.MINOR);
    }

    @Test
    void aegl3ReachingPeopleIsWorseThanAegl1() {
        List<AffectedSettlement> small = List.of(odds("Hamlet", 50, 30, "AEGL-3", 0.2));
        List<AffectedSettlement> large = List.of(odds("Town", 5_000, 30, "AEGL-1", 0.9));

        assertThat(severity(SPILL, INSIDE, small, NO_SAMPLES).atLeast(severity(SPILL, INSIDE, large, NO_SAMPLES))).isTrue();
        assertThat(severity(SPILL, INSIDE, small, NO_SAMPLES)).isNotEqualTo(severity(SPILL, INSIDE, large, NO_SAMPLES));
    }

    @Test
    void certaintyFollowsTheHighestProbabilityAtAnySettlement() {
        IncidentFacts facts = facts(IncidentCategory.LAUNCH_FAILURE, UDMH);
        assertThat(certainty(facts, odds("T", 500, 30, "AEGL-3", 0.1, "AEGL-2", 0.5))).isEqualTo("Likely");
        assertThat(certainty(facts, odds("T", 500, 30, "AEGL-3", 0.1, "AEGL-2", 0.499))).isEqualTo("Possible");
        assertThat(certainty(facts, odds("T", 500, 30, "AEGL-2", 0.1))).isEqualTo("Possible");
        assertThat(certainty(facts, odds("T", 500, 30, "AEGL-2", 0.099))).isEqualTo("Unlikely");
        assertThat(certainty(facts, nearby("T", 500))).isEqualTo("Unlikely");
        assertThat(certainty(facts, in("REPORTED_FOOTPRINT", "T", 500))).isEqualTo("Likely");
        assertThat(certainty(facts, in("SCREENING", "T", 500))).isEqualTo("Possible");
    }

    private String certainty(IncidentFacts facts, AffectedSettlement s) {
        return rule.rate(facts, FAR, List.of(s), NO_SAMPLES, WINDOW, OCCURRED).certainty();
    }

    @Test
    void aModelledHazardIsNotObservedBecauseOfASampleButASampleAloneIs() {
        IncidentFacts facts = facts(IncidentCategory.LAUNCH_FAILURE, UDMH);
        assertThat(rule.rate(facts, FAR, List.of(odds("T", 500, 30, "AEGL-2", 0.05)), sampleAt(5), WINDOW, OCCURRED).certainty())
                .isEqualTo("Unlikely");
        assertThat(rule.rate(facts(IncidentCategory.CONTAMINATION, List.of()), FAR, List.of(), sampleAt(5), null, OCCURRED).certainty())
                .isEqualTo("Observed");
    }

    @Test
    void urgencyIsImmediateWhenThePlumeArrivesWithinTheHourExpectedWhenLaterPastTwoDaysAfterTheWindow() {
        // released at t0, arrival at t0 + 90 min, window 120 min
        assertThat(SeverityRule.urgency(OCCURRED, WINDOW, 90, OCCURRED.plus(Duration.ofMinutes(29)))).isEqualTo("Expected");
        assertThat(SeverityRule.urgency(OCCURRED, WINDOW, 90, OCCURRED.plus(Duration.ofMinutes(30)))).isEqualTo("Immediate");
        assertThat(SeverityRule.urgency(OCCURRED, WINDOW, 90, OCCURRED.plus(Duration.ofMinutes(100)))).isEqualTo("Immediate");
        // the window ended: Immediate for 48 h (people were exposed), then Past
        assertThat(SeverityRule.urgency(OCCURRED, WINDOW, 90, OCCURRED.plus(Duration.ofMinutes(120 + 48 * 60)))).isEqualTo("Immediate");
        assertThat(SeverityRule.urgency(OCCURRED, WINDOW, 90, OCCURRED.plus(Duration.ofMinutes(120 + 48 * 60)).plusSeconds(1)))
                .isEqualTo("Past");
        // nobody reached, or nothing modelled: Immediate while recent, Past 48 h after the window
        assertThat(SeverityRule.urgency(OCCURRED, WINDOW, null, OCCURRED.plus(Duration.ofMinutes(5)))).isEqualTo("Immediate");
        assertThat(SeverityRule.urgency(OCCURRED, null, null, OCCURRED.plus(Duration.ofHours(48)).plusSeconds(1))).isEqualTo("Past");
        assertThat(SeverityRule.urgency(OCCURRED, null, null, OCCURRED.minusSeconds(30))).isEqualTo("Immediate");
        assertThat(SeverityRule.urgency(null, WINDOW, 90, OCCURRED)).isEqualTo("Unknown");
    }

    @Test
    void theEarliestArrivalIsTheSmallestOverTheSettlements() {
        assertThat(SeverityRule.earliestArrival(List.of(odds("A", 1, 95, "AEGL-2", 0.2), odds("B", 1, 40, "AEGL-2", 0.01), nearby("C", 1))))
                .isEqualTo(40);
        assertThat(SeverityRule.earliestArrival(List.of(nearby("C", 1)))).isNull();
    }

    @Test
    void rateCombinesTheThree() {
        SeverityRule.Rating rating = rule.rate(facts(IncidentCategory.LAUNCH_FAILURE, UDMH), FAR,
                List.of(odds("Baikonur", 70_000, 600, "AEGL-3", 0.3, "AEGL-2", 0.6)), sampleAt(1230), WINDOW,
                OCCURRED.plus(Duration.ofDays(400)));

        assertThat(rating.severity()).isEqualTo(Severity.EXTREME);
        assertThat(rating.urgency()).isEqualTo("Past");
        assertThat(rating.certainty()).isEqualTo("Likely");
        assertThat(rating.reason()).isEqualTo("Baikonur: P(AEGL-3) 30 %");
    }
}
