package org.steppewatch.analysis.substance;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The measurement units samples and limits are given in, grouped by what they measure. Two units convert
 * into each other only when they measure the same quantity; air concentrations in ppm or ppb convert to
 * mass per volume with the substance's molecular weight (at 25 °C and 1 atm).
 */
public final class Units {

    /** What a unit measures; each kind's factors are relative to its base unit. */
    public enum Kind {
        MASS_PER_MASS("mass per mass", "mg/kg"),
        MASS_PER_VOLUME("mass per volume", "mg/m³"),
        ACTIVITY_PER_MASS("activity per mass", "Bq/kg"),
        ACTIVITY_PER_VOLUME("activity per volume", "Bq/L"),
        ACTIVITY_PER_AREA("activity per area (ground deposition)", "kBq/m²"),
        VOLUME_FRACTION("volume fraction (air)", "ppm");

        private final String description;
        private final String base;

        Kind(String description, String base) {
            this.description = description;
            this.base = base;
        }

        public String description() {
            return description;
        }

        public String base() {
            return base;
        }
    }

    /** A known unit: its kind and its size in the kind's base unit. */
    public record Unit(String name, Kind kind, double inBase) {
    }

    /** Litres per mole of an ideal gas at 25 °C and 1 atm: ppm × MW / 24.45 = mg/m³. */
    public static final double MOLAR_VOLUME_LITRES = 24.45;

    private static final Map<String, Unit> UNITS = Map.ofEntries(
            unit("g/kg", Kind.MASS_PER_MASS, 1000),
            unit("mg/g", Kind.MASS_PER_MASS, 1000),
            unit("mg/kg", Kind.MASS_PER_MASS, 1),
            unit("µg/g", Kind.MASS_PER_MASS, 1),
            unit("µg/kg", Kind.MASS_PER_MASS, 1e-3),
            unit("ng/g", Kind.MASS_PER_MASS, 1e-3),
            unit("ng/kg", Kind.MASS_PER_MASS, 1e-6),
            unit("g/l", Kind.MASS_PER_VOLUME, 1e6),
            unit("mg/l", Kind.MASS_PER_VOLUME, 1e3),
            unit("µg/l", Kind.MASS_PER_VOLUME, 1),
            unit("ng/l", Kind.MASS_PER_VOLUME, 1e-3),
            unit("g/m³", Kind.MASS_PER_VOLUME, 1e3),
            unit("mg/m³", Kind.MASS_PER_VOLUME, 1),
            unit("µg/m³", Kind.MASS_PER_VOLUME, 1e-3),
            unit("ng/m³", Kind.MASS_PER_VOLUME, 1e-6),
            unit("bq/kg", Kind.ACTIVITY_PER_MASS, 1),
            unit("bq/g", Kind.ACTIVITY_PER_MASS, 1e3),
            unit("kbq/kg", Kind.ACTIVITY_PER_MASS, 1e3),
            unit("mbq/kg", Kind.ACTIVITY_PER_MASS, 1e6),
            unit("bq/l", Kind.ACTIVITY_PER_VOLUME, 1),
            unit("kbq/l", Kind.ACTIVITY_PER_VOLUME, 1e3),
            unit("bq/m³", Kind.ACTIVITY_PER_VOLUME, 1e-3),
            unit("bq/m²", Kind.ACTIVITY_PER_AREA, 1e-3),
            unit("kbq/m²", Kind.ACTIVITY_PER_AREA, 1),
            unit("mbq/m²", Kind.ACTIVITY_PER_AREA, 1e3),
            unit("mbq/km²", Kind.ACTIVITY_PER_AREA, 1e-3),
            unit("gbq/km²", Kind.ACTIVITY_PER_AREA, 1),
            // 1 Ci = 3.7e10 Bq, so 1 Ci/km² = 3.7e10 Bq / 1e6 m² = 37 kBq/m² (the unit of the Chernobyl zoning)
            unit("ci/km²", Kind.ACTIVITY_PER_AREA, 37),
            unit("ppm", Kind.VOLUME_FRACTION, 1),
            unit("ppb", Kind.VOLUME_FRACTION, 1e-3));

    private Units() {
    }

    private static Map.Entry<String, Unit> unit(String name, Kind kind, double inBase) {
        return Map.entry(name, new Unit(name, kind, inBase));
    }

    /**
     * The unit written as {@code name}: case-insensitive; µ may be written µ (U+00B5), μ (U+03BC) or u;
     * ³ and ² may be written 3 and 2 after "m"; ppmv/ppbv mean ppm/ppb.
     */
    public static Optional<Unit> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT).replace('\u03bc', '\u00b5').replace(" ", "")
                .replace("m3", "m³").replace("m^3", "m³").replace("m2", "m²").replace("m^2", "m²");
        if (n.startsWith("ug/")) {
            n = "\u00b5" + n.substring(1);
        }
        if (n.equals("ppmv") || n.equals("ppbv")) {
            n = n.substring(0, 3);
        }
        return Optional.ofNullable(UNITS.get(n));
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
        Optional<Unit> f = of(from);
        Optional<Unit> t = of(to);
        if (f.isEmpty()) {
            return Conversion.impossible("unit '" + from + "' is not known");
        }
        if (t.isEmpty()) {
            return Conversion.impossible("limit unit '" + to + "' is not known");
        }
        Unit a = f.get();
        Unit b = t.get();
        if (a.kind() == b.kind()) {
            return Conversion.ok(value * a.inBase() / b.inBase(), null);
        }
        boolean airPair = (a.kind() == Kind.VOLUME_FRACTION && b.kind() == Kind.MASS_PER_VOLUME)
                || (a.kind() == Kind.MASS_PER_VOLUME && b.kind() == Kind.VOLUME_FRACTION);
        if (airPair && molecularWeight != null && molecularWeight > 0) {
            String note = "converted with mg/m³ = ppm × " + molecularWeight + " / " + MOLAR_VOLUME_LITRES + " (25 °C, 1 atm)";
            if (a.kind() == Kind.VOLUME_FRACTION) {
                double mgPerM3 = value * a.inBase() * molecularWeight / MOLAR_VOLUME_LITRES;
                return Conversion.ok(mgPerM3 / b.inBase(), note);
            }
            double ppm = value * a.inBase() * MOLAR_VOLUME_LITRES / molecularWeight;
            return Conversion.ok(ppm / b.inBase(), note);
        }
        return Conversion.impossible("'" + from + "' (" + a.kind().description() + ") cannot be compared with a limit in '" + to
                + "' (" + b.kind().description() + ")" + why(a.kind(), b.kind()));
    }

    private static String why(Kind a, Kind b) {
        if ((a == Kind.ACTIVITY_PER_AREA && b == Kind.ACTIVITY_PER_MASS) || (a == Kind.ACTIVITY_PER_MASS && b == Kind.ACTIVITY_PER_AREA)) {
            return ": converting needs the sampling depth and the soil's bulk density";
        }
        if ((a == Kind.ACTIVITY_PER_VOLUME && b == Kind.ACTIVITY_PER_MASS) || (a == Kind.ACTIVITY_PER_MASS && b == Kind.ACTIVITY_PER_VOLUME)
                || (a == Kind.MASS_PER_VOLUME && b == Kind.MASS_PER_MASS) || (a == Kind.MASS_PER_MASS && b == Kind.MASS_PER_VOLUME)) {
            return ": converting needs the sample's density";
        }
        if (a == Kind.VOLUME_FRACTION || b == Kind.VOLUME_FRACTION) {
            return ": ppm and ppb are compared only for air, with a molecular weight";
        }
        return "";
    }
}
