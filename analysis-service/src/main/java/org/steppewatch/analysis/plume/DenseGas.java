package org.steppewatch.analysis.plume;

/**
 * Whether a continuous release is dense enough for gravity to shape its spread, where a Gaussian plume of a
 * passive gas does not apply: the criterion of Britter &amp; McQuaid, <i>Workbook on the Dispersion of Dense Gases</i>,
 * HSE Contract Research Report 17/1988 (as used in CCPS, <i>Guidelines for Consequence Analysis of Chemical
 * Releases</i>, 1999):
 *
 * <pre>
 *   (g₀' · q₀ / D)^⅓ / U ≥ 0.15      dense
 *   g₀' = g · (ρ₀ − ρa) / ρa          reduced gravity of the released gas at the source
 *   q₀  = volume release rate, m³/s;  D = (q₀ / U)^½;  U = wind speed at 10 m
 * </pre>
 *
 * The source gas is taken as the pure vapour at 25 °C and 1 atm (ρ₀ = MW / 24.45 g/L, ρa = 28.96 / 24.45 g/L),
 * the densest it can be: a vapour leaving a pool already mixed with air is lighter, so a flag may be raised
 * where the cloud is in fact passive, not the other way round. A hot fire plume is buoyant, never dense.
 */
public final class DenseGas {

    public static final double THRESHOLD = 0.15;
    static final double AIR_MOLECULAR_WEIGHT = 28.96;

    private DenseGas() {
    }

    /** The criterion's number for a release of {@code qKgPerS} of a vapour of {@code molecularWeight} in a wind of {@code windMs}. */
    public static double criterion(double qKgPerS, double molecularWeight, double windMs) {
        if (!(molecularWeight > AIR_MOLECULAR_WEIGHT) || !(qKgPerS > 0)) {
            return 0;
        }
        double rho0 = molecularWeight / PlumeModel.MOLAR_VOLUME_LITRES; // kg/m³ (g/L)
        double reducedGravity = PlumeRise.G * (molecularWeight - AIR_MOLECULAR_WEIGHT) / AIR_MOLECULAR_WEIGHT;
        double q0 = qKgPerS / rho0;
        double d = Math.sqrt(q0 / windMs);
        return Math.cbrt(reducedGravity * q0 / d) / windMs;
    }

    public static boolean isDense(double qKgPerS, double molecularWeight, double windMs) {
        return criterion(qKgPerS, molecularWeight, windMs) >= THRESHOLD;
    }
}
