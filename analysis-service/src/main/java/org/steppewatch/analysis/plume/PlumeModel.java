package org.steppewatch.analysis.plume;

/**
 * The Gaussian plume of a continuous release at ground level (docs/assessment.md, section 2; the model ALOHA uses for neutrally
 * buoyant gases), with full reflection at the ground. Pure functions, SI units (metres, seconds, mg):
 *
 * <pre>
 *   C(x, y) = Q / (π · u · σy(x) · σz(x)) · exp(−y² / (2 σy(x)²))          ground-level concentration, mg/m³
 *
 *   Q   source rate, mg/s:  Q = mass × airborne fraction / release duration
 *   u   wind speed, m/s (10 m), at least {@value #MIN_WIND_MS} m/s: the model divides by it
 *   σy, σz  Briggs rural dispersion coefficients of the Pasquill–Gifford class ({@link Stability}), metres
 *   x   distance downwind, y distance crosswind, metres
 *
 *   threshold in mg/m³ from ppm:  c = ppm × MW / 24.45      (MW in g/mol; 24.45 L/mol at 25 °C, 1 atm)
 *   downwind reach X:   σy(X) · σz(X) = Q / (π · u · c)    (σy·σz grows with x for every class: one root)
 *   half-width at x ≤ X:   y(x) = σy(x) · √(2 · ln(C(x, 0) / c))
 * </pre>
 *
 * Limits (ALOHA's own and the model's): unreliable for winds under about 1.5 m/s, within about 100 m of the
 * source, and in stable classes E and F; no terrain, no deposition, no heavy-gas slumping, no buoyant
 * fire plume rise, steady state (a release shorter than the exposure time is over-estimated).
 */
public final class PlumeModel {

    /** The wind speed below which the model is not applied: slower winds are raised to this. */
    public static final double MIN_WIND_MS = 1.0;
    /** Litres per mole of an ideal gas at 25 °C and 1 atm. */
    public static final double MOLAR_VOLUME_LITRES = 24.45;

    private PlumeModel() {
    }

    /** ppm (by volume) to mg/m³ at 25 °C and 1 atm: ppm × MW / 24.45. */
    public static double mgPerM3(double ppm, double molecularWeight) {
        return ppm * molecularWeight / MOLAR_VOLUME_LITRES;
    }

    /** Q in mg/s for {@code massKg} of which {@code airborneFraction} is released over {@code durationS} seconds. */
    public static double sourceRateMgPerS(double massKg, double airborneFraction, double durationS) {
        return massKg * 1e6 * airborneFraction / durationS;
    }

    /** Ground-level concentration on the plume's centre line at {@code x} metres downwind, mg/m³. */
    public static double centreline(double qMgPerS, double windMs, Stability stability, double x) {
        return qMgPerS / (Math.PI * windMs * stability.sigmaY(x) * stability.sigmaZ(x));
    }

    /**
     * Centre-line concentration at {@code x} metres downwind for a source {@code releaseHeightM} and a receptor
     * {@code receptorHeightM} above the ground, with full reflection at the ground, mg/m³:
     * Q / (2π·u·σy·σz) · [exp(−(z−H)²/2σz²) + exp(−(z+H)²/2σz²)]. With both heights 0 it is {@link #centreline}.
     * The zones use a ground-level source; this form is for comparison with field data sampled above the ground.
     */
    static double centrelineAtHeights(double qMgPerS, double windMs, Stability stability, double x,
                                      double releaseHeightM, double receptorHeightM) {
        return qMgPerS / (2 * Math.PI * windMs * stability.sigmaY(x) * stability.sigmaZ(x))
                * reflection(stability.sigmaZ(x), releaseHeightM, receptorHeightM);
    }

    /**
     * Crosswind-integrated concentration (the plume integrated over y) at {@code x} metres downwind and
     * {@code receptorHeightM} above the ground, for a source {@code releaseHeightM} high, mg/m²:
     * Q / (√(2π)·u·σz) · [exp(−(z−H)²/2σz²) + exp(−(z+H)²/2σz²)]. It does not depend on σy.
     */
    static double crosswindIntegratedAtHeights(double qMgPerS, double windMs, Stability stability, double x,
                                               double releaseHeightM, double receptorHeightM) {
        double sz = stability.sigmaZ(x);
        return qMgPerS / (Math.sqrt(2 * Math.PI) * windMs * sz) * reflection(sz, releaseHeightM, receptorHeightM);
    }

    /** The vertical factor of a source at h and a receptor at z with its image source at −h. */
    private static double reflection(double sigmaZ, double h, double z) {
        double twoVar = 2 * sigmaZ * sigmaZ;
        return Math.exp(-(z - h) * (z - h) / twoVar) + Math.exp(-(z + h) * (z + h) / twoVar);
    }

    /** Ground-level concentration at {@code x} metres downwind and {@code y} metres crosswind, mg/m³. */
    public static double concentration(double qMgPerS, double windMs, Stability stability, double x, double y) {
        if (x <= 0) {
            return 0; // upwind of a ground-level source the model gives nothing
        }
        double sy = stability.sigmaY(x);
        return centreline(qMgPerS, windMs, stability, x) * Math.exp(-y * y / (2 * sy * sy));
    }

    /**
     * Ground-level concentration at {@code x} metres downwind and {@code y} metres crosswind of a source
     * {@code releaseHeightM} above the ground, with full reflection at the ground, mg/m³:
     * C(x, y, 0) = Q / (π·u·σy·σz) · exp(−y²/2σy²) · exp(−H²/2σz²). With H = 0 it is {@link #concentration}.
     */
    public static double concentration(double qMgPerS, double windMs, Stability stability, double x, double y,
                                       double releaseHeightM) {
        if (x <= 0) {
            return 0;
        }
        double sy = stability.sigmaY(x);
        double sz = stability.sigmaZ(x);
        return qMgPerS / (Math.PI * windMs * sy * sz) * Math.exp(-y * y / (2 * sy * sy) - releaseHeightM * releaseHeightM / (2 * sz * sz));
    }

    /**
     * The distance downwind at which the centre-line concentration falls to {@code thresholdMgPerM3}, metres;
     * {@link Double#POSITIVE_INFINITY} when it is still above the threshold at {@code maxM}.
     */
    public static double reachM(double qMgPerS, double windMs, Stability stability, double thresholdMgPerM3, double maxM) {
        double target = qMgPerS / (Math.PI * windMs * thresholdMgPerM3); // σy·σz at the reach, m²
        if (product(stability, maxM) < target) {
            return Double.POSITIVE_INFINITY;
        }
        double lo = 1e-3;
        double hi = maxM;
        if (product(stability, lo) >= target) {
            return lo;
        }
        // bisection in log space: σy·σz is increasing, so the root is unique
        for (int i = 0; i < 100 && hi / lo > 1 + 1e-12; i++) {
            double mid = Math.sqrt(lo * hi);
            if (product(stability, mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.sqrt(lo * hi);
    }

    /** Half-width of the area above the threshold at {@code x} metres downwind, metres (0 at or beyond the reach). */
    public static double halfWidthM(double qMgPerS, double windMs, Stability stability, double thresholdMgPerM3, double x) {
        if (x <= 0) {
            return 0;
        }
        double ratio = centreline(qMgPerS, windMs, stability, x) / thresholdMgPerM3;
        return ratio <= 1 ? 0 : stability.sigmaY(x) * Math.sqrt(2 * Math.log(ratio));
    }

    private static double product(Stability s, double x) {
        return s.sigmaY(x) * s.sigmaZ(x);
    }
}
