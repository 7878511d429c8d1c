package org.steppewatch.analysis.plume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Against values worked out by hand from the definitions of Chang &amp; Hanna (2004). */
class PerformanceMetricsTest {

    @Test
    void threePairsGiveTheHandComputedMeasures() {
        // obs {1, 2, 4}, pred {2, 2, 2}: C̄o = 7/3, C̄p = 2
        // FB   = (7/3 − 2) / (0.5 · 13/3) = (1/3) / (13/6) = 2/13 = 0.153846
        // NMSE = ((1−2)² + 0² + (4−2)²)/3 / (7/3 · 2) = (5/3) / (14/3) = 5/14 = 0.357143
        // MG   = exp(mean(ln 1, ln 2, ln 4) − ln 2) = exp(ln 2 − ln 2) = 1
        // VG   = exp(((−ln 2)² + 0 + (ln 2)²)/3) = exp(2 · 0.480453/3) = exp(0.320302) = 1.377544
        // FAC2: Cp/Co = 2, 1, 0.5, all within [0.5, 2] (the bounds count) = 1
        PerformanceMetrics m = PerformanceMetrics.of(new double[] {1, 2, 4}, new double[] {2, 2, 2});
        assertThat(m.n()).isEqualTo(3);
        assertThat(m.fb()).isCloseTo(0.153846, within(1e-6));
        assertThat(m.nmse()).isCloseTo(0.357143, within(1e-6));
        assertThat(m.mg()).isCloseTo(1.0, within(1e-12));
        assertThat(m.vg()).isCloseTo(1.377544, within(1e-6));
        assertThat(m.fac2()).isEqualTo(1.0);
    }

    @Test
    void aModelThatPredictsTooLittleHasPositiveBiasAndMissesFactorTwo() {
        // obs {4, 10}, pred {1, 10}: C̄o = 7, C̄p = 5.5
        // FB   = 1.5 / 6.25 = 0.24;  NMSE = (9 + 0)/2 / (7 · 5.5) = 4.5/38.5 = 0.116883
        // MG   = exp((ln 4 + 0)/2) = 2;  VG = exp((ln 4)²/2) = exp(1.921812/2) = exp(0.960906) = 2.614064
        // FAC2: Cp/Co = 0.25 (out), 1 (in) = 0.5
        PerformanceMetrics m = PerformanceMetrics.of(new double[] {4, 10}, new double[] {1, 10});
        assertThat(m.fb()).isCloseTo(0.24, within(1e-9));
        assertThat(m.nmse()).isCloseTo(0.116883, within(1e-6));
        assertThat(m.mg()).isCloseTo(2.0, within(1e-9));
        assertThat(m.vg()).isCloseTo(2.614064, within(1e-6));
        assertThat(m.fac2()).isEqualTo(0.5);
    }

    @Test
    void aZeroIsRefusedBecauseTheGeometricMeasuresNeedItsLogarithm() {
        assertThatThrownBy(() -> PerformanceMetrics.of(new double[] {0, 1}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PerformanceMetrics.of(new double[] {1}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
