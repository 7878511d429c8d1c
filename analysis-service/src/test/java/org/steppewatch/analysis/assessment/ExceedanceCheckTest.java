package org.steppewatch.analysis.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed.Exceedance;
import org.steppewatch.contracts.IncidentFacts.Sample;

class ExceedanceCheckTest {

    private final ExceedanceCheck check = ExceedanceCheck.shipped();

    private static Sample sample(String substance, String medium, double value, String unit) {
        return new Sample(substance, medium, value, unit, Geo.point(63.0, 46.05), Instant.parse("2013-07-03T10:00:00Z"));
    }

    @Test
    void udmhAt123MgPerKgInSoilIs1230TimesTheLimit() {
        ExceedanceCheck.Result result = check.check(List.of(sample("UDMH", "SOIL", 123, "mg/kg")));

        assertThat(result.exceedances()).singleElement().satisfies(e -> {
            assertThat(e.substance()).isEqualTo("UDMH");
            assertThat(e.medium()).isEqualTo("SOIL");
            assertThat(e.value()).isEqualTo(123.0);
            assertThat(e.limit()).isEqualTo(0.1);
            assertThat(e.unit()).isEqualTo("mg/kg");
            assertThat(e.ratio()).isEqualTo(1230.0);
            assertThat(e.limitSource()).contains("MPC");
        });
        assertThat(result.notChecked()).isEmpty();
    }

    @Test
    void microgramsPerKgAreConvertedToTheLimitsUnit() {
        for (String micro : List.of("µg/kg", "μg/kg", "ug/kg", "UG/KG")) {
            ExceedanceCheck.Result result = check.check(List.of(sample("UDMH", "SOIL", 123, micro)));

            assertThat(result.exceedances()).as(micro).singleElement().satisfies(e -> {
                assertThat(e.value()).isEqualTo(0.123);
                assertThat(e.unit()).isEqualTo("mg/kg");
                assertThat(e.ratio()).isEqualTo(1.23);
            });
        }
    }

    @Test
    void waterSamplesConvertBetweenMicrogramsAndMilligramsPerLitre() {
        List<Exceedance> exceedances = check.check(List.of(sample("NDMA", "water", 50, "µg/L"), sample("UDMH", "WATER", 0.5, "mg/l")))
                .exceedances();

        assertThat(exceedances).extracting(Exceedance::substance, Exceedance::value, Exceedance::ratio)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NDMA", 0.05, 5.0), org.assertj.core.groups.Tuple.tuple("UDMH", 0.5, 25.0));
    }

    @Test
    void samplesAtOrBelowTheirLimitAreNotExceedances() {
        ExceedanceCheck.Result result = check.check(List.of(sample("UDMH", "SOIL", 0.1, "mg/kg"), sample("HG", "SOIL", 2000, "µg/kg")));

        assertThat(result.exceedances()).isEmpty();
        assertThat(result.notChecked()).isEmpty();
    }

    @Test
    void aUnitThatCannotBeConvertedIsSkippedAndReported() {
        ExceedanceCheck.Result result = check.check(List.of(sample("UDMH", "SOIL", 5000, "ppb"), sample("UDMH", "SOIL", 5, "mg/L"),
                sample("HG", "SOIL", 10, "mg/kg")));

        assertThat(result.exceedances()).extracting(Exceedance::substance).containsExactly("HG");
        assertThat(result.notChecked()).containsExactly("UDMH in SOIL (unit 'ppb' not convertible to mg/kg)",
                "UDMH in SOIL (unit 'mg/L' not convertible to mg/kg)");
    }

    @Test
    void aSampleWithoutALimitOnFileIsReportedNotGuessed() {
        ExceedanceCheck.Result result = check.check(List.of(sample("PCB", "SOIL", 99, "mg/kg")));

        assertThat(result.exceedances()).isEmpty();
        assertThat(result.notChecked()).containsExactly("PCB in SOIL (no limit on file)");
    }

    @Test
    void theShippedTableHoldsTheFourLimits() {
        assertThat(check.limitFor("UDMH", "SOIL")).get().extracting(ExceedanceCheck.Limit::value).isEqualTo(0.1);
        assertThat(check.limitFor("UDMH", "WATER")).get().extracting(ExceedanceCheck.Limit::value).isEqualTo(0.02);
        assertThat(check.limitFor("NDMA", "WATER")).get().extracting(ExceedanceCheck.Limit::value).isEqualTo(0.01);
        assertThat(check.limitFor("HG", "SOIL")).get().extracting(ExceedanceCheck.Limit::value).isEqualTo(2.1);
        assertThat(check.limitFor("HG", "WATER")).isEmpty();
    }
}
