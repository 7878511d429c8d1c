package org.steppewatch.analysis.plume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Against values worked out by hand (a calculator and Turner's table of the Briggs rural formulas). */
class PlumeModelTest {

    @Test
    void briggsRuralSigmasMatchHandComputedValues() {
        // σy = a·x/√(1 + 0.0001x); A at 200 m: 44/√1.02 = 43.566; σz = 0.20·200 = 40
        assertThat(Stability.A.sigmaY(200)).isCloseTo(43.566, within(0.001));
        assertThat(Stability.A.sigmaZ(200)).isCloseTo(40.0, within(1e-9));
        // B at 500 m: 80/√1.05 = 78.072; σz = 0.12·500 = 60
        assertThat(Stability.B.sigmaY(500)).isCloseTo(78.072, within(0.001));
        assertThat(Stability.B.sigmaZ(500)).isCloseTo(60.0, within(1e-9));
        // C at 2 km: 220/√1.2 = 200.832; σz = 160/√1.4 = 135.225
        assertThat(Stability.C.sigmaY(2000)).isCloseTo(200.832, within(0.001));
        assertThat(Stability.C.sigmaZ(2000)).isCloseTo(135.225, within(0.001));
        // D at 1 km: 80/√1.1 = 76.277; σz = 60/√2.5 = 37.947
        assertThat(Stability.D.sigmaY(1000)).isCloseTo(76.277, within(0.001));
        assertThat(Stability.D.sigmaZ(1000)).isCloseTo(37.947, within(0.001));
        // E at 3 km: 180/√1.3 = 157.870; σz = 90/1.9 = 47.368
        assertThat(Stability.E.sigmaY(3000)).isCloseTo(157.870, within(0.001));
        assertThat(Stability.E.sigmaZ(3000)).isCloseTo(47.368, within(0.001));
        // F at 1 km: 40/√1.1 = 38.139; σz = 16/1.3 = 12.308
        assertThat(Stability.F.sigmaY(1000)).isCloseTo(38.139, within(0.001));
        assertThat(Stability.F.sigmaZ(1000)).isCloseTo(12.308, within(0.001));
    }

    @Test
    void moreStableAirSpreadsLess() {
        for (double x : new double[] {100, 1_000, 10_000}) {
            Stability previous = null;
            for (Stability s : Stability.values()) {
                if (previous != null) {
                    assertThat(s.sigmaY(x)).as(s + " σy at " + x).isLessThan(previous.sigmaY(x));
                    assertThat(s.sigmaZ(x)).as(s + " σz at " + x).isLessThan(previous.sigmaZ(x));
                }
                previous = s;
            }
        }
    }

    @Test
    void ppmBecomesMilligramsPerCubicMetreWithTheMolecularWeight() {
        // UDMH AEGL-3 (1 h) 11 ppm × 60.10 / 24.45 = 27.04 mg/m³
        assertThat(PlumeModel.mgPerM3(11, 60.10)).isCloseTo(27.039, within(0.001));
        assertThat(PlumeModel.mgPerM3(24.45, 1)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void theSourceRateIsMassTimesAirborneFractionOverDuration() {
        // 172 t × 0.1 over 1 h = 17,200 kg / 3,600 s = 4.778 kg/s = 4.778e6 mg/s
        assertThat(PlumeModel.sourceRateMgPerS(172_000, 0.1, 3600)).isCloseTo(4_777_777.8, within(0.1));
    }

    @Test
    void centreLineConcentrationMatchesTheHandComputation() {
        // Q = 1 kg/s, u = 2 m/s, class D, x = 1 km: 1e6 / (π · 2 · 76.277 · 37.947) = 54.99 mg/m³
        assertThat(PlumeModel.centreline(1e6, 2, Stability.D, 1000)).isCloseTo(54.985, within(0.01));
        // off the centre line by one σy the concentration falls by exp(−½)
        double sy = Stability.D.sigmaY(1000);
        assertThat(PlumeModel.concentration(1e6, 2, Stability.D, 1000, sy))
                .isCloseTo(54.985 * Math.exp(-0.5), within(0.01));
        assertThat(PlumeModel.concentration(1e6, 2, Stability.D, -10, 0)).isZero();
    }

    @Test
    void theDownwindReachIsWhereTheCentreLineFallsToTheThreshold() {
        // Q = 1 kg/s, u = 2 m/s, D, 10 mg/m³: σy·σz = 1e6/(π·2·10) = 15,915 m², met at about 2,970 m
        double reach = PlumeModel.reachM(1e6, 2, Stability.D, 10, 100_000);

        assertThat(reach).isCloseTo(2969.7, within(0.5));
        assertThat(PlumeModel.centreline(1e6, 2, Stability.D, reach)).isCloseTo(10.0, within(1e-6));
        assertThat(PlumeModel.halfWidthM(1e6, 2, Stability.D, 10, reach)).isCloseTo(0.0, within(1e-3));
        // half-width at 1 km: σy·√(2 ln(54.985/10)) = 76.277 · 1.8463 = 140.8 m
        assertThat(PlumeModel.halfWidthM(1e6, 2, Stability.D, 10, 1000)).isCloseTo(140.83, within(0.05));
    }

    @Test
    void theProtonM2013ReleaseReachesAFewKilometresInNeutralAir() {
        double q = PlumeModel.sourceRateMgPerS(172_000, 0.1, 3600);

        assertThat(PlumeModel.reachM(q, 3, Stability.D, PlumeModel.mgPerM3(11, 60.10), 100_000)).isCloseTo(3320, within(5.0));
        assertThat(PlumeModel.reachM(q, 3, Stability.D, PlumeModel.mgPerM3(3.0, 60.10), 100_000)).isCloseTo(8498, within(5.0));
    }

    @Test
    void moreMassReachesFarther() {
        double previous = 0;
        for (double kg : new double[] {10, 100, 1_000, 10_000, 100_000}) {
            double reach = PlumeModel.reachM(PlumeModel.sourceRateMgPerS(kg, 0.1, 3600), 3, Stability.D, 7.37, 1e6);
            assertThat(reach).as(kg + " kg").isGreaterThan(previous);
            previous = reach;
        }
    }

    @Test
    void stableAirCarriesAThresholdFartherThanUnstableAir() {
        double q = PlumeModel.sourceRateMgPerS(1_000, 0.1, 3600);
        double previous = 0;
        for (Stability s : Stability.values()) {
            double reach = PlumeModel.reachM(q, 3, s, 7.37, 1e6);
            assertThat(reach).as("class " + s).isGreaterThan(previous);
            previous = reach;
        }
        assertThat(PlumeModel.reachM(q, 3, Stability.F, 7.37, 1e6)).isGreaterThan(3 * PlumeModel.reachM(q, 3, Stability.B, 7.37, 1e6));
    }

    @Test
    void strongerWindDilutesMore() {
        double q = PlumeModel.sourceRateMgPerS(1_000, 0.1, 3600);

        assertThat(PlumeModel.reachM(q, 6, Stability.D, 7.37, 1e6)).isLessThan(PlumeModel.reachM(q, 2, Stability.D, 7.37, 1e6));
    }

    @Test
    void aReachBeyondTheCapIsInfinite() {
        assertThat(PlumeModel.reachM(1e9, 1, Stability.F, 0.01, 50_000)).isInfinite();
    }

    @Test
    void stabilityClassesParseLenientlyAndDefaultConservatively() {
        assertThat(Stability.parse(" d ")).contains(Stability.D);
        assertThat(Stability.parse("G")).isEmpty();
        assertThat(Stability.parse(null)).isEmpty();
        assertThat(Stability.mostStableFor(1.5)).isEqualTo(Stability.F);
        assertThat(Stability.mostStableFor(4)).isEqualTo(Stability.E);
        assertThat(Stability.mostStableFor(8)).isEqualTo(Stability.D);
    }

    @Test
    void raisedSourceAndReceptorGiveTheReflectedGaussianByHand() {
        // Q = 1000 mg/s, u = 2 m/s, class D, x = 100 m, source at 0.46 m, receptor at 1.5 m:
        // σy = 8/√1.01 = 7.96030, σz = 6/√1.15 = 5.59503, 2σz² = 62.6086
        // vertical factor = exp(−1.04²/62.6086) + exp(−1.96²/62.6086) = 0.982872 + 0.940486 = 1.923358
        // centre line = 1000/(2π·2·7.96030·5.59503) · 1.923358 = 1.786724 · 1.923358 = 3.4365 mg/m³
        // crosswind-integrated = 1000/(√(2π)·2·5.59503) · 1.923358 = 35.6514 · 1.923358 = 68.571 mg/m²
        assertThat(PlumeModel.centrelineAtHeights(1000, 2, Stability.D, 100, 0.46, 1.5)).isCloseTo(3.4365, within(0.0005));
        assertThat(PlumeModel.crosswindIntegratedAtHeights(1000, 2, Stability.D, 100, 0.46, 1.5)).isCloseTo(68.571, within(0.005));
    }

    @Test
    void atGroundLevelTheRaisedFormIsTheZonesCentreLine() {
        // both heights 0: the two exponentials are 1, Q/(2π·u·σy·σz)·2 = Q/(π·u·σy·σz) = 1000/(π·2·7.96030·5.59503) = 3.5735
        assertThat(PlumeModel.centrelineAtHeights(1000, 2, Stability.D, 100, 0, 0)).isCloseTo(3.5735, within(0.0005));
        assertThat(PlumeModel.centreline(1000, 2, Stability.D, 100)).isCloseTo(3.5735, within(0.0005));
    }

    @Test
    void aRaisedSourceLowersTheGroundLevelConcentrationByTheVerticalFactor() {
        // Q = 1 kg/s, u = 2 m/s, class D, x = 1 km (σy 76.277, σz 37.947): 54.985 mg/m³ at the ground for H = 0; for
        // H = 50 m × exp(−50²/(2 · 37.947²)) = × 0.41977 = 23.081 mg/m³; one σy off the axis × exp(−½) = 13.999 mg/m³
        assertThat(PlumeModel.groundCentreline(1e6, 2, Stability.D, 1000, 0)).isCloseTo(54.985, within(0.01));
        assertThat(PlumeModel.groundCentreline(1e6, 2, Stability.D, 1000, 50)).isCloseTo(23.081, within(0.01));
        assertThat(PlumeModel.concentration(1e6, 2, Stability.D, 1000, Stability.D.sigmaY(1000), 50)).isCloseTo(13.999, within(0.01));
        assertThat(PlumeModel.concentration(1e6, 2, Stability.D, -5, 0, 50)).isZero();
    }

    @Test
    void aRaisedSourcesZoneRunsBetweenTheTwoPointsWhereTheGroundCentreLineEqualsTheThreshold() {
        PlumeModel.Extent e = PlumeModel.extent(1e6, 2, Stability.D, 10, 100_000, 50);

        assertThat(e.fromM()).isPositive();
        assertThat(e.toM()).isGreaterThan(e.fromM());
        assertThat(PlumeModel.groundCentreline(1e6, 2, Stability.D, e.fromM(), 50)).isCloseTo(10, within(1e-6));
        assertThat(PlumeModel.groundCentreline(1e6, 2, Stability.D, e.toM(), 50)).isCloseTo(10, within(1e-6));
        assertThat(PlumeModel.groundCentreline(1e6, 2, Stability.D, (e.fromM() + e.toM()) / 2, 50)).isGreaterThan(10);
        // too little to reach the ground above the threshold anywhere: empty
        assertThat(PlumeModel.extent(1e3, 2, Stability.D, 10, 100_000, 50).isEmpty()).isTrue();
    }
}
