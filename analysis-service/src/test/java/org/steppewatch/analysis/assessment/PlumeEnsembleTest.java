package org.steppewatch.analysis.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.steppewatch.analysis.plume.Stability;
import org.steppewatch.analysis.plume.ThreatZones;
import org.steppewatch.contracts.Geo;
import org.steppewatch.georef.Geodesy;

/**
 * The ensemble against hand calculations. The reference release: Q = 4.778 kg/s, u = 3 m/s, class D, ground level,
 * AEGL-2 of UDMH 7.374 mg/m³, 60 min release and 60 min exposure. By hand with Briggs's rural D coefficients at
 * x = 4 km: σy = 0.08·4000/√1.4 = 270.4 m, σz = 0.06·4000/√7 = 90.71 m, C(x, 0) = Q/(π·u·σy·σz) = 20.66 mg/m³,
 * half-width w = σy·√(2·ln(20.66/7.374)) = 388 m. A disc of 0.5 km whose centre is 4 km away is touched by a
 * member whose axis passes within β of its bearing, where d·sin β − r = w(d·cos β): β = 12.81° (solved by
 * bisection on a calculator, not with the code under test). Every spread but the direction is set to zero.
 */
class PlumeEnsembleTest {

    private static final ThreatZones.Level AEGL_2 = new ThreatZones.Level("AEGL-2", 7.374);
    private static final double Q = 4.778e6;
    private static final double BETA_DEG = 12.805;
    private static final int MEMBERS = 20_000;
    /** Only the direction varies. */
    private static final EnsembleMembers.Spread DIRECTION_ONLY = new EnsembleMembers.Spread(MEMBERS, 0, 1, 0);

    private final PlumeEnsemble ensemble = new PlumeEnsemble(100, 60);

    private static PlumeHazards.Source source(Double windFromDeg, Double sigmaThetaDeg, double speed, Stability stability, double q) {
        return new PlumeHazards.Source("UDMH", "UDMH", "UNKNOWN", List.of(AEGL_2), q, q, q, 0, 0, 0, 60, 60, 60, windFromDeg, speed,
                stability, sigmaThetaDeg, 0, 0, 0);
    }

    private Map<String, PlumeEnsemble.Odds> odds(PlumeHazards.Source source, EnsembleMembers.Spread spread, long seed,
                                                 PlumeEnsemble.Candidate... candidates) {
        EnsembleMembers members = EnsembleMembers.sample(List.of(source), seed, spread);
        return ensemble.run(List.of(source), members).odds(List.of(candidates));
    }

    private static double p(Map<String, PlumeEnsemble.Odds> odds, String id) {
        PlumeEnsemble.Odds o = odds.get(id);
        return o == null ? 0 : o.probability().get("AEGL-2");
    }

    @Test
    void aSettlementOnTheAxisIsReachedByAlmostEveryMemberWhenTheDirectionIsKnown() {
        // wind from 225°: downwind 45°; σθ = 2° against β = 12.8°: P = 2Φ(6.4) − 1 ≈ 1
        var odds = odds(source(225.0, 2.0, 3, Stability.D, Q), DIRECTION_ONLY, 1, new PlumeEnsemble.Candidate("on", 4, 45, 0.5));
        assertThat(p(odds, "on")).isGreaterThan(0.999);
    }

    @Test
    void aSettlementFourSigmaOffTheAxisGetsTheNormalTail() {
        // 4σθ = 20° off the axis with σθ = 5°: members within β = 12.8° of it lie beyond 20 − 12.8 = 7.2° = 1.44σθ from
        // the mean: P = 1 − Φ(1.439) = 0.0751 (Φ from a normal table; the far side, Φ(−6.56), is nil)
        var odds = odds(source(225.0, 5.0, 3, Stability.D, Q), DIRECTION_ONLY, 2, new PlumeEnsemble.Candidate("off", 4, 65, 0.5));
        // 20,000 members: one standard error is √(0.075·0.925/20000) = 0.0019
        assertThat(p(odds, "off")).isCloseTo(0.0751, within(0.008));
    }

    @Test
    void withoutADirectionTheProbabilityIsTheAngularShareOfTheZone() {
        // every bearing equally likely: P = 2β/360° = 25.61/360 = 0.0711, wherever the settlement lies around the source
        var odds = odds(source(null, null, 3, Stability.D, Q), DIRECTION_ONLY, 3, new PlumeEnsemble.Candidate("n", 4, 10, 0.5),
                new PlumeEnsemble.Candidate("s", 4, 190, 0.5));
        assertThat(p(odds, "n")).isCloseTo(0.0711, within(0.008));
        assertThat(p(odds, "s")).isCloseTo(0.0711, within(0.008));
    }

    @Test
    void aTownWhoseEdgeButNotCentreIsCrossedCounts() {
        // exact direction (σθ = 0): the centre lies 4 km downwind and 700 m to the side, beyond w = 388 m; a 1.03 km disc
        // (5,000 people) reaches to within 388 m of the axis, a point does not: d = √(4000² + 700²) = 4060.8 m at 9.926°
        var source = source(225.0, 0.0, 3, Stability.D, Q);
        var odds = odds(source, new EnsembleMembers.Spread(100, 0, 1, 0), 4,
                new PlumeEnsemble.Candidate("town", 4.0608, 45 + 9.926, SettlementDisc.radiusKm(5_000)),
                new PlumeEnsemble.Candidate("point", 4.0608, 45 + 9.926, 0));
        assertThat(p(odds, "town")).isEqualTo(1.0);
        assertThat(p(odds, "point")).isEqualTo(0.0);
    }

    @Test
    void aSettlementCountsOnlyWhereThePlumeArrivesWithinTheReleaseAndTheExposureWindow() {
        // class F, 1 m/s, 100 kg/s: the centre line stays above AEGL-2 far beyond 10 km, but in 60 + 60 min at 1 m/s the
        // plume travels 7.2 km: a town at 5 km (disc edge 4.5 km: 4,500 s = 75 min) is reached, one at 20 km is not
        var source = source(225.0, 0.0, 1, Stability.F, 1e8);
        var odds = odds(source, new EnsembleMembers.Spread(50, 0, 1, 0), 5, new PlumeEnsemble.Candidate("near", 5, 45, 0.5),
                new PlumeEnsemble.Candidate("far", 20, 45, 0.5));
        assertThat(p(odds, "near")).isEqualTo(1.0);
        assertThat(odds.get("near").arrivalMinutes()).isEqualTo(75);
        assertThat(odds).doesNotContainKey("far");
    }

    @Test
    void theSameSeedGivesTheSameOddsAndAnotherSeedOthers() {
        var source = source(225.0, 5.0, 3, Stability.D, Q);
        var candidate = new PlumeEnsemble.Candidate("off", 4, 65, 0.5);
        var spread = EnsembleMembers.Spread.DEFAULT;
        long seed = EnsembleMembers.seed("proton-2013", 1);
        assertThat(odds(source, spread, seed, candidate)).isEqualTo(odds(source, spread, seed, candidate));
        assertThat(EnsembleMembers.seed("proton-2013", 2)).isNotEqualTo(seed);
        assertThat(p(odds(source, spread, seed, candidate), "off"))
                .isNotEqualTo(p(odds(source, spread, EnsembleMembers.seed("proton-2013", 2), candidate), "off"));
    }

    @Test
    void theStabilityClassIsTheCentralOneHalfTheTimeAndEachNeighbourAQuarter() {
        var spread = EnsembleMembers.Spread.DEFAULT;
        assertThat(EnsembleMembers.neighbour(3, 0.10, spread)).isEqualTo(2);
        assertThat(EnsembleMembers.neighbour(3, 0.50, spread)).isEqualTo(3);
        assertThat(EnsembleMembers.neighbour(3, 0.90, spread)).isEqualTo(4);
        assertThat(EnsembleMembers.neighbour(5, 0.90, spread)).isEqualTo(5); // F has one neighbour: 75 % F
        assertThat(EnsembleMembers.neighbour(0, 0.10, spread)).isEqualTo(0);
    }

    @Test
    void theProbabilityZoneCoversTheBearingsWhereAtLeastTenPercentOfTheMembersExceed() {
        // σθ = 5°, every other spread zero: at 4 km a bearing φ off the axis is covered when the member's axis lies within
        // α = atan(388/4000) = 5.54° of it, P(φ) = Φ((φ + α)/σ) − Φ((φ − α)/σ); P = 0.1 at φ = 11.9° (normal table), so the
        // zone at 4 km spans about 45° ± 12°; 20° off the axis only the wide first few hundred metres (at 300 m α = 14.4°,
        // P = 0.13; at 1 km α = 10.9°, P = 0.03); nothing upwind
        var source = source(225.0, 5.0, 3, Stability.D, Q);
        EnsembleMembers members = EnsembleMembers.sample(List.of(source), 7, DIRECTION_ONLY);
        var footprint = ensemble.run(List.of(source), members).footprints(0.1).get(0);
        double[] f = footprint.farthestM();
        // the axis: out to the last distance of the grid (9 % apart) before the reach of 8.5 km
        assertThat(f[(int) Math.round(45 / PolarGrid.STEP_DEG)]).isBetween(8_500 / 1.1, 8_500.0);
        assertThat(f[(int) Math.round(55 / PolarGrid.STEP_DEG)]).isGreaterThan(3_500);
        assertThat(f[(int) Math.round(65 / PolarGrid.STEP_DEG)]).isLessThan(4_000);
        assertThat(f[(int) Math.round(225 / PolarGrid.STEP_DEG)]).isZero();
    }

    @Test
    void theProbabilityZoneIsAValidPolygonAlongTheAxisAndNotUpwind() {
        var source = source(225.0, 5.0, 3, Stability.D, Q);
        EnsembleMembers members = EnsembleMembers.sample(List.of(source), 8, DIRECTION_ONLY);
        var footprint = ensemble.run(List.of(source), members).footprints(0.1).get(0);
        var site = Geo.point(63.0, 46.05);
        Geometry zone = PolarGrid.polygon(site, footprint);
        assertThat(zone.isValid()).isTrue();
        assertThat(zone.contains(Geo.FACTORY.createPoint(Geodesy.destination(site, 45, 4)))).isTrue();
        assertThat(zone.contains(Geo.FACTORY.createPoint(Geodesy.destination(site, 225, 1)))).isFalse();
    }

    @Test
    void separateLobesMakeAValidMultiPolygonAndALobeAcrossNorthStaysWhole() {
        double[] f = new double[PolarGrid.BEARINGS];
        for (int j = 0; j < 20; j++) { // 0°..9.5° and 350°..359.5°: one lobe across north
            f[j] = 5_000;
            f[PolarGrid.BEARINGS - 1 - j] = 5_000;
        }
        for (int j = 300; j < 340; j++) { // 150°..169.5°
            f[j] = 3_000;
        }
        f[500] = 2_000; // a single bearing: no area
        Geometry zone = PolarGrid.polygon(Geo.point(63.0, 46.05), new PolarGrid.Footprint(null, AEGL_2, f));
        assertThat(zone.isValid()).isTrue();
        assertThat(zone.getNumGeometries()).isEqualTo(2);
        assertThat(zone.contains(Geo.FACTORY.createPoint(Geodesy.destination(Geo.point(63.0, 46.05), 0, 4)))).isTrue();
    }

    @Test
    void theTableArctangentAgreesWithTheLibrary() {
        for (double t = 0; t < 3; t += 0.0137) {
            assertThat(PolarGrid.atanDeg(t)).isCloseTo(Math.toDegrees(Math.atan(t)), within(1e-5));
        }
    }

    @Test
    void withoutADirectionTheTenPercentZoneIsTheCircleWhereThePlumeIsWiderThan36Degrees() {
        // class A, 3 m/s, 100 kg/s, threshold 7.374 mg/m³: every bearing has the share 2α(x)/360°, at least 0.1 where
        // α ≥ 18°; α(x) = atan(σy/x · √(2·ln(C(x, 0)/c))) falls to 18° at x = 3.00 km (bisection on a calculator with
        // σy = 0.22x/√(1 + 0.0001x), σz = 0.20x); the grid's distances 100 m × 1000^(k/79) nearest below and above are
        // 2,774 m and 3,027 m: a circle of 2,774 m
        var source = source(null, null, 3, Stability.A, 1e8);
        EnsembleMembers members = EnsembleMembers.sample(List.of(source), 9, new EnsembleMembers.Spread(10, 0, 1, 0));
        double[] f = ensemble.run(List.of(source), members).footprints(0.1).get(0).farthestM();
        assertThat(java.util.Arrays.stream(f).boxed()).allSatisfy(d -> assertThat(d).isCloseTo(2_773.6, within(0.5)));
    }
}
