package org.steppewatch.analysis.plume;

/**
 * Evaporation from a liquid pool, US EPA, <i>Risk Management Program Guidance for Offsite Consequence Analysis</i>
 * (EPA 550-B-99-009, 1999; revised 2009), Appendix D, equation D-1, in the guidance's own units:
 *
 * <pre>
 *   QR = 0.284 · U^0.78 · MW^⅔ · A · VP / (82.05 · T)      lb/min
 *   U wind speed m/s, MW g/mol, A pool area ft², VP vapour pressure mmHg, T liquid temperature K
 *   A = spilled volume / depth; the guidance's worst case spreads an undiked spill to a depth of 1 cm
 * </pre>
 *
 * The pool then evaporates for mass / QR. A liquid whose vapour pressure reaches the ambient pressure boils rather
 * than evaporates: it is released in full over 10 minutes ({@link #GAS_RELEASE_MINUTES}), the guidance's worst case
 * for a toxic gas (a simplification of its rules for liquefied gases).
 */
public final class PoolEvaporation {

    public static final double LB_PER_KG = 2.20462;
    public static final double FT2_PER_M2 = 10.7639;
    /** The guidance's worst-case release time of a toxic gas: the whole quantity over 10 minutes. */
    public static final double GAS_RELEASE_MINUTES = 10;
    static final double ATMOSPHERE_MMHG = 760;

    private PoolEvaporation() {
    }

    /** Equation D-1: evaporation rate, lb/min. */
    public static double rateLbPerMin(double windMs, double molecularWeight, double areaFt2, double vapourPressureMmHg,
                                      double temperatureK) {
        return 0.284 * Math.pow(windMs, 0.78) * Math.pow(molecularWeight, 2.0 / 3) * areaFt2 * vapourPressureMmHg
                / (82.05 * temperatureK);
    }

    /** Area of {@code massKg} of a liquid of {@code densityKgPerM3} spread to {@code depthM}, m². */
    public static double poolAreaM2(double massKg, double densityKgPerM3, double depthM) {
        return massKg / densityKgPerM3 / depthM;
    }

    /** Evaporation rate of the pool, kg/s (equation D-1 converted to SI). */
    public static double rateKgPerS(double massKg, double densityKgPerM3, double depthM, double windMs, double molecularWeight,
                                    double vapourPressureMmHg, double temperatureK) {
        if (vapourPressureMmHg >= ATMOSPHERE_MMHG) {
            return massKg / (GAS_RELEASE_MINUTES * 60);
        }
        double areaFt2 = poolAreaM2(massKg, densityKgPerM3, depthM) * FT2_PER_M2;
        return rateLbPerMin(windMs, molecularWeight, areaFt2, vapourPressureMmHg, temperatureK) / LB_PER_KG / 60;
    }
}
