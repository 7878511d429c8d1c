package org.steppewatch.analysis.assessment;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.steppewatch.contracts.IncidentAssessed.Exceedance;
import org.steppewatch.contracts.IncidentFacts.Sample;

/**
 * Compares laboratory samples with the limit for their substance and medium (table {@code limits.csv}).
 * Only samples above their limit become exceedances. A sample in a unit that cannot be converted to the
 * limit's is not compared (no guessing) and is listed in {@link Result#notChecked()}, as is a sample for
 * which no limit is on file.
 */
final class ExceedanceCheck {

    static final String LIMITS = "limits.csv";

    record Limit(String substance, String medium, double value, String unit, String source) {
    }

    /**
     * @param notChecked one short phrase per sample that could not be compared, e.g. "UDMH in SOIL (unit 'ppb' not convertible to mg/kg)"
     */
    record Result(List<Exceedance> exceedances, List<String> notChecked) {
    }

    private final Map<String, Limit> limits;

    ExceedanceCheck(List<Limit> limits) {
        Map<String, Limit> byKey = new LinkedHashMap<>();
        limits.forEach(l -> byKey.put(key(l.substance(), l.medium()), l));
        this.limits = Map.copyOf(byKey);
    }

    static ExceedanceCheck shipped() {
        return new ExceedanceCheck(read(ExceedanceCheck.class.getResourceAsStream(LIMITS)));
    }

    Optional<Limit> limitFor(String substance, String medium) {
        return Optional.ofNullable(limits.get(key(substance, medium)));
    }

    Result check(List<Sample> samples) {
        List<Exceedance> exceedances = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();
        for (Sample sample : samples) {
            String what = sample.substance() + " in " + sample.medium();
            Optional<Limit> found = limitFor(sample.substance(), sample.medium());
            if (found.isEmpty()) {
                notChecked.add(what + " (no limit on file)");
                continue;
            }
            Limit limit = found.get();
            Optional<Double> value = Units.convert(sample.value(), sample.unit(), limit.unit());
            if (value.isEmpty()) {
                notChecked.add(what + " (unit '" + sample.unit() + "' not convertible to " + limit.unit() + ")");
                continue;
            }
            double converted = value.get();
            if (converted > limit.value()) {
                exceedances.add(new Exceedance(limit.substance(), limit.medium(), significant(converted, 6), limit.value(),
                        limit.unit(), significant(converted / limit.value(), 3), limit.source()));
            }
        }
        return new Result(exceedances, notChecked);
    }

    /** Rounds to {@code digits} significant digits: a ratio of 1229.9999 reads 1230, one of 1.2299999 reads 1.23. */
    static double significant(double value, int digits) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        return new BigDecimal(value).round(new MathContext(digits)).doubleValue();
    }

    private static String key(String substance, String medium) {
        return (substance == null ? "" : substance.trim().toUpperCase(Locale.ROOT)) + "|"
                + (medium == null ? "" : medium.trim().toUpperCase(Locale.ROOT));
    }

    static List<Limit> read(InputStream in) {
        if (in == null) {
            throw new IllegalStateException("limits table " + LIMITS + " is missing from the jar");
        }
        List<Limit> limits = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", 5);
                if (f.length != 5) {
                    throw new IllegalStateException(LIMITS + ": expected substance,medium,limit,unit,source in: " + line);
                }
                if (Units.of(f[3].trim()).isEmpty()) {
                    throw new IllegalStateException(LIMITS + ": unknown unit '" + f[3] + "' in: " + line);
                }
                limits.add(new Limit(f[0].trim().toUpperCase(Locale.ROOT), f[1].trim().toUpperCase(Locale.ROOT),
                        Double.parseDouble(f[2].trim()), f[3].trim(), f[4].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return limits;
    }

    /** Concentration units this service converts between: mass per mass (soil) and mass per volume (water). */
    static final class Units {

        private enum Kind { PER_KG, PER_LITRE }

        private record Unit(Kind kind, double milligrams) {
        }

        private static final Map<String, Unit> UNITS = Map.ofEntries(
                Map.entry("g/kg", new Unit(Kind.PER_KG, 1000)),
                Map.entry("mg/kg", new Unit(Kind.PER_KG, 1)),
                Map.entry("µg/kg", new Unit(Kind.PER_KG, 1e-3)),
                Map.entry("ng/kg", new Unit(Kind.PER_KG, 1e-6)),
                Map.entry("g/l", new Unit(Kind.PER_LITRE, 1000)),
                Map.entry("mg/l", new Unit(Kind.PER_LITRE, 1)),
                Map.entry("µg/l", new Unit(Kind.PER_LITRE, 1e-3)),
                Map.entry("ng/l", new Unit(Kind.PER_LITRE, 1e-6)));

        private Units() {
        }

        private static Optional<Unit> of(String name) {
            if (name == null) {
                return Optional.empty();
            }
            // µ is written as U+00B5 (micro sign), U+03BC (Greek mu) or "u"
            String n = name.trim().toLowerCase(Locale.ROOT).replace('\u03bc', '\u00b5').replace(" ", "");
            if (n.startsWith("ug/")) {
                n = "\u00b5" + n.substring(1);
            }
            return Optional.ofNullable(UNITS.get(n));
        }

        /** {@code value} in {@code from} expressed in {@code to}; empty when either is unknown or they measure different things. */
        static Optional<Double> convert(double value, String from, String to) {
            Optional<Unit> f = of(from);
            Optional<Unit> t = of(to);
            if (f.isEmpty() || t.isEmpty() || f.get().kind() != t.get().kind()) {
                return Optional.empty();
            }
            return Optional.of(value * f.get().milligrams() / t.get().milligrams());
        }
    }
}
