package org.steppewatch.analysis.plume;

/**
 * Briggs' final rise of a buoyant plume, in the form the US EPA's ISC3 model uses (<i>User's Guide for the
 * Industrial Source Complex (ISC3) Dispersion Models</i>, vol. II, EPA-454/B-95-003b, 1995, section 1.1.4), for
 * a heat source such as a burning pool of propellant:
 *
 * <pre>
 *   buoyancy flux     F = g · Qc / (π · cp · ρ · T)                 m⁴/s³   (Briggs 1969; Qc convective heat, W)
 *   classes A–D       Δh = 21.425 · F^¾ / u          for F &lt; 55
 *                     Δh = 38.71 · F^⅗ / u           for F ≥ 55
 *   classes E, F      Δh = 2.6 · (F / (u · s))^⅓,   s = (g / T) · ∂θ/∂z,  ∂θ/∂z = 0.020 K/m (E), 0.035 K/m (F)
 *                     and at most the calm-air rise 4 · F^¼ · s^−⅜ (Briggs 1975) and the A–D rise
 * </pre>
 *
 * with air at 25 °C and 1 atm (cp = 1005 J/(kg·K), ρ = 1.184 kg/m³, T = 298.15 K, as the ppm conversion) and u the
 * 10 m wind. The formulas were fitted to stack plumes of up to a few hundred megawatts; a crash fire is larger, and
 * its rise is an extrapolation (said in the zone's caveats).
 */
public final class PlumeRise {

    static final double G = 9.81;
    static final double CP_AIR = 1005;
    static final double RHO_AIR = 1.184;
    static final double T_AIR = 298.15;

    private PlumeRise() {
    }

    /** Buoyancy flux of a convective heat release of {@code convectiveWatts}, m⁴/s³. */
    public static double buoyancyFlux(double convectiveWatts) {
        return G * convectiveWatts / (Math.PI * CP_AIR * RHO_AIR * T_AIR);
    }

    /** Final rise of a plume of buoyancy flux {@code f} (m⁴/s³) in a 10 m wind of {@code windMs}, metres. */
    public static double finalRiseM(double f, double windMs, Stability stability) {
        if (!(f > 0)) {
            return 0;
        }
        double neutral = f < 55 ? 21.425 * Math.pow(f, 0.75) / windMs : 38.71 * Math.pow(f, 0.6) / windMs;
        if (stability != Stability.E && stability != Stability.F) {
            return neutral;
        }
        double s = G / T_AIR * (stability == Stability.E ? 0.020 : 0.035);
        double windy = 2.6 * Math.cbrt(f / (windMs * s));
        double calm = 4 * Math.pow(f, 0.25) * Math.pow(s, -0.375);
        return Math.min(neutral, Math.min(windy, calm));
    }
}
