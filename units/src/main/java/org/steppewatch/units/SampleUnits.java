package org.steppewatch.units;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.measure.Unit;

import tech.units.indriya.AbstractUnit;
import tech.units.indriya.format.SimpleUnitFormat;

/**
 * The unit symbols a sample or a limit may be written in. The list is closed (so the API can say exactly what it
 * accepts) and every symbol's size comes from the JSR 385 reference implementation, Indriya, which reads SI
 * prefixes with their case: mBq/kg is milli-becquerel per kilogram, MBq/kg mega. Symbols are case-sensitive;
 * the only other spellings read are those that cannot be ambiguous: μ (Greek mu) or a leading u for the micro
 * sign µ, m3 / m^3 and m2 / m^2 for m³ and m², l for the litre (SI admits both l and L), ppmv / ppbv for ppm / ppb.
 * Fat-basis symbols ({@code ng/g fat}, {@code pg WHO-TEQ/g fat}) measure their own quantities, so a result per
 * gram of fat is never compared with a limit per gram of product; spaces in a symbol are not significant.
 */
public final class SampleUnits {

    private static final SimpleUnitFormat FORMAT = format();

    private static final Map<String, SampleUnit> UNITS = units(
            Quantity.MASS_PER_MASS, "g/kg mg/g mg/kg µg/g µg/kg ng/g ng/kg",
            Quantity.MASS_PER_VOLUME, "g/L mg/L µg/L ng/L g/m³ mg/m³ µg/m³ ng/m³",
            Quantity.VOLUME_FRACTION, "ppm ppb",
            Quantity.ACTIVITY_PER_MASS, "mBq/kg Bq/kg kBq/kg MBq/kg Bq/g",
            Quantity.ACTIVITY_PER_VOLUME, "mBq/L Bq/L kBq/L µBq/m³ mBq/m³ Bq/m³",
            Quantity.ACTIVITY_PER_AREA, "Bq/m² kBq/m² MBq/m² MBq/km² GBq/km² Ci/km²",
            Quantity.MASS_PER_MASS_FAT, "ng/g_fat pg/g_fat µg/kg_fat mg/kg_fat",
            Quantity.TEQ_PER_MASS_FAT, "pg_WHO-TEQ/g_fat ng_WHO-TEQ/kg_fat");

    /** Words of a symbol that say what is measured, not how much: dropped before JSR 385 reads the size. */
    private static final String QUALIFIERS = " WHO-TEQ| fat";

    private SampleUnits() {
    }

    /** The unit written as {@code written}, or empty when it is not one of {@link #symbols()}. */
    public static Optional<SampleUnit> of(String written) {
        return written == null ? Optional.empty() : Optional.ofNullable(UNITS.get(canonical(written)));
    }

    /** Every accepted symbol, grouped by quantity. */
    public static List<String> symbols() {
        return UNITS.values().stream().map(SampleUnit::symbol).toList();
    }

    /** The accepted symbols of one quantity. */
    public static List<String> symbols(Quantity quantity) {
        return UNITS.values().stream().filter(u -> u.quantity() == quantity).map(SampleUnit::symbol).toList();
    }

    /**
     * An accepted symbol that {@code written} matches but for case (MG/KG → mg/kg), to name in a refusal; empty
     * when there is none or more than one.
     */
    public static Optional<String> caseVariantOf(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String lower = canonical(written).toLowerCase(Locale.ROOT);
        List<SampleUnit> matches = UNITS.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(lower))
                .map(Map.Entry::getValue).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0).symbol()) : Optional.empty();
    }

    static String canonical(String written) {
        String n = written.strip().replace(" ", "").replace('\u03bc', '\u00b5')
                .replace("m^3", "m³").replace("m^2", "m²").replaceAll("m3$", "m³").replaceAll("m2$", "m²")
                .replaceAll("(^|/)u(?=g|Bq)", "$1µ").replaceAll("/l$", "/L");
        return switch (n) {
            case "ppmv" -> "ppm";
            case "ppbv" -> "ppb";
            default -> n;
        };
    }

    private static SimpleUnitFormat format() {
        SimpleUnitFormat format = SimpleUnitFormat.getNewInstance();
        format.alias(tech.units.indriya.unit.Units.LITRE, "L");
        // 1 Ci = 3.7e10 Bq by definition; ppm and ppb here are parts of a volume of air
        format.label(tech.units.indriya.unit.Units.BECQUEREL.multiply(37_000_000_000L), "Ci");
        format.label(AbstractUnit.ONE.divide(1_000_000L), "ppm");
        format.label(AbstractUnit.ONE.divide(1_000_000_000L), "ppb");
        return format;
    }

    private static Map<String, SampleUnit> units(Object... quantityAndSymbols) {
        Map<String, SampleUnit> units = new LinkedHashMap<>();
        for (int i = 0; i < quantityAndSymbols.length; i += 2) {
            Quantity quantity = (Quantity) quantityAndSymbols[i];
            for (String written : ((String) quantityAndSymbols[i + 1]).split(" ")) {
                String symbol = written.replace('_', ' ');
                Unit<?> unit = FORMAT.parse(symbol.replaceAll(QUALIFIERS, ""));
                units.put(canonical(symbol), new SampleUnit(symbol, quantity, unit));
            }
        }
        return units;
    }
}
