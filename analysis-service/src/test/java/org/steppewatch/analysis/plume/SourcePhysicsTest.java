package org.steppewatch.analysis.plume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Plume rise, pool evaporation and the dense-gas criterion against hand calculations from their formulas' sources. */
class SourcePhysicsTest {

    /**
     * 1 MW convective: F = 9.81 × 10⁶ / (π × 1005 × 1.184 × 298.15) = 8.80 m⁴/s³; ISC3 (EPA-454/B-95-003b, 1.1.4) for A–D
     * and F &lt; 55: Δh = 21.425 F^¾ / u = 21.425 × 5.110 / 5 = 21.9 m at 5 m/s.
     */
    @Test
    void briggsRiseOfASmallFireInNeutralAir() {
        double f = PlumeRise.buoyancyFlux(1e6);
        assertThat(f).isCloseTo(8.80, within(0.01));
        assertThat(PlumeRise.finalRiseM(f, 5, Stability.D)).isCloseTo(21.9, within(0.1));
    }

    /**
     * F = 100 m⁴/s³ at 2 m/s: A–D 38.71 × 100^0.6 / 2 = 306.8 m; class F, s = 9.81 / 298.15 × 0.035 = 1.1516 × 10⁻³ s⁻²:
     * 2.6 (100 / (2 s))^⅓ = 91.4 m, below the calm-air 4 × 100^¼ × s^−⅜ = 160.0 m.
     */
    @Test
    void briggsRiseIsMuchLowerInStableAir() {
        assertThat(PlumeRise.finalRiseM(100, 2, Stability.C)).isCloseTo(306.8, within(0.1));
        assertThat(PlumeRise.finalRiseM(100, 2, Stability.F)).isCloseTo(91.4, within(0.1));
        assertThat(PlumeRise.finalRiseM(0, 2, Stability.F)).isZero();
    }

    /**
     * 1,000 kg of UDMH (791 kg/m³) spread 1 cm deep: 126.4 m² = 1,360.8 ft². EPA OCA Guidance equation D-1 at 1.5 m/s,
     * MW 60.1, 103 mmHg, 293.15 K: 0.284 × 1.5^0.78 (1.3720) × 60.1^⅔ (15.34) × 1,360.8 × 103 / (82.05 × 293.15)
     * = 34.84 lb/min = 0.2634 kg/s; the pool is gone in 63.3 min.
     */
    @Test
    void poolEvaporationByTheOcaGuidanceEquation() {
        assertThat(PoolEvaporation.poolAreaM2(1000, 791, 0.01) * PoolEvaporation.FT2_PER_M2).isCloseTo(1360.8, within(0.1));
        assertThat(PoolEvaporation.rateLbPerMin(1.5, 60.1, 1360.8, 103, 293.15)).isCloseTo(34.84, within(0.01));
        double q = PoolEvaporation.rateKgPerS(1000, 791, 0.01, 1.5, 60.1, 103, 293.15);
        assertThat(q).isCloseTo(0.2634, within(0.0001));
        assertThat(1000 / q / 60).isCloseTo(63.3, within(0.1));
        // a deeper pool has a fifth of the area and evaporates five times slower
        assertThat(PoolEvaporation.rateKgPerS(1000, 791, 0.05, 1.5, 60.1, 103, 293.15)).isCloseTo(q / 5, within(1e-9));
    }

    @Test
    void aBoilingLiquidIsReleasedAsAGasOverTenMinutes() {
        assertThat(PoolEvaporation.rateKgPerS(6000, 1440, 0.01, 3, 92.01, 800, 298.15)).isCloseTo(10.0, within(1e-9));
    }

    /**
     * Britter &amp; McQuaid (1988): (g₀'·q₀/D)^⅓ / U ≥ 0.15. UDMH vapour at 0.2634 kg/s in 1.5 m/s: ρ₀ = 60.1 / 24.45 = 2.458 kg/m³,
     * q₀ = 0.1071 m³/s, g₀' = 9.81 × (60.1 − 28.96) / 28.96 = 10.55 m/s², D = (q₀/U)^½ = 0.267 m: (10.55 × 0.1071 / 0.267)^⅓ / 1.5
     * = 1.08, dense. A trickle of a gas barely heavier than air in a strong wind: 10⁻⁶ kg/s of MW 30 at 10 m/s gives 0.010,
     * passive; a gas lighter than air is never dense.
     */
    @Test
    void theBritterMcQuaidCriterionFlagsDenseReleasesOnly() {
        assertThat(DenseGas.criterion(0.2634, 60.1, 1.5)).isCloseTo(1.078, within(0.002));
        assertThat(DenseGas.isDense(0.2634, 60.1, 1.5)).isTrue();
        assertThat(DenseGas.criterion(1e-6, 30, 10)).isCloseTo(0.0100, within(0.0002));
        assertThat(DenseGas.isDense(1e-6, 30, 10)).isFalse();
        assertThat(DenseGas.isDense(100, 17.03, 1)).isFalse();
    }
}
