package org.steppewatch.analysis.plume;

import java.time.Duration;
import java.time.Instant;

/**
 * The Pasquill–Gifford class from the sun, the cloud and the wind: Turner's (1964) method as given in US EPA,
 * <i>Meteorological Monitoring Guidance for Regulatory Modeling Applications</i>, EPA-454/R-99-005 (2000),
 * section 6.4.1: table 6-5 (insolation class from the solar elevation), table 6-6 (the net radiation index) and
 * table 6-4 (the class from the net radiation index and the 10 m wind speed). Class G is folded into F, as the
 * EPA does for regulatory modelling.
 * <p>
 * Cloud cover is in oktas (eighths); the method's tenths are read as oktas × 10/8, so "≤ 4/10" is ≤ 3 oktas,
 * "&gt; 5/10" is ≥ 5 oktas and "10/10" is 8 oktas. Reports carry no ceiling height: where the method needs one the
 * choice giving the more stable class is taken (below 7,000 ft by day, at or above it by night).
 */
public final class TurnerStability {

    /** Apparent sunrise and sunset: the sun's centre 0.833° below the horizon (refraction and semi-diameter). */
    static final double HORIZON_DEG = -0.833;

    /** Lower bound of each wind-speed row of table 6-4, m/s (0–1, 2–3, 4–5, 6, 7, 8–9, 10, 11, ≥ 12 knots). */
    private static final double[] ROW_FROM_MS = {0, 0.8, 1.9, 2.9, 3.4, 3.9, 4.9, 5.5, 6.0};
    /** Table 6-4: class number 1 = A … 7 = G, columns net radiation index 4, 3, 2, 1, 0, −1, −2. */
    private static final int[][] TABLE_6_4 = {
            {1, 1, 2, 3, 4, 6, 7},
            {1, 2, 2, 3, 4, 6, 7},
            {1, 2, 3, 4, 4, 5, 6},
            {2, 2, 3, 4, 4, 5, 6},
            {2, 2, 3, 4, 4, 4, 5},
            {2, 3, 3, 4, 4, 4, 5},
            {3, 3, 4, 4, 4, 4, 5},
            {3, 3, 4, 4, 4, 4, 4},
            {3, 4, 4, 4, 4, 4, 4}};

    private TurnerStability() {
    }

    /**
     * What was estimated.
     *
     * @param solarElevationDeg the sun's elevation at the instant, degrees
     * @param night             Turner's night: from one hour before sunset to one hour after sunrise
     * @param insolationClass   table 6-5 (1 weak … 4 strong), 0 at night
     * @param netRadiationIndex table 6-6, −2 … 4
     */
    public record Estimate(Stability stability, double solarElevationDeg, boolean night, int insolationClass, int netRadiationIndex) {
    }

    /** Table 6-5: strong 4 above 60°, moderate 3 above 35°, slight 2 above 15°, weak 1 at or below 15°. */
    public static int insolationClass(double solarElevationDeg) {
        if (solarElevationDeg > 60) {
            return 4;
        }
        if (solarElevationDeg > 35) {
            return 3;
        }
        return solarElevationDeg > 15 ? 2 : 1;
    }

    /**
     * Table 6-6.
     *
     * @param cloudOktas total cloud cover, or null when not reported (then read as a clear sky: the insolation
     *                   class unmodified by day, −2 by night)
     */
    public static int netRadiationIndex(boolean night, int insolationClass, Integer cloudOktas) {
        int oktas = cloudOktas == null ? 0 : cloudOktas;
        if (night) {
            // 10/10 with a ceiling below 7,000 ft would give 0; the unknown ceiling is taken high (the more stable −1)
            return oktas <= 3 ? -2 : -1;
        }
        if (oktas == 8) {
            return 0; // 10/10 below 7,000 ft (the unknown ceiling taken low, the more stable choice by day)
        }
        if (oktas >= 5) {
            return Math.max(1, insolationClass - 2); // more than 5/10 below 7,000 ft: subtract 2, at least 1
        }
        return insolationClass;
    }

    /** Table 6-4: the class for a net radiation index and a 10 m wind speed, G folded into F. */
    public static Stability classFor(int netRadiationIndex, double windMs) {
        if (netRadiationIndex < -2 || netRadiationIndex > 4) {
            throw new IllegalArgumentException("net radiation index must be -2 to 4, was " + netRadiationIndex);
        }
        int row = 0;
        while (row + 1 < ROW_FROM_MS.length && windMs >= ROW_FROM_MS[row + 1]) {
            row++;
        }
        int number = TABLE_6_4[row][4 - netRadiationIndex];
        return Stability.values()[Math.min(number, 6) - 1];
    }

    /** The class at {@code at} and the place, for the cloud cover (null: not reported) and the 10 m wind speed. */
    public static Estimate estimate(Instant at, double lonDeg, double latDeg, Integer cloudOktas, double windMs) {
        double elevation = SolarElevation.degrees(at, lonDeg, latDeg);
        // within an hour after sunrise the sun was down an hour ago; within an hour before sunset it will be in an hour
        boolean night = elevation < HORIZON_DEG
                || SolarElevation.degrees(at.minus(Duration.ofHours(1)), lonDeg, latDeg) < HORIZON_DEG
                || SolarElevation.degrees(at.plus(Duration.ofHours(1)), lonDeg, latDeg) < HORIZON_DEG;
        int insolation = night ? 0 : insolationClass(elevation);
        int index = netRadiationIndex(night, insolation, cloudOktas);
        return new Estimate(classFor(index, windMs), elevation, night, insolation, index);
    }
}
