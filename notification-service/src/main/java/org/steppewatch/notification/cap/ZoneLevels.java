package org.steppewatch.notification.cap;

import java.util.Collection;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders hazard-zone levels without knowing them all in advance. A level ending in a digit
 * (AEGL-3, ERPG-2, PAC-1) ranks by that digit: 3 is the most dangerous (AEGL-3: life-threatening).
 * Any other level (SCREENING, REPORTED_FOOTPRINT, a future name) ranks 0; between equal ranks the
 * first one named wins.
 */
public final class ZoneLevels {

    private static final Pattern TIER = Pattern.compile(".*?(\\d+)\\s*$");

    private ZoneLevels() {
    }

    public static int rank(String level) {
        if (level == null) {
            return 0;
        }
        Matcher m = TIER.matcher(level);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The worst of {@code levels}, or null when there is none. */
    public static String worst(Collection<String> levels) {
        String worst = null;
        for (String level : levels) {
            if (level != null && (worst == null || rank(level) > rank(worst))) {
                worst = level;
            }
        }
        return worst;
    }

    /** Whether {@code candidate} is worse than {@code current} (null counts as nothing). */
    public static boolean worse(String candidate, String current) {
        return current == null ? candidate != null : candidate != null && rank(candidate) > rank(current)
                && !Objects.equals(candidate, current);
    }
}
