package org.steppewatch.analysis.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.steppewatch.analysis.substance.SubstanceTable;
import org.steppewatch.contracts.FacilityJudged;
import org.steppewatch.contracts.FacilityJudged.ReleaseJudgement;
import org.steppewatch.contracts.FacilityReported;
import org.steppewatch.contracts.FacilityReported.AnnualRelease;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.ResultJudged;
import org.steppewatch.contracts.ResultJudged.LimitComparison;
import org.steppewatch.contracts.ResultRecorded;
import org.steppewatch.contracts.Severity;

/**
 * Expected values are hand-computed from the rows of limit_values.csv: WHO NDMA drinking_water 0.0001 mg/L,
 * KZ_MPC NDMA water 0.01 mg/L; E-PRTR Annex II Hg air 10, Hg water 1, PCB air 0.1 kg/year, NOx none to water.
 */
class JudgingTest {

    private static final SubstanceTable TABLE = SubstanceTable.shipped();
    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-11-20");

    static ResultRecorded result(String substance, String medium, Double value, Double valueMax, String qualifier,
                                 Boolean detected, Double detectionLimit, String unit, String statistic) {
        return new ResultRecorded("res-" + substance + "-" + medium, "KZ-TEST", null, null, Geo.point(63.3, 47.6), substance,
                medium, value, valueMax, qualifier, detected, detectionLimit, null, unit, null, statistic, null, DAY, DAY, null,
                null, null, null, null, "aigerim", NOW);
    }

    private static ResultJudged judge(ResultRecorded result) {
        return ResultJudging.judge(result, TABLE, NOW);
    }

    @Test
    void ndmaAt0point02MgPerLitreInDrinkingWaterIs200TimesTheWhoValueAnd2TimesTheKazakhMpc() {
        ResultJudged judged = judge(result("NDMA", "drinking_water", 0.02, null, null, true, null, "mg/L", "SINGLE"));

        assertThat(judged.comparisons())
                .extracting(LimitComparison::regime, LimitComparison::limitMedium, LimitComparison::limit, LimitComparison::ratio,
                        LimitComparison::outcome, LimitComparison::regimeVerdict)
                .containsExactlyInAnyOrder(
                        tuple("WHO", "DRINKING_WATER", 0.0001, 200.0, "ABOVE", true),
                        tuple("KZ_MPC", "WATER", 0.01, 2.0, "ABOVE", true));
        // the highest ratio 200 is at least 10×, and neither value is an acute one: Moderate
        assertThat(judged.notice().severity()).isEqualTo(Severity.MODERATE);
        assertThat(judged.notice().highestRatio()).isEqualTo(200.0);
        assertThat(judged.notice().regime()).isEqualTo("WHO");
        assertThat(judged.notice().urgency()).isEqualTo("Future");
        assertThat(judged.notice().certainty()).isEqualTo("Observed");
        assertThat(judged.notChecked()).isEmpty();
        assertThat(judged.limitValuesVersion()).isEqualTo(TABLE.version()).startsWith("sha256:");
        assertThat(judged.resultId()).isEqualTo("res-NDMA-drinking_water");
        assertThat(judged.judgedAt()).isEqualTo(NOW);
    }

    @Test
    void ndmaAt0point005MgPerLitreIsWithinTheKazakhMpcButAboveTheWhoValueSoTheNoticeIsRatedOnWho() {
        ResultJudged judged = judge(result("NDMA", "water", 0.005, null, null, null, null, "mg/L", "SINGLE"));

        // 0.005 / 0.01 = 0.5 within; 0.005 / 0.0001 = 50 above
        assertThat(judged.comparisons()).extracting(LimitComparison::regime, LimitComparison::ratio, LimitComparison::outcome)
                .containsExactlyInAnyOrder(tuple("KZ_MPC", 0.5, "WITHIN"), tuple("WHO", 50.0, "ABOVE"));
        assertThat(judged.notice().highestRatio()).isEqualTo(50.0);
        assertThat(judged.notice().severity()).isEqualTo(Severity.MODERATE);
    }

    @Test
    void aPublishedRangeIsJudgedByItsUpperEndAndSaysSo() {
        // NDMA in groundwater 0.01-0.13 mg/L: 0.13 / 0.01 = 13× the KZ MPC, 0.13 / 0.0001 = 1300× the WHO value
        ResultJudged judged = judge(result("NDMA", "groundwater", 0.01, 0.13, null, null, null, "mg/L", "RANGE"));

        assertThat(judged.comparisons()).extracting(LimitComparison::regime, LimitComparison::comparedValue, LimitComparison::ratio)
                .containsExactlyInAnyOrder(tuple("KZ_MPC", 0.13, 13.0), tuple("WHO", 0.13, 1300.0));
        assertThat(judged.comparisons()).allSatisfy(c ->
                assertThat(c.statement()).startsWith("the upper end of the range 0.01–0.13 mg/L is compared: above the"));
        assertThat(judged.notice().highestRatio()).isEqualTo(1300.0);
    }

    @Test
    void aRangeWhoseLowerEndIsQualifiedLessThanIsStillJudgedByItsUpperEnd() {
        // "< 0.001 to 0.13 mg/L": the < belongs to the lower end; 0.13 is 13× the KZ MPC
        ResultJudged judged = judge(result("NDMA", "groundwater", 0.001, 0.13, "<", null, null, "mg/L", "RANGE"));

        assertThat(judged.comparisons()).extracting(LimitComparison::regime, LimitComparison::outcome, LimitComparison::ratio)
                .containsExactlyInAnyOrder(tuple("KZ_MPC", "ABOVE", 13.0), tuple("WHO", "ABOVE", 1300.0));
    }

    @Test
    void aValueQualifiedLessThanIsAnUpperBoundNeverAnExceedance() {
        // < 0.005 mg/L: within the KZ MPC of 0.01 (compliance shown), above the WHO 0.0001 (compliance not shown)
        ResultJudged judged = judge(result("NDMA", "water", 0.005, null, "<", null, null, "mg/L", "SINGLE"));

        assertThat(judged.comparisons()).extracting(LimitComparison::regime, LimitComparison::outcome, LimitComparison::ratio)
                .containsExactlyInAnyOrder(tuple("KZ_MPC", "NON_DETECT_WITHIN", null), tuple("WHO", "NON_DETECT_NOT_SHOWN", null));
        assertThat(judged.comparisons()).allSatisfy(c -> assertThat(c.statement()).startsWith("reported as < 0.005 mg/L"));
        assertThat(judged.notice()).isNull();
    }

    @Test
    void aLowerBoundWithinALimitShowsNothingButAboveOneIsAnExceedance() {
        // > 0.005 mg/L: at least 50× the WHO value, but nothing can be said against the KZ MPC of 0.01
        ResultJudged judged = judge(result("NDMA", "water", 0.005, null, ">", null, null, "mg/L", "MAX"));

        assertThat(judged.comparisons()).extracting(LimitComparison::regime, LimitComparison::outcome, LimitComparison::regimeVerdict)
                .containsExactlyInAnyOrder(tuple("KZ_MPC", "NOT_COMPARED", false), tuple("WHO", "ABOVE", true));
        assertThat(judged.notice().regime()).isEqualTo("WHO");
    }

    @Test
    void aNonDetectIsNeverAnExceedance() {
        ResultJudged judged = judge(result("NDMA", "water", null, null, null, false, 0.00005, "mg/L", "SINGLE"));

        assertThat(judged.comparisons()).extracting(LimitComparison::outcome).containsOnly("NON_DETECT_WITHIN");
        assertThat(judged.notice()).isNull();
    }

    @Test
    void multiplesOfTheMpcTonnesAndSharesAreNotComparedAndSayWhy() {
        List<String> units = List.of("x_MPC", "t", "% of samples above MPC");
        for (String unit : units) {
            ResultJudged judged = judge(result("HG", "soil", 8.0, null, null, null, null, unit, "MULTIPLE_OF_LIMIT"));

            assertThat(judged.comparisons()).as(unit).isEmpty();
            assertThat(judged.notice()).as(unit).isNull();
            assertThat(judged.notChecked()).as(unit).singleElement().asString().startsWith("HG in SOIL ('" + unit + "' is a");
        }
        assertThat(judge(result("HG", "soil", 8.0, null, null, null, null, "x_MPC", "MULTIPLE_OF_LIMIT")).notChecked().get(0))
                .contains("multiple of a limit");
    }

    @Test
    void aMediumWithoutALimitIsNotCheckedWithTheReason() {
        ResultJudged judged = judge(result("HG", "sediment", 150.0, 240.0, null, null, null, "mg/kg", "RANGE"));

        assertThat(judged.notice()).isNull();
        assertThat(judged.notChecked()).singleElement().asString().startsWith("HG in SEDIMENT (no limit on file");
    }

    @Test
    void mercuryToAir35KgAYearIs3point5TimesTheEprtrThresholdOf10() {
        FacilityReported facility = new FacilityReported("fac-temirtau", 2, "Example plant", "Example operator", null,
                Geo.point(72.96, 50.05), true, "example", List.of(
                        new AnnualRelease(2023, "HG", "air", 35.0, "E"),
                        new AnnualRelease(2023, "HG", "water", 0.5, "M"),
                        new AnnualRelease(2023, "PCB", "air", 0.25, "C"),
                        new AnnualRelease(2023, "NOX", "water", 5000.0, "E")),
                "aigerim", NOW);

        FacilityJudged judged = FacilityJudging.judge(facility, TABLE, NOW);

        assertThat(judged.facilityId()).isEqualTo("fac-temirtau");
        assertThat(judged.facilityVersion()).isEqualTo(2);
        assertThat(judged.limitValuesVersion()).isEqualTo(TABLE.version());
        assertThat(judged.releases())
                .extracting(ReleaseJudgement::pollutant, ReleaseJudgement::medium, ReleaseJudgement::thresholdKg,
                        ReleaseJudgement::factor, ReleaseJudgement::aboveThreshold)
                .containsExactly(
                        tuple("HG", "air", 10.0, 3.5, true),
                        tuple("HG", "water", 1.0, 0.5, false),
                        tuple("PCB", "air", 0.1, 2.5, true),
                        tuple("NOX", "water", null, null, false));
        assertThat(judged.releases().get(0).thresholdSource()).isEqualTo("Regulation (EC) No 166/2006 (E-PRTR), Annex II");
    }

    @Test
    void aReleaseExactlyAtItsThresholdIsNotAboveIt() {
        ReleaseJudgement at = FacilityJudging.judge(new AnnualRelease(2023, "PB", "water", 20.0, "M"), TABLE.reportingThresholds());

        assertThat(at.factor()).isEqualTo(1.0);
        assertThat(at.aboveThreshold()).isFalse();
    }

    @Test
    void dioxinsAreJudgedAgainstTheAnnexIiRowForPcddAndPcdf() {
        // Annex II: PCDD + PCDF (as Teq), air, 0.0001 kg/year; 0.0003 kg is three times that
        ReleaseJudgement dioxins = FacilityJudging.judge(new AnnualRelease(2023, "DIOXINS", "air", 0.0003, "E"),
                TABLE.reportingThresholds());

        assertThat(dioxins.thresholdKg()).isEqualTo(0.0001);
        assertThat(dioxins.factor()).isEqualTo(3.0);
        assertThat(dioxins.aboveThreshold()).isTrue();
    }

    @Test
    void aProposedValueIsComparedAndShownButTheSeverityRestsOnTheValuesInForce() {
        // 1.2 µg/L of mercury in river water: the EU's proposed MAC-QS 0.07 µg/L gives 17.1× (not law); the values
        // in force give 1.2 / 0.5 (KZ MPC) = 2.4× and 1.2 / 1 (EU drinking water) = 1.2×: Minor on the KZ MPC
        ResultJudged judged = judge(result("HG", "water", 1.2, null, null, true, null, "ug/L", "SINGLE"));

        assertThat(judged.comparisons()).filteredOn(c -> "ABOVE".equals(c.outcome()))
                .extracting(LimitComparison::regime, LimitComparison::ratio)
                .contains(tuple("EU_WFD_EQS_PROPOSED", 17.1), tuple("KZ_MPC", 2.4), tuple("EU", 1.2));
        assertThat(judged.notice().severity()).isEqualTo(Severity.MINOR);
        assertThat(judged.notice().highestRatio()).isEqualTo(2.4);
        assertThat(judged.notice().regime()).isEqualTo("KZ_MPC");
    }

    @Test
    void aResultAboveOnlyAProposedValueWarrantsAMinorNoticeThatSaysSo() {
        // 0.3 µg/L: 0.3 / 0.07 = 4.3× the proposal; within the KZ MPC (0.6×) and the EU value (0.3×)
        ResultJudged judged = judge(result("HG", "water", 0.3, null, null, true, null, "ug/L", "SINGLE"));

        assertThat(judged.notice().severity()).isEqualTo(Severity.MINOR);
        assertThat(judged.notice().regime()).isEqualTo("EU_WFD_EQS_PROPOSED");
        assertThat(judged.notice().reason()).contains("only a proposed value, not law, is exceeded");
    }
}
