package org.steppewatch.analysis.substance;

import java.util.Optional;

import org.steppewatch.units.Quantity;
import org.steppewatch.units.SampleUnit;
import org.steppewatch.units.SampleUnits;

/**
 * Conversion of a sample's value into its limit's unit. Units are read by the shared vocabulary
 * ({@link SampleUnits}: case-sensitive, sized by JSR 385), and two units convert only when they measure the
 * same quantity; air concentrations in ppm or ppb convert to mass per volume with the substance's molecular
 * weight (at 25 °C and 1 atm).
 */
public final class Units {

    /** Litres per mole of an ideal gas at 25 °C and 1 atm: ppm × MW / 24.45 = mg/m³. */
    public static final double MOLAR_VOLUME_LITRES = 24.45;

    private Units() {
    }

    /** The unit written as {@code name}, as {@link SampleUnits#of} reads it. */
    public static Optional<SampleUnit> of(String name) {
        return SampleUnits.of(name);
    }

    /** The outcome of a conversion: the value in the target unit, or why there is none. */
    public record Conversion(Double value, String problem, String note) {

        static Conversion ok(double value, String note) {
            return new Conversion(value, null, note);
        }

        static Conversion impossible(String problem) {
            return new Conversion(null, problem, null);
        }

        public boolean converted() {
            return value != null;
        }
    }

    /**
     * {@code value} in {@code from} expressed in {@code to}. Volume fractions (ppm, ppb) convert to and from mass
     * per volume with {@code molecularWeight} (may be null, then they do not).
     */
    public static Conversion convert(double value, String from, String to, Double molecularWeight) {
        Optional<SampleUnit> f = of(from);
        Optional<SampleUnit> t = of(to);
        if (f.isEmpty()) {
            return Conversion.impossible("unit '" + from + "' is not known");
        }
        if (t.isEmpty()) {
            return Conversion.impossible("limit unit '" + to + "' is not known");
        }
        SampleUnit a = f.get();
        SampleUnit b = t.get();
        if (a.quantity() == b.quantity()) {
            return Conversion.ok(a.convert(value, b), null);
        }
        boolean airPair = (a.quantity() == Quantity.VOLUME_FRACTION && b.quantity() == Quantity.MASS_PER_VOLUME)
                || (a.quantity() == Quantity.MASS_PER_VOLUME && b.quantity() == Quantity.VOLUME_FRACTION);
        if (airPair && molecularWeight != null && molecularWeight > 0) {
            String note = "converted with mg/m³ = ppm × " + molecularWeight + " / " + MOLAR_VOLUME_LITRES + " (25 °C, 1 atm)";
            SampleUnit ppm = of("ppm").orElseThrow();
            SampleUnit mgPerM3 = of("mg/m³").orElseThrow();
            if (a.quantity() == Quantity.VOLUME_FRACTION) {
                double mg = a.convert(value, ppm) * molecularWeight / MOLAR_VOLUME_LITRES;
                return Conversion.ok(mgPerM3.convert(mg, b), note);
            }
            double ppmValue = a.convert(value, mgPerM3) * MOLAR_VOLUME_LITRES / molecularWeight;
            return Conversion.ok(ppm.convert(ppmValue, b), note);
        }
        return Conversion.impossible("'" + from + "' (" + a.quantity().words() + ") cannot be compared with a limit in '" + to
                + "' (" + b.quantity().words() + ")" + why(a.quantity(), b.quantity()));
    }

    private static String why(Quantity a, Quantity b) {
        if (a == Quantity.MASS_PER_MASS_FAT || b == Quantity.MASS_PER_MASS_FAT || a == Quantity.TEQ_PER_MASS_FAT
                || b == Quantity.TEQ_PER_MASS_FAT) {
            return ": a fat-basis or toxic-equivalent value is compared only with a limit on the same basis";
        }
        if ((a == Quantity.ACTIVITY_PER_AREA && b == Quantity.ACTIVITY_PER_MASS) || (a == Quantity.ACTIVITY_PER_MASS && b == Quantity.ACTIVITY_PER_AREA)) {
            return ": converting needs the sampling depth and the soil's bulk density";
        }
        if ((a == Quantity.ACTIVITY_PER_VOLUME && b == Quantity.ACTIVITY_PER_MASS) || (a == Quantity.ACTIVITY_PER_MASS && b == Quantity.ACTIVITY_PER_VOLUME)
                || (a == Quantity.MASS_PER_VOLUME && b == Quantity.MASS_PER_MASS) || (a == Quantity.MASS_PER_MASS && b == Quantity.MASS_PER_VOLUME)) {
            return ": converting needs the sample's density";
        }
        if (a == Quantity.VOLUME_FRACTION || b == Quantity.VOLUME_FRACTION) {
            return ": ppm and ppb are compared only for air, with a molecular weight";
        }
        return "";
    }
}
