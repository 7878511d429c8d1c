package org.steppewatch.analysis.substance;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the substance table.
 *
 * @param plumeAs          the substance whose molecular weight and AEGLs model this one in air (N2O4 as NO2), or null
 * @param aegl             AEGL-1/2/3 on file, by level name; a level missing here is not on file
 * @param airborneFraction default share of the released mass that becomes airborne (null: not modelled in air)
 * @param releaseDurationMinutes default duration over which the airborne share is released
 */
public record Substance(String code, String name, String cas, Sourced<Double> molecularWeight, Sourced<Boolean> volatileFlag,
                        Sourced<String> plumeAs, Map<String, AeglLevel> aegl, Sourced<Double> airborneFraction,
                        Sourced<Double> releaseDurationMinutes, List<Limit> limits) {

    public static final List<String> AEGL_LEVELS = List.of("AEGL-3", "AEGL-2", "AEGL-1");

    public Substance {
        aegl = aegl == null ? Map.of() : Map.copyOf(aegl);
        limits = limits == null ? List.of() : List.copyOf(limits);
    }

    /** The same substance with these limits. */
    Substance withLimits(List<Limit> limits) {
        return new Substance(code, name, cas, molecularWeight, volatileFlag, plumeAs, aegl, airborneFraction,
                releaseDurationMinutes, limits);
    }

    public boolean isVolatile() {
        return volatileFlag != null && Boolean.TRUE.equals(volatileFlag.value());
    }

    public Optional<AeglLevel> aegl(String level) {
        return Optional.ofNullable(aegl.get(level));
    }

    /** True when at least one AEGL has a value (some exposure time). */
    public boolean hasAeglValues() {
        return aegl.values().stream().anyMatch(l -> !l.ppmByMinutes().isEmpty());
    }
}
