package org.steppewatch.analysis.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed.AffectedSettlement;
import org.steppewatch.contracts.IncidentAssessed.Exceedance;
import org.steppewatch.contracts.IncidentAssessed.FallZoneFinding;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.IncidentFacts.Release;
import org.steppewatch.contracts.Severity;

class SeverityRuleTest {

    private static final Instant OCCURRED = Instant.parse("2013-07-02T02:38:22Z");
    private static final FallZoneFinding INSIDE = new FallZoneFinding("INSIDE", "RP-15", "RP-15 Yu-24", 0.0, true);
    private static final FallZoneFinding OUTSIDE = new FallZoneFinding("OUTSIDE", "RP-25", "RP-25 Yu-24", 31.0, true);
    private static final FallZoneFinding FAR = new FallZoneFinding("NO_ZONE_NEARBY", "RP-25", "RP-25 Yu-24", 280.0, true);
    private static final Exceedance UDMH_SOIL = new Exceedance("UDMH", "SOIL", 123, 0.1, "mg/kg", 1230, "MPC");

    private final SeverityRule rule = new SeverityRule();

    private static IncidentFacts facts(IncidentCategory category, List<Release> releases) {
        return new IncidentFacts("t", category, OCCURRED, Geo.point(63, 46.05), null, null, null, releases, List.of(), null, null);
    }

    private static AffectedSettlement inZone(String name, long population) {
        return new AffectedSettlement("x:" + name, name, null, null, population, 10, 90, "SCREENING");
    }

    private static AffectedSettlement nearby(String name, long population) {
        return new AffectedSettlement("x:" + name, name, null, null, population, 80, 90, null);
    }

    private static final List<Release> UDMH = List.of(new Release("UDMH", 1000));

    @Test
    void extremeWhenSettlementsInsideHazardZonesTotalTenThousandPeople() {
        List<AffectedSettlement> people = List.of(inZone("A", 6_000), inZone("B", 4_000));

        assertThat(SeverityRule.severity(facts(IncidentCategory.FUEL_SPILL, UDMH), INSIDE, people, List.of())).isEqualTo(Severity.EXTREME);
    }

    @Test
    void severeWhenAnySettlementIsInsideAHazardZone() {
        List<AffectedSettlement> people = List.of(inZone("A", 6_000), inZone("B", 3_999));

        assertThat(SeverityRule.severity(facts(IncidentCategory.FUEL_SPILL, UDMH), INSIDE, people, List.of())).isEqualTo(Severity.SEVERE);
    }

    @Test
    void nearbySettlementsOutsideEveryZoneDoNotCount() {
        List<AffectedSettlement> people = List.of(nearby("Big town", 500_000));

        assertThat(SeverityRule.severity(facts(IncidentCategory.FUEL_SPILL, UDMH), INSIDE, people, List.of())).isEqualTo(Severity.MINOR);
    }

    @Test
    void severeForAnOffNominalImpactWithARelease() {
        for (IncidentCategory impact : List.of(IncidentCategory.STAGE_IMPACT, IncidentCategory.LAUNCH_FAILURE)) {
            for (FallZoneFinding outside : List.of(OUTSIDE, FAR)) {
                assertThat(SeverityRule.severity(facts(impact, UDMH), outside, List.of(), List.of())).as(impact + " " + outside.status())
                        .isEqualTo(Severity.SEVERE);
            }
        }
    }

    @Test
    void notSevereForANominalImpactAnImpactWithoutReleaseOrASpillOutsideTheZones() {
        assertThat(SeverityRule.severity(facts(IncidentCategory.STAGE_IMPACT, UDMH), INSIDE, List.of(), List.of())).isEqualTo(Severity.MINOR);
        assertThat(SeverityRule.severity(facts(IncidentCategory.STAGE_IMPACT, List.of()), OUTSIDE, List.of(), List.of())).isEqualTo(Severity.MINOR);
        assertThat(SeverityRule.severity(facts(IncidentCategory.FUEL_SPILL, UDMH), FAR, List.of(), List.of())).isEqualTo(Severity.MINOR);
    }

    @Test
    void moderateWhenASampleExceedsItsLimit() {
        assertThat(SeverityRule.severity(facts(IncidentCategory.CONTAMINATION, List.of()), FAR, List.of(), List.of(UDMH_SOIL)))
                .isEqualTo(Severity.MODERATE);
    }

    @Test
    void minorOtherwise() {
        assertThat(SeverityRule.severity(facts(IncidentCategory.OTHER, List.of()), FAR, List.of(), List.of())).isEqualTo(Severity.MINOR);
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
    void certaintyIsObservedOnlyWhenAMeasuredSampleExceedsItsLimit() {
        IncidentFacts facts = facts(IncidentCategory.LAUNCH_FAILURE, UDMH);

        assertThat(rule.rate(facts, FAR, List.of(), List.of(UDMH_SOIL), OCCURRED).certainty()).isEqualTo("Observed");
        assertThat(rule.rate(facts, FAR, List.of(), List.of(), OCCURRED).certainty()).isEqualTo("Likely");
    }

    @Test
    void rateCombinesTheThree() {
        SeverityRule.Rating rating = rule.rate(facts(IncidentCategory.LAUNCH_FAILURE, UDMH), FAR, List.of(inZone("Baikonur", 70_000)),
                List.of(UDMH_SOIL), OCCURRED.plus(Duration.ofDays(400)));

        assertThat(rating).isEqualTo(new SeverityRule.Rating(Severity.EXTREME, "Past", "Observed"));
    }
}
