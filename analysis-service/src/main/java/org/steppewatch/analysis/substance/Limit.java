package org.steppewatch.analysis.substance;

import java.util.List;

/**
 * The limit of a substance in one medium.
 *
 * @param severeAt value (in {@code unit}) from which a sample counts as grossly above the limit; null = 100 × the limit
 * @param steps    optional graded steps (e.g. the Cs-137 zoning), ascending
 */
public record Limit(String substance, String medium, double value, String unit, Double severeAt, String source,
                    String confidence, List<Step> steps) {

    /** Default for {@link #severeAt()}: this many times the limit. */
    public static final double DEFAULT_SEVERE_RATIO = 100;

    public Limit {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public double severeThreshold() {
        return severeAt == null ? value * DEFAULT_SEVERE_RATIO : severeAt;
    }

    /** A graded step starting at {@code from} (in the limit's unit). */
    public record Step(double from, String label) {
    }
}
