package org.steppewatch.contracts;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The levels of a hazard zone ({@link IncidentAssessed.HazardZone#level()}) and how they compare,
 * one rule for the analysis that draws them and the alerts that quote them. Each level has a tier:
 * 3 life-threatening (AEGL-3), 2 disabling or observed (AEGL-2, the analyst's reported footprint),
 * 1 discomfort or unquantified (AEGL-1, the screening radius of a substance without AEGLs). Within
 * a tier the order is AEGL-3; AEGL-2, REPORTED_FOOTPRINT; AEGL-1, SCREENING. A level not listed
 * here takes the tier of a trailing digit (ERPG-2, PAC-3), else tier 1, and ranks last in its tier.
 */
public final class ZoneLevels {

    public static final String AEGL_3 = "AEGL-3";
    public static final String AEGL_2 = "AEGL-2";
    public static final String AEGL_1 = "AEGL-1";
    public static final String REPORTED_FOOTPRINT = "REPORTED_FOOTPRINT";
    public static final String SCREENING = "SCREENING";

    /** Most severe first; equal levels keep their order. */
    public static final Comparator<String> MOST_SEVERE_FIRST = Comparator.comparingInt(ZoneLevels::order).reversed();

    /** tier × 10 + place within the tier; unknown levels get place 0. */
    private static final Map<String, Integer> KNOWN = Map.of(AEGL_3, 32, AEGL_2, 22, REPORTED_FOOTPRINT, 21,
            AEGL_1, 12, SCREENING, 11);
    private static final Pattern TRAILING_DIGIT = Pattern.compile(".*?(\\d+)\\s*$");

    private ZoneLevels() {
    }

    /** 3, 2 or 1 (see the class comment); 0 for null (outside every zone). */
    public static int tier(String level) {
        return order(level) / 10;
    }

    /** Whether {@code candidate} is worse than {@code current} (null counts as no zone). */
    public static boolean worse(String candidate, String current) {
        return order(candidate) > order(current);
    }

    /** The worst of {@code levels} (the first of equals), or null when there is none. */
    public static String worst(Collection<String> levels) {
        String worst = null;
        for (String level : levels) {
            if (worse(level, worst)) {
                worst = level;
            }
        }
        return worst;
    }

    private static int order(String level) {
        if (level == null) {
            return 0;
        }
        Integer known = KNOWN.get(level);
        if (known != null) {
            return known;
        }
        Matcher m = TRAILING_DIGIT.matcher(level);
        int tier = m.matches() ? Math.max(1, Math.min(3, Integer.parseInt(m.group(1)))) : 1;
        return tier * 10;
    }
}
