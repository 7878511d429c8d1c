package org.steppewatch.incident.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrendTest {

    /**
     * Eleven yearly values (1 January 2014 to 2024, so t is the year exactly), µg/L; 2014 a non-detect:
     * ND, 2, 3, 2, 4, 5, 4, 6, 7, 8, 9.
     *
     * <p>By hand. S, later value above minus below, per earlier value (a non-detect is below every detect):
     * ND: 10 above → +10; 2: 8 above, 1 tie → +8; 3: 7 above, 1 below → +6; 2: 7 above → +7; 4: 5 above, 1 tie → +5;
     * 5: 4 above, 1 below → +3; 4: +4; 6: +3; 7: +2; 8: +1. S = 49.
     * Ties: two groups of 2 (the 2s, the 4s), each t(t-1)(2t+5) = 2·1·9 = 18.
     * var = (11·10·27 − 36)/18 = (2970 − 36)/18 = 163. z = (49 − 1)/√163 = 48/12.76715 = 3.75965.
     * p = 2(1 − Φ(3.75965)); Φ's upper tail at 3.76 is 8.5e-5 (normal table), so p ≈ 1.70e-4 &lt; 0.05: increasing.
     * Theil–Sen over the 45 pairs of the ten detects: 18 slopes below 0.75 (−1, −1, 0, 0, 0.25, 0.4, 0.5, 0.5, 0.6,
     * seven of 2/3, two of 5/7), five equal to 0.75 (2015→2019 2→5, 2015→2023 2→8, 2016→2024 3→9, 2018→2022 4→7,
     * 2019→2023 5→8), so the 23rd of 45, the median, is 0.75 µg/L per year.
     */
    @Test
    void aHandComputedSeriesGivesItsStatisticSlopeAndDirection() {
        Trend trend = Trend.of(handExample(), "µg/L");

        assertThat(trend.shown()).isTrue();
        assertThat(trend.n()).isEqualTo(11);
        assertThat(trend.nonDetects()).isEqualTo(1);
        assertThat(trend.s()).isEqualTo(49);
        assertThat(trend.variance()).isEqualTo(163.0, within(1e-9));
        assertThat(trend.z()).isEqualTo(3.75965, within(1e-5));
        assertThat(trend.pValue()).isEqualTo(1.70e-4, within(0.01e-4));
        assertThat(trend.direction()).isEqualTo("INCREASING");
        assertThat(trend.theilSenSlopePerYear()).isEqualTo(0.75, within(1e-12));
        assertThat(trend.unit()).isEqualTo("µg/L per year");
        assertThat(trend.alpha()).isEqualTo(0.05);
    }

    /** The same values in reverse time order: S = −49, z = (−49 + 1)/√163 = −3.75965, the slope −0.75. */
    @Test
    void theReversedSeriesDecreasesBySymmetry() {
        List<Trend.Point> forward = handExample();
        List<Trend.Point> reversed = new ArrayList<>();
        for (int i = 0; i < forward.size(); i++) {
            reversed.add(new Trend.Point(forward.get(i).day(), forward.get(forward.size() - 1 - i).value()));
        }

        Trend trend = Trend.of(reversed, "µg/L");

        // the non-detect now comes last: below every detect, so every pair with it still counts, the other way
        assertThat(trend.s()).isEqualTo(-49);
        assertThat(trend.z()).isEqualTo(-3.75965, within(1e-5));
        assertThat(trend.direction()).isEqualTo("DECREASING");
        assertThat(trend.theilSenSlopePerYear()).isEqualTo(-0.75, within(1e-12));
    }

    /** Gilbert's normal approximation is for more than 10 values: ten are counted, not tested. */
    @Test
    void tenValuesAreTooFewAndSaySo() {
        Trend trend = Trend.of(handExample().subList(1, 11), "µg/L");

        assertThat(trend.shown()).isFalse();
        assertThat(trend.n()).isEqualTo(10);
        assertThat(trend.reason()).isEqualTo("fewer than 11 dated single results (n = 10)");
        assertThat(trend.s()).isNull();
        assertThat(trend.pValue()).isNull();
    }

    /** No change at all: every value tied, S = 0, z = 0, p = 1, no trend. */
    @Test
    void aFlatSeriesHasNoTrend() {
        List<Trend.Point> flat = new ArrayList<>();
        for (int year = 2010; year <= 2022; year++) {
            flat.add(new Trend.Point(LocalDate.of(year, 1, 1), 3.0));
        }

        Trend trend = Trend.of(flat, "mg/kg");

        assertThat(trend.s()).isZero();
        assertThat(trend.pValue()).isEqualTo(1.0, within(1e-6));
        assertThat(trend.direction()).isEqualTo("NO_TREND");
        assertThat(trend.theilSenSlopePerYear()).isEqualTo(0.0);
    }

    /** Φ's upper tail at 1.96 is 0.025 (every normal table). */
    @Test
    void theNormalTailMatchesTheTable() {
        assertThat(Trend.upperTail(1.96)).isEqualTo(0.0250, within(1e-4));
        assertThat(Trend.upperTail(0)).isEqualTo(0.5, within(1e-7));
    }

    static List<Trend.Point> handExample() {
        Double[] values = {null, 2.0, 3.0, 2.0, 4.0, 5.0, 4.0, 6.0, 7.0, 8.0, 9.0};
        List<Trend.Point> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new Trend.Point(LocalDate.of(2014 + i, 1, 1), values[i]));
        }
        return points;
    }
}
