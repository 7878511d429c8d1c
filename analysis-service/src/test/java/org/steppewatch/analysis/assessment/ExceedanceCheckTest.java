package org.steppewatch.analysis.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.steppewatch.analysis.assessment.AssessmentDetails.SampleComparison;
import org.steppewatch.analysis.substance.SubstanceTable;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed.Exceedance;
import org.steppewatch.contracts.IncidentFacts.Sample;

class ExceedanceCheckTest {

    private static final SubstanceTable TABLE = SubstanceTable.shipped();
    private final ExceedanceCheck check = new ExceedanceCheck();

    private static Sample sample(String substance, String medium, double value, String unit) {
        return new Sample(substance, medium, value, unit, Geo.point(63.0, 46.05), Instant.parse("2013-07-03T10:00:00Z"));
    }

    private ExceedanceCheck.Result check(Sample... samples) {
        return check.check(List.of(samples), TABLE);
    }

    @Test
    void udmhAt123MgPerKgInSoilIs1230TimesTheLimit() {
        ExceedanceCheck.Result result = check(sample("UDMH", "SOIL", 123, "mg/kg"));

        assertThat(result.exceedances()).singleElement().satisfies(e -> {
            assertThat(e.substance()).isEqualTo("UDMH");
            assertThat(e.medium()).isEqualTo("SOIL");
            assertThat(e.value()).isEqualTo(123.0);
            assertThat(e.limit()).isEqualTo(0.1);
            assertThat(e.unit()).isEqualTo("mg/kg");
            assertThat(e.ratio()).isEqualTo(1230.0);
            assertThat(e.limitSource()).contains("MPC");
        });
        assertThat(result.comparisons()).singleElement().satisfies(c -> {
            assertThat(c.exceeds()).isTrue();
            assertThat(c.severe()).isTrue(); // 1230 × ≥ 100 ×
            assertThat(c.limitConfidence()).isEqualTo("verified");
        });
        assertThat(result.notChecked()).isEmpty();
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
            assertThat(result.anySevere()).isFalse();
        }
    }

    @Test
    void fiftyMilliBecquerelPerKilogramOfCaesiumInMilkIsFarBelowTheLimit() {
        // 50 mBq/kg = 50 × 1e-3 Bq/kg = 0.05 Bq/kg; the Cs-137 milk limit on file is 100 Bq/kg: ratio 0.05 / 100 = 0.0005
        ExceedanceCheck.Result result = check(sample("CS137", "MILK", 50, "mBq/kg"));

        assertThat(result.exceedances()).isEmpty();
        assertThat(result.anySevere()).isFalse();
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
    void waterSamplesConvertBetweenMicrogramsAndMilligramsPerLitre() {
        List<Exceedance> exceedances = check(sample("NDMA", "water", 50, "µg/L"), sample("UDMH", "WATER", 0.5, "mg/l")).exceedances();

        assertThat(exceedances).extracting(Exceedance::substance, Exceedance::value, Exceedance::ratio)
                .containsExactly(Tuple.tuple("NDMA", 0.05, 5.0), Tuple.tuple("UDMH", 0.5, 25.0));
    }

    @Test
    void everySampleIsComparedEvenBelowItsLimit() {
        ExceedanceCheck.Result result = check(sample("UDMH", "SOIL", 0.1, "mg/kg"), sample("HG", "SOIL", 2000, "µg/kg"));

        assertThat(result.exceedances()).isEmpty();
        assertThat(result.notChecked()).isEmpty();
        assertThat(result.comparisons()).extracting(SampleComparison::substance, SampleComparison::ratio, SampleComparison::exceeds)
                .containsExactly(Tuple.tuple("UDMH", 1.0, false), Tuple.tuple("HG", 0.952, false));
    }

    @Test
    void caesiumDepositionInCuriesPerSquareKilometreIsComparedWithTheZoningSteps() {
        ExceedanceCheck.Result result = check(sample("CS137", "SOIL", 20, "Ci/km²"), sample("CS137", "SOIL", 100, "kBq/m²"));

        assertThat(result.comparisons().get(0)).satisfies(c -> {
            assertThat(c.comparedValue()).isEqualTo(740.0);
            assertThat(c.ratio()).isEqualTo(20.0);
            assertThat(c.severe()).isTrue(); // from the resettlement step, 555 kBq/m²
            assertThat(c.step()).startsWith("555-1,480 kBq/m²");
        });
        assertThat(result.comparisons().get(1)).satisfies(c -> {
            assertThat(c.severe()).isFalse();
            assertThat(c.step()).startsWith("37-185");
        });
        assertThat(result.exceedances()).hasSize(2);
    }

    @Test
    void airSamplesInPpmAreConvertedWithTheMolecularWeight() {
        SampleComparison no2 = check(sample("NO2", "AIR", 0.5, "ppm")).comparisons().get(0);

        // 0.5 ppm × 46.01 / 24.45 = 0.941 mg/m³, 4.7 × the 0.2 mg/m³ limit
        assertThat(no2.comparedValue()).isEqualTo(0.940900);
        assertThat(no2.ratio()).isEqualTo(4.7);
        assertThat(no2.conversionNote()).contains("24.45");
        assertThat(no2.limitConfidence()).isEqualTo("unverified");
    }

    @Test
    void aUnitThatCannotBeConvertedIsNotComparedAndSaysWhy() {
        ExceedanceCheck.Result result = check(sample("UDMH", "SOIL", 5000, "ppb"), sample("UDMH", "SOIL", 5, "mg/L"),
                sample("HG", "SOIL", 10, "mg/kg"), sample("CS137", "SOIL", 300, "Bq/kg"));

        assertThat(result.exceedances()).extracting(Exceedance::substance).containsExactly("HG");
        assertThat(result.notChecked()).containsExactly(
                "UDMH in SOIL ('ppb' (volume fraction (air)) cannot be compared with a limit in 'mg/kg' (mass per mass): ppm and ppb are compared only for air, with a molecular weight)",
                "UDMH in SOIL ('mg/L' (mass per volume) cannot be compared with a limit in 'mg/kg' (mass per mass): converting needs the sample's density)",
                "CS137 in SOIL ('Bq/kg' (activity per mass) cannot be compared with a limit in 'kBq/m²' (activity per area (ground deposition)): converting needs the sampling depth and the soil's bulk density)");
        assertThat(result.comparisons().get(0).comparedValue()).isNull();
    }

    @Test
    void aSampleWithoutALimitOnFileIsReportedNotGuessed() {
        ExceedanceCheck.Result result = check(sample("KEROSENE", "SOIL", 99, "mg/kg"), sample("HG", "MILK", 1, "mg/kg"));

        assertThat(result.exceedances()).isEmpty();
        assertThat(result.notChecked()).containsExactly("KEROSENE in SOIL (no limit on file)",
                "HG in MILK (no limit on file; limits on file for SOIL, WATER, AIR)");
    }
}
