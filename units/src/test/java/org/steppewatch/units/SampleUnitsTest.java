package org.steppewatch.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleUnitsTest {

    private static double convert(double value, String from, String to) {
        return SampleUnits.of(from).orElseThrow().convert(value, SampleUnits.of(to).orElseThrow());
    }

    @Test
    void milliAndMegaBecquerelAreTenToTheNineApart() {
        // SI prefixes: m = 1e-3, M = 1e6
        assertThat(convert(50, "mBq/kg", "Bq/kg")).isCloseTo(0.05, within(1e-12));
        assertThat(convert(50, "MBq/kg", "Bq/kg")).isCloseTo(5e7, within(1e-3));
        assertThat(convert(1, "MBq/kg", "mBq/kg")).isCloseTo(1e9, within(1e-3));
    }

    @ParameterizedTest(name = "{0} {1} = {3} {2}")
    @CsvSource(delimiter = ';', value = {
            "123; mg/kg; µg/kg; 123000",     // 1 mg = 1000 µg
            "7; mg/kg; µg/g; 7",             // 1 mg/kg = 1e-6 = 1 µg/g
            "2; g/kg; mg/g; 2",
            "0.5; mg/L; µg/L; 500",
            "3; mg/m³; ng/m³; 3000000",      // 1 mg = 1e6 ng
            "1; µg/L; mg/m³; 1",             // 1 L = 1e-3 m³, so 1 µg/L = 1e3 µg/m³ = 1 mg/m³
            "4; kBq/kg; Bq/g; 4",            // 4000 Bq per 1000 g
            "1; Ci/km²; kBq/m²; 37",         // 3.7e10 Bq / 1e6 m² = 37 kBq/m²
            "1; GBq/km²; kBq/m²; 1",         // 1e9 Bq / 1e6 m²
            "250; mBq/m³; Bq/m³; 0.25",
            "1; ppm; ppb; 1000"})
    void convertsBySiPrefixesAndDefinitions(double value, String from, String to, double expected) {
        assertThat(convert(value, from, to)).isCloseTo(expected, within(Math.abs(expected) * 1e-12));
    }

    @Test
    void symbolsAreCaseSensitiveSoAnUpperCaseVariantIsNotAUnit() {
        // Mg would be megagram and G is no SI unit: MG/KG is not mg/kg, so it is refused, with the likely meaning named
        assertThat(SampleUnits.of("MG/KG")).isEmpty();
        assertThat(SampleUnits.caseVariantOf("MG/KG")).contains("mg/kg");
        assertThat(SampleUnits.of("bq/kg")).isEmpty();
        assertThat(SampleUnits.of("mBq/kg").orElseThrow().symbol()).isEqualTo("mBq/kg");
        assertThat(SampleUnits.of("MBq/kg").orElseThrow().symbol()).isEqualTo("MBq/kg");
    }

    @Test
    void caseVariantIsNotGuessedWhenTwoUnitsDifferOnlyInCase() {
        assertThat(SampleUnits.caseVariantOf("mbq/kg")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"ug/L, µg/L", "μg/m3, µg/m³", "mg/m^3, mg/m³", "kBq/m2, kBq/m²", "mg/l, mg/L", " Bq/kg , Bq/kg", "ppmv, ppm", "uBq/m3, µBq/m³"})
    void readsTheUnambiguousAlternativeSpellings(String written, String symbol) {
        assertThat(SampleUnits.of(written).orElseThrow().symbol()).isEqualTo(symbol);
    }

    @Test
    void unknownUnitsAreNotRead() {
        assertThat(SampleUnits.of("furlongs")).isEmpty();
        assertThat(SampleUnits.of("")).isEmpty();
        assertThat(SampleUnits.of(null)).isEmpty();
        assertThat(SampleUnits.of("mg/dL")).isEmpty();
    }

    @Test
    void quantitiesDoNotConvertIntoEachOther() {
        // ppm of air and mg/kg of soil are both dimensionless to JSR 385, but not the same quantity
        assertThatThrownBy(() -> convert(1, "ppm", "mg/kg")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("volume fraction");
        assertThatThrownBy(() -> convert(1, "Bq/kg", "kBq/m²")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsTheAcceptedSymbolsByQuantity() {
        assertThat(SampleUnits.symbols(Quantity.ACTIVITY_PER_MASS)).containsExactly("mBq/kg", "Bq/kg", "kBq/kg", "MBq/kg", "Bq/g");
        assertThat(SampleUnits.symbols()).hasSize(7 + 8 + 2 + 5 + 6 + 6 + 4 + 2);
    }

    @Test
    void fatBasisUnitsConvertAmongThemselvesButNotToWholeProductUnits() {
        // 40 ng/g fat = 40 µg/kg fat (1 ng/g = 1e-9 = 1 µg/kg); 2.5 pg/g = 2.5 ng/kg
        assertThat(convert(40, "ng/g fat", "µg/kg fat")).isCloseTo(40, within(1e-9));
        assertThat(convert(2.5, "pg WHO-TEQ/g fat", "ng WHO-TEQ/kg fat")).isCloseTo(2.5, within(1e-12));
        assertThat(SampleUnits.of("ng/g  fat").orElseThrow().symbol()).isEqualTo("ng/g fat");
        assertThat(SampleUnits.of("ug/kg fat").orElseThrow().symbol()).isEqualTo("µg/kg fat");
        assertThatThrownBy(() -> convert(40, "ng/g fat", "ng/g")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mass per mass of fat");
        assertThatThrownBy(() -> convert(1, "pg WHO-TEQ/g fat", "pg/g fat")).isInstanceOf(IllegalArgumentException.class);
    }
}
