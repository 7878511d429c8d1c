package org.steppewatch.analysis.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.steppewatch.analysis.assessment.AssessmentDetails.SampleComparison;
import org.steppewatch.analysis.substance.SubstanceTable;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed.Exceedance;
import org.steppewatch.contracts.IncidentFacts.Sample;

class ExceedanceCheckTest {

    private static final SubstanceTable TABLE = SubstanceTable.shipped();
    private static final Instant JULY_2013 = Instant.parse("2013-07-03T10:00:00Z");
    private final ExceedanceCheck check = new ExceedanceCheck();

    private static Sample sample(String substance, String medium, double value, String unit) {
        return sampledAt(substance, medium, value, unit, JULY_2013);
    }

    private static Sample sampledAt(String substance, String medium, double value, String unit, Instant at) {
        return new Sample(substance, medium, value, unit, Geo.point(63.0, 46.05), at);
    }

    private static Sample nonDetect(String substance, String medium, double detectionLimit, String unit) {
        return new Sample(substance, medium, null, unit, Geo.point(63.0, 46.05), JULY_2013, false, detectionLimit);
    }

    private ExceedanceCheck.Result check(Sample... samples) {
        return check.check(List.of(samples), TABLE, JULY_2013);
    }

    @Test
    void udmhAt123MgPerKgInSoilIs1230TimesTheKazakhMpc() {
        ExceedanceCheck.Result result = check(sample("UDMH", "SOIL", 123, "mg/kg"));

        assertThat(result.exceedances()).singleElement().satisfies(e -> {
            assertThat(e.substance()).isEqualTo("UDMH");
            assertThat(e.medium()).isEqualTo("SOIL");
            assertThat(e.value()).isEqualTo(123.0);
            assertThat(e.limit()).isEqualTo(0.1);
            assertThat(e.unit()).isEqualTo("mg/kg");
            assertThat(e.ratio()).isEqualTo(1230.0);
            assertThat(e.regime()).isEqualTo("KZ_MPC");
            assertThat(e.limitSource()).contains("Yu-24");
        });
        assertThat(result.comparisons()).singleElement().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(ExceedanceCheck.ABOVE);
            assertThat(c.regimeVerdict()).isTrue();
            assertThat(c.limitConfidence()).isEqualTo("verified");
            assertThat(c.statement()).isEqualTo("above the KZ_MPC limit: 123 mg/kg is 1230× 0.1 mg/kg");
        });
        assertThat(result.notChecked()).isEmpty();
    }

    @Test
    void ndmaInDrinkingWaterIsComparedWithTheKazakhMpcAndTheWhoGuidelineSideBySide() {
        // 0.005 mg/L: 0.005 / 0.0001 = 50 × the WHO guideline (above), 0.005 / 0.01 = 0.5 × the KZ MPC (within);
        // the values of the sample's own medium come first
        ExceedanceCheck.Result low = check(sample("NDMA", "DRINKING_WATER", 0.005, "mg/L"));

        assertThat(low.comparisons()).extracting(SampleComparison::regime, SampleComparison::limit, SampleComparison::ratio,
                SampleComparison::outcome).containsExactly(tuple("WHO", 0.0001, 50.0, "ABOVE"), tuple("KZ_MPC", 0.01, 0.5, "WITHIN"));
        assertThat(low.exceedances()).extracting(Exceedance::regime, Exceedance::ratio).containsExactly(tuple("WHO", 50.0));

        // 0.02 mg/L: 2 × the MPC and 200 × the guideline: two entries, one per regime
        ExceedanceCheck.Result high = check(sample("NDMA", "DRINKING_WATER", 0.02, "mg/L"));

        assertThat(high.exceedances()).extracting(Exceedance::regime, Exceedance::limit, Exceedance::ratio)
                .containsExactly(tuple("WHO", 0.0001, 200.0), tuple("KZ_MPC", 0.01, 2.0));
        assertThat(high.comparisons()).extracting(SampleComparison::limitMedium).containsExactly("DRINKING_WATER", "WATER");
    }

    @Test
    void waterSamplesConvertBetweenMicrogramsAndMilligramsPerLitreAndMeetTheDrinkingWaterValuesToo() {
        // NDMA 50 µg/L = 0.05 mg/L: 5 × 0.01 (KZ MPC), 500 × 0.0001 (WHO); UDMH 0.5 mg/L: 25 × 0.02 (KZ MPC)
        List<Exceedance> exceedances = check(sample("NDMA", "water", 50, "µg/L"), sample("UDMH", "WATER", 0.5, "mg/l")).exceedances();

        assertThat(exceedances).extracting(Exceedance::substance, Exceedance::regime, Exceedance::value, Exceedance::ratio)
                .containsExactly(tuple("NDMA", "KZ_MPC", 0.05, 5.0), tuple("NDMA", "WHO", 0.05, 500.0),
                        tuple("UDMH", "KZ_MPC", 0.5, 25.0));
    }

    @Test
    void aNonDetectIsNeverAZeroNorAnExceedanceAndSaysWhenItCannotShowCompliance() {
        // detection limit 0.005 mg/L: under the KZ MPC of 0.01, above the WHO guideline of 0.0001
        ExceedanceCheck.Result result = check(nonDetect("NDMA", "DRINKING_WATER", 0.005, "mg/L"));

        assertThat(result.exceedances()).isEmpty();
        assertThat(result.comparisons()).extracting(SampleComparison::regime, SampleComparison::outcome, SampleComparison::value,
                SampleComparison::ratio).containsExactly(tuple("WHO", "NON_DETECT_NOT_SHOWN", null, null),
                tuple("KZ_MPC", "NON_DETECT_WITHIN", null, null));
        assertThat(result.comparisons().get(1).statement())
                .isEqualTo("below the detection limit of 0.005 mg/L, itself within the KZ_MPC limit of 0.01 mg/L");
        assertThat(result.comparisons().get(0).statement())
                .isEqualTo("below the detection limit of 0.005 mg/L, which is above the WHO limit of 0.0001 mg/L: compliance cannot be shown");
        assertThat(result.complianceNotShown()).extracting(SampleComparison::regime).containsExactly("WHO");
        assertThat(result.notChecked()).isEmpty();
    }

    @Test
    void aHistoricalValueAppliesOnlyToSamplesTakenWhileItWasInForce() {
        // EU dioxins in milk, 2.5 pg WHO-TEQ/g fat until 31 Dec 2022: 3 / 2.5 = 1.2 for a 2016 sample; nothing in 2024
        ExceedanceCheck.Result in2016 = check(sampledAt("DIOXINS", "MILK", 3, "pg WHO-TEQ/g fat", Instant.parse("2016-05-01T00:00:00Z")));
        ExceedanceCheck.Result in2024 = check(sampledAt("DIOXINS", "MILK", 3, "pg WHO-TEQ/g fat", Instant.parse("2024-03-01T00:00:00Z")));

        assertThat(in2016.exceedances()).extracting(Exceedance::regime, Exceedance::limit, Exceedance::ratio)
                .containsExactly(tuple("EU", 2.5, 1.2));
        assertThat(in2024.exceedances()).isEmpty();
        assertThat(in2024.notChecked()).containsExactly("DIOXINS in MILK (no limit on file was in force on 2024-03-01)");
        // an undated sample is dated by the incident: the caller passes its occurrence
        Sample undated = new Sample("DIOXINS", "MILK", 3.0, "pg WHO-TEQ/g fat", null, null);
        assertThat(check.check(List.of(undated), TABLE, Instant.parse("2015-09-01T00:00:00Z")).exceedances()).hasSize(1);
    }

    @Test
    void aValueInForceFromADayAppliesFromThatDay() {
        // EU lead in drinking water: 10 µg/L until 12 Jan 2036, then 5 µg/L. 8 µg/L is 0.8 × before, 1.6 × after
        Sample before = sampledAt("PB", "DRINKING_WATER", 8, "µg/L", Instant.parse("2026-06-01T00:00:00Z"));
        Sample after = sampledAt("PB", "DRINKING_WATER", 8, "µg/L", Instant.parse("2036-06-01T00:00:00Z"));

        assertThat(check.check(List.of(before), TABLE, JULY_2013).comparisons()).filteredOn(c -> c.regime().equals("EU"))
                .singleElement().extracting(SampleComparison::limit, SampleComparison::ratio).containsExactly(10.0, 0.8);
        assertThat(check.check(List.of(after), TABLE, JULY_2013).exceedances()).extracting(Exceedance::regime, Exceedance::ratio)
                .containsExactly(tuple("EU", 1.6));
    }

    @Test
    void severalValuesOfOneRegimeAreEachComparedAndTheLeastStrictDecides() {
        // EU mercury in fish: 0.50 default, 1.0 listed predators, 0.30 other listed species. A sample names no species.
        // 0.7 mg/kg: 1.4 ×, 0.7 ×, 2.33 ×: it may be a pike within 1.0, so no exceedance is claimed
        ExceedanceCheck.Result pike = check(sample("HG", "FISH", 0.7, "mg/kg"));

        assertThat(pike.comparisons()).extracting(SampleComparison::limit, SampleComparison::ratio, SampleComparison::regimeVerdict)
                .containsExactly(tuple(0.5, 1.4, false), tuple(1.0, 0.7, true), tuple(0.3, 2.33, false));
        assertThat(pike.comparisons()).allSatisfy(c -> assertThat(c.appliesTo()).isNotBlank());
        assertThat(pike.exceedances()).isEmpty();
        // 1.2 mg/kg is above all three: one entry for the regime, against 1.0
        assertThat(check(sample("HG", "FISH", 1.2, "mg/kg")).exceedances()).extracting(Exceedance::regime, Exceedance::limit,
                Exceedance::ratio).containsExactly(tuple("EU", 1.0, 1.2));
    }

    @Test
    void aFatBasisResultIsComparedOnlyWithAFatBasisLimit() {
        // EU NDL-PCB in milk 40 ng/g fat: 50 / 40 = 1.25
        assertThat(check(sample("NDL_PCB", "MILK", 50, "ng/g fat")).exceedances()).extracting(Exceedance::ratio).containsExactly(1.25);
        ExceedanceCheck.Result whole = check(sample("NDL_PCB", "MILK", 50, "ng/g"));
        assertThat(whole.exceedances()).isEmpty();
        assertThat(whole.notChecked()).singleElement().asString().contains("same basis");
    }

    @Test
    void anAnnualAverageIsKeptOnFileButNotComparedWithOneSample() {
        // mercury in river water 0.1 µg/L: 0.1 / 0.07 = 1.43 × the proposed MAC-QS; the AA-QS is not for one sample
        ExceedanceCheck.Result result = check(sample("HG", "WATER", 0.1, "µg/L"));

        assertThat(result.exceedances()).extracting(Exceedance::regime, Exceedance::ratio)
                .containsExactly(tuple("EU_WFD_EQS_PROPOSED", 1.43));
        assertThat(result.comparisons()).filteredOn(c -> c.outcome().equals(ExceedanceCheck.NOT_COMPARED))
                .extracting(SampleComparison::limit).containsExactlyInAnyOrder(0.047, 0.001);
    }

    @Test
    void microgramsAndNanogramsPerGramAreConvertedToTheLimitsUnit() {
        for (String unit : List.of("µg/kg", "μg/kg", "ug/kg", "ng/g")) {
            ExceedanceCheck.Result result = check(sample("UDMH", "SOIL", 123, unit));

            assertThat(result.exceedances()).as(unit).singleElement().satisfies(e -> {
                assertThat(e.value()).isEqualTo(0.123);
                assertThat(e.unit()).isEqualTo("mg/kg");
                assertThat(e.ratio()).isEqualTo(1.23);
            });
        }
    }

    @Test
    void fiftyMilliBecquerelPerKilogramOfCaesiumInMilkIsFarBelowTheLimit() {
        // 50 mBq/kg = 50 × 1e-3 Bq/kg = 0.05 Bq/kg; the Cs-137 milk limit on file is 100 Bq/kg: ratio 0.05 / 100 = 0.0005
        ExceedanceCheck.Result result = check(sample("CS137", "MILK", 50, "mBq/kg"));

        assertThat(result.exceedances()).isEmpty();
        assertThat(result.comparisons()).singleElement().satisfies(c -> {
            assertThat(c.comparedValue()).isEqualTo(0.05);
            assertThat(c.limit()).isEqualTo(100.0);
            assertThat(c.limitUnit()).isEqualTo("Bq/kg");
            assertThat(c.ratio()).isEqualTo(0.0005);
            assertThat(c.exceeds()).isFalse();
        });
    }

    @Test
    void fiftyMegaBecquerelPerKilogramIsFiftyMillionBecquerel() {
        // 50 MBq/kg = 50 × 1e6 Bq/kg = 5e7 Bq/kg: 5e5 × the 100 Bq/kg limit
        ExceedanceCheck.Result result = check(sample("CS137", "MILK", 50, "MBq/kg"));

        assertThat(result.exceedances()).singleElement().satisfies(e -> {
            assertThat(e.value()).isEqualTo(5e7);
            assertThat(e.ratio()).isEqualTo(5e5);
        });
    }

    @Test
    void anUpperCaseVariantOfAUnitIsNotReadAsThatUnit() {
        ExceedanceCheck.Result result = check(sample("UDMH", "SOIL", 123, "MG/KG"));

        assertThat(result.exceedances()).isEmpty();
        assertThat(result.notChecked()).singleElement().asString().contains("'MG/KG' is not known");
    }

    @Test
    void everySampleIsComparedEvenBelowItsLimit() {
        // 0.1 / 0.1 = 1.0 (not above); 2000 µg/kg = 2 mg/kg, 2 / 2.1 = 0.952
        ExceedanceCheck.Result result = check(sample("UDMH", "SOIL", 0.1, "mg/kg"), sample("HG", "SOIL", 2000, "µg/kg"));

        assertThat(result.exceedances()).isEmpty();
        assertThat(result.notChecked()).isEmpty();
        assertThat(result.comparisons()).extracting(SampleComparison::substance, SampleComparison::ratio, SampleComparison::exceeds)
                .containsExactly(tuple("UDMH", 1.0, false), tuple("HG", 0.952, false));
    }

    @Test
    void caesiumGroundDepositionHasNoLimitSinceTheChernobylZoningDoesNotApplyInKazakhstan() {
        ExceedanceCheck.Result result = check(sample("CS137", "SOIL", 20, "Ci/km²"));

        assertThat(result.exceedances()).isEmpty();
        assertThat(result.notChecked()).containsExactly("CS137 in SOIL (no limit on file; limits on file for MEAT, FISH, MILK)");
    }

    @Test
    void airSamplesInPpmAreConvertedWithTheMolecularWeight() {
        SampleComparison no2 = check(sample("NO2", "AIR", 0.5, "ppm")).comparisons().get(0);

        // 0.5 ppm × 46.01 / 24.45 = 0.941 mg/m³, 4.7 × the 0.2 mg/m³ limit
        assertThat(no2.comparedValue()).isEqualTo(0.940900);
        assertThat(no2.ratio()).isEqualTo(4.7);
        assertThat(no2.conversionNote()).contains("24.45");
        assertThat(no2.limitConfidence()).isEqualTo("unverified");
        assertThat(no2.regime()).isEqualTo("KZ_MPC");
    }

    @Test
    void aUnitThatCannotBeConvertedIsNotComparedAndSaysWhy() {
        ExceedanceCheck.Result result = check(sample("UDMH", "SOIL", 5000, "ppb"), sample("UDMH", "SOIL", 5, "mg/L"),
                sample("HG", "SOIL", 10, "mg/kg"));

        assertThat(result.exceedances()).extracting(Exceedance::substance).containsExactly("HG");
        assertThat(result.notChecked()).containsExactly(
                "UDMH in SOIL ('ppb' (volume fraction (air)) cannot be compared with a limit in 'mg/kg' (mass per mass): ppm and ppb are compared only for air, with a molecular weight)",
                "UDMH in SOIL ('mg/L' (mass per volume) cannot be compared with a limit in 'mg/kg' (mass per mass): converting needs the sample's density)");
        assertThat(result.comparisons().get(0).comparedValue()).isNull();
    }

    @Test
    void aSampleWithoutALimitOnFileIsReportedNotGuessed() {
        ExceedanceCheck.Result result = check(sample("KEROSENE", "SOIL", 99, "mg/kg"), sample("HG", "MILK", 1, "mg/kg"));

        assertThat(result.exceedances()).isEmpty();
        assertThat(result.notChecked()).containsExactly("KEROSENE in SOIL (no limit on file)",
                "HG in MILK (no limit on file; limits on file for FISH, DRINKING_WATER, WATER, SOIL, AIR)");
    }
}
