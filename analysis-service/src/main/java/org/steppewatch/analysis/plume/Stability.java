package org.steppewatch.analysis.plume;

import java.util.Locale;
import java.util.Optional;

/**
 * Pasquill–Gifford stability classes with the Briggs (1973) open-country ("rural") dispersion coefficients as
 * tabulated in Turner's Workbook of Atmospheric Dispersion Estimates (2nd ed., 1994), x in metres downwind:
 *
 * <table>
 *   <caption>Briggs rural σy and σz (metres)</caption>
 *   <tr><th>class</th><th>σy</th><th>σz</th></tr>
 *   <tr><td>A (very unstable)</td><td>0.22 x (1 + 0.0001 x)^-1/2</td><td>0.20 x</td></tr>
 *   <tr><td>B (unstable)</td><td>0.16 x (1 + 0.0001 x)^-1/2</td><td>0.12 x</td></tr>
 *   <tr><td>C (slightly unstable)</td><td>0.11 x (1 + 0.0001 x)^-1/2</td><td>0.08 x (1 + 0.0002 x)^-1/2</td></tr>
 *   <tr><td>D (neutral)</td><td>0.08 x (1 + 0.0001 x)^-1/2</td><td>0.06 x (1 + 0.0015 x)^-1/2</td></tr>
 *   <tr><td>E (slightly stable)</td><td>0.06 x (1 + 0.0001 x)^-1/2</td><td>0.03 x (1 + 0.0003 x)^-1</td></tr>
 *   <tr><td>F (stable)</td><td>0.04 x (1 + 0.0001 x)^-1/2</td><td>0.016 x (1 + 0.0003 x)^-1</td></tr>
 * </table>
 *
 * The fits are meant for about 100 m to 10 km; beyond they are extrapolations (E and F σz level off at about
 * 100 m and 53 m, which is why stable plumes reach so far).
 */
public enum Stability {
    A(0.22, 0.20, 0, 0),
    B(0.16, 0.12, 0, 0),
    C(0.11, 0.08, 0.0002, -0.5),
    D(0.08, 0.06, 0.0015, -0.5),
    E(0.06, 0.03, 0.0003, -1),
    F(0.04, 0.016, 0.0003, -1);

    private final double ay;
    private final double az;
    private final double bz;
    private final double pz;

    Stability(double ay, double az, double bz, double pz) {
        this.ay = ay;
        this.az = az;
        this.bz = bz;
        this.pz = pz;
    }

    /** Crosswind spread σy at {@code x} metres downwind, metres. */
    public double sigmaY(double x) {
        return ay * x / Math.sqrt(1 + 0.0001 * x);
    }

    /** Vertical spread σz at {@code x} metres downwind, metres. */
    public double sigmaZ(double x) {
        return pz == 0 ? az * x : az * x * Math.pow(1 + bz * x, pz);
    }

    /** "d", " D " → D; anything else (null, "G", "DE") → empty. */
    public static Optional<Stability> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The most stable class Pasquill's scheme allows at night for a 10 m wind of {@code windMs}: F below 3 m/s,
     * E from 3 to 5 m/s, D from 5 m/s. Used only when a report gives no class and no time of occurrence to place the
     * sun ({@link TurnerStability} otherwise): stable air keeps a plume concentrated, so this errs on the side of
     * larger zones.
     */
    public static Stability mostStableFor(double windMs) {
        if (windMs < 3) {
            return F;
        }
        return windMs < 5 ? E : D;
    }
}
