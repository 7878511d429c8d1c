package org.steppewatch.analysis.substance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UnitsTest {

    private static double convert(double value, String from, String to) {
        Units.Conversion c = Units.convert(value, from, to, null);
        assertThat(c.converted()).as(from + " → " + to + ": " + c.problem()).isTrue();
        return c.value();
    }

    @Test
    void massFractionsConvert() {
        assertThat(convert(123, "µg/kg", "mg/kg")).isCloseTo(0.123, within(1e-12));
        assertThat(convert(123, "ng/g", "mg/kg")).isCloseTo(0.123, within(1e-12));
        assertThat(convert(1, "g/kg", "mg/kg")).isCloseTo(1000, within(1e-9));
        assertThat(convert(5, "ug/kg", "µg/kg")).isCloseTo(5, within(1e-12));
        assertThat(convert(5, "μg/kg", "mg/kg")).isCloseTo(0.005, within(1e-12));
    }

    @Test
    void prefixesKeepTheirCase() {
        // m = milli (1e-3), M = mega (1e6): 10^9 apart
        assertThat(convert(50, "mBq/kg", "Bq/kg")).isCloseTo(0.05, within(1e-12));
        assertThat(convert(50, "MBq/kg", "Bq/kg")).isCloseTo(5e7, within(1e-6));
        assertThat(convert(123, "mg/kg", "µg/kg")).isCloseTo(123_000, within(1e-6));
        assertThat(Units.convert(123, "MG/KG", "mg/kg", null).problem()).contains("'MG/KG' is not known");
    }

    @Test
    void concentrationsInWaterAndAirConvert() {
        assertThat(convert(50, "µg/L", "mg/L")).isCloseTo(0.05, within(1e-12));
        assertThat(convert(1, "mg/L", "mg/m3")).isCloseTo(1000, within(1e-9));
        assertThat(convert(300, "ng/m³", "mg/m³")).isCloseTo(0.0003, within(1e-12));
    }

    @Test
    void activitiesConvertIncludingTheChernobylCuriesPerSquareKilometre() {
        assertThat(convert(1, "Ci/km²", "kBq/m²")).isCloseTo(37, within(1e-9));
        assertThat(convert(40, "Ci/km2", "kBq/m²")).isCloseTo(1480, within(1e-9));
        assertThat(convert(185_000, "Bq/m²", "kBq/m²")).isCloseTo(185, within(1e-9));
        assertThat(convert(2, "Bq/g", "Bq/kg")).isCloseTo(2000, within(1e-9));
    }

    @Test
    void airPpmConvertsToMassPerVolumeWithTheMolecularWeight() {
        Units.Conversion c = Units.convert(1, "ppm", "mg/m³", 46.01);

        assertThat(c.value()).isCloseTo(46.01 / 24.45, within(1e-9));
        assertThat(c.note()).contains("24.45");
        assertThat(Units.convert(0.2, "mg/m³", "ppb", 46.01).value()).isCloseTo(0.2 * 24.45 / 46.01 * 1000, within(1e-6));
        assertThat(Units.convert(1, "ppm", "mg/m³", null).converted()).isFalse();
    }

    @Test
    void differentQuantitiesDoNotConvertAndSayWhy() {
        assertThat(Units.convert(10, "Bq/kg", "kBq/m²", null).problem()).contains("activity per mass", "activity per area",
                "sampling depth and the soil's bulk density");
        assertThat(Units.convert(10, "mg/L", "mg/kg", null).problem()).contains("density");
        assertThat(Units.convert(10, "ppm", "mg/kg", 60.1).problem()).contains("only for air");
        assertThat(Units.convert(10, "furlongs", "mg/kg", null).problem()).contains("'furlongs' is not known");
    }
}
