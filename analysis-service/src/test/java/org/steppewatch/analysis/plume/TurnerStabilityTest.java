package org.steppewatch.analysis.plume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * Expected values from US EPA, Meteorological Monitoring Guidance for Regulatory Modeling Applications, EPA-454/R-99-005
 * (2000), section 6.4.1 (Turner's method): tables 6-4, 6-5 and 6-6; class numbers 1 = A … 6 = F, 7 = G counted as F.
 */
class TurnerStabilityTest {

    private static final Instant PROTON_2013 = Instant.parse("2013-07-02T02:38:22Z");

    @Test
    void insolationClassesFollowTable6_5() {
        assertThat(TurnerStability.insolationClass(60.1)).isEqualTo(4);
        assertThat(TurnerStability.insolationClass(60.0)).isEqualTo(3);
        assertThat(TurnerStability.insolationClass(35.1)).isEqualTo(3);
        assertThat(TurnerStability.insolationClass(35.0)).isEqualTo(2);
        assertThat(TurnerStability.insolationClass(15.1)).isEqualTo(2);
        assertThat(TurnerStability.insolationClass(15.0)).isEqualTo(1);
        assertThat(TurnerStability.insolationClass(2.0)).isEqualTo(1);
    }

    @Test
    void rowsOfTable6_4() {
        // 0-1 knots (0-0.7 m/s): 1 1 2 3 4 6 7 for index 4 … −2
        assertThat(row(0.5)).containsExactly(Stability.A, Stability.A, Stability.B, Stability.C, Stability.D, Stability.F, Stability.F);
        // 2-3 knots (0.8-1.8 m/s): 1 2 2 3 4 6 7
        assertThat(row(1.5)).containsExactly(Stability.A, Stability.B, Stability.B, Stability.C, Stability.D, Stability.F, Stability.F);
        // 4-5 knots (1.9-2.8 m/s): 1 2 3 4 4 5 6
        assertThat(row(2.5)).containsExactly(Stability.A, Stability.B, Stability.C, Stability.D, Stability.D, Stability.E, Stability.F);
        // 6 knots (2.9-3.3 m/s): 2 2 3 4 4 5 6
        assertThat(row(3.0)).containsExactly(Stability.B, Stability.B, Stability.C, Stability.D, Stability.D, Stability.E, Stability.F);
        // 7 knots (3.4-3.8 m/s): 2 2 3 4 4 4 5
        assertThat(row(3.6)).containsExactly(Stability.B, Stability.B, Stability.C, Stability.D, Stability.D, Stability.D, Stability.E);
        // 8-9 knots (3.9-4.8 m/s): 2 3 3 4 4 4 5
        assertThat(row(4.5)).containsExactly(Stability.B, Stability.C, Stability.C, Stability.D, Stability.D, Stability.D, Stability.E);
        // 10 knots (4.9-5.4 m/s): 3 3 4 4 4 4 5
        assertThat(row(5.0)).containsExactly(Stability.C, Stability.C, Stability.D, Stability.D, Stability.D, Stability.D, Stability.E);
        // 11 knots (5.5-5.9 m/s): 3 3 4 4 4 4 4
        assertThat(row(5.7)).containsExactly(Stability.C, Stability.C, Stability.D, Stability.D, Stability.D, Stability.D, Stability.D);
        // 12 knots and more (6.0 m/s and more): 3 4 4 4 4 4 4
        assertThat(row(8.0)).containsExactly(Stability.C, Stability.D, Stability.D, Stability.D, Stability.D, Stability.D, Stability.D);
    }

    private static Stability[] row(double windMs) {
        Stability[] row = new Stability[7];
        for (int i = 0; i < 7; i++) {
            row[i] = TurnerStability.classFor(4 - i, windMs);
        }
        return row;
    }

    @Test
    void theNetRadiationIndexFollowsTable6_6WithCloudInOktas() {
        // night: ≤ 4/10 (≤ 3 oktas) −2, more −1; overcast with an unknown ceiling taken high: −1
        assertThat(TurnerStability.netRadiationIndex(true, 0, null)).isEqualTo(-2);
        assertThat(TurnerStability.netRadiationIndex(true, 0, 3)).isEqualTo(-2);
        assertThat(TurnerStability.netRadiationIndex(true, 0, 4)).isEqualTo(-1);
        assertThat(TurnerStability.netRadiationIndex(true, 0, 8)).isEqualTo(-1);
        // day: up to 5/10 (4 oktas) the insolation class; more, with the ceiling taken below 7,000 ft: minus 2, at least 1
        assertThat(TurnerStability.netRadiationIndex(false, 3, null)).isEqualTo(3);
        assertThat(TurnerStability.netRadiationIndex(false, 3, 4)).isEqualTo(3);
        assertThat(TurnerStability.netRadiationIndex(false, 3, 5)).isEqualTo(1);
        assertThat(TurnerStability.netRadiationIndex(false, 2, 7)).isEqualTo(1);
        assertThat(TurnerStability.netRadiationIndex(false, 4, 6)).isEqualTo(2);
        // 10/10 below 7,000 ft: 0
        assertThat(TurnerStability.netRadiationIndex(false, 4, 8)).isEqualTo(0);
    }

    /**
     * 2 July 2013, 08:38 local time: the sun at 24.2° (SolarElevationTest), slight insolation, class 2. Pasquill's scheme
     * for slight insolation gives B under 2 m/s, C from 2 to 5 m/s, D above; with more than half the sky clouded
     * (the day turned to rain) the index drops to 1 (C) and with an overcast to 0 (D).
     */
    @Test
    void theMorningOfThe2013CrashGivesCOrDWithWindOrCloudAndBInCalmClearAir() {
        TurnerStability.Estimate clear3 = TurnerStability.estimate(PROTON_2013, 63.00, 46.05, null, 3.0);
        assertThat(clear3.night()).isFalse();
        assertThat(clear3.solarElevationDeg()).isCloseTo(24.2, within(0.2));
        assertThat(clear3.insolationClass()).isEqualTo(2);
        assertThat(clear3.netRadiationIndex()).isEqualTo(2);
        assertThat(clear3.stability()).isEqualTo(Stability.C);

        assertThat(TurnerStability.estimate(PROTON_2013, 63.00, 46.05, 6, 1.5).stability()).isEqualTo(Stability.C);
        assertThat(TurnerStability.estimate(PROTON_2013, 63.00, 46.05, 8, 1.5).stability()).isEqualTo(Stability.D);
        assertThat(TurnerStability.estimate(PROTON_2013, 63.00, 46.05, null, 1.5).stability()).isEqualTo(Stability.B);
    }

    /**
     * Turner's night runs from one hour before sunset to one hour after sunrise. Sunrise at 46.05 N 63.00 E on 2 July
     * 2013, by hand: cos H₀ = (sin(−0.833°) − sin 46.05° sin 23.05°) / (cos 46.05° cos 23.05°) = −0.464, H₀ = 117.6° = 7 h 50 min
     * before apparent noon, which falls at 12:00 − 4 h 12 min (63° E) + 3.9 min = 07:52 UTC: sunrise about 00:01 UTC.
     */
    @Test
    void theHourAfterSunriseCountsAsNight() {
        TurnerStability.Estimate early = TurnerStability.estimate(Instant.parse("2013-07-02T00:40:00Z"), 63.00, 46.05, null, 1.5);
        assertThat(early.solarElevationDeg()).isPositive();
        assertThat(early.night()).isTrue();
        assertThat(early.stability()).isEqualTo(Stability.F);

        // 01:30 UTC: hour angle −95.5°, sin h = 0.2818 + 0.6387 cos 95.5° = 0.2206, h = 12.7°: day, weak insolation (1) → C
        TurnerStability.Estimate later = TurnerStability.estimate(Instant.parse("2013-07-02T01:30:00Z"), 63.00, 46.05, null, 1.5);
        assertThat(later.night()).isFalse();
        assertThat(later.solarElevationDeg()).isCloseTo(12.7, within(0.3));
        assertThat(later.stability()).isEqualTo(Stability.C);
    }

    @Test
    void theNightOfThe2007CrashIsStable() {
        // 5 September 2007 22:43 UTC at 67.28 E is 03:12 local mean time: night, clear sky assumed, 1.5 m/s → G, counted as F
        TurnerStability.Estimate e = TurnerStability.estimate(Instant.parse("2007-09-05T22:43:00Z"), 67.28, 47.51, null, 1.5);
        assertThat(e.night()).isTrue();
        assertThat(e.netRadiationIndex()).isEqualTo(-2);
        assertThat(e.stability()).isEqualTo(Stability.F);
    }
}
