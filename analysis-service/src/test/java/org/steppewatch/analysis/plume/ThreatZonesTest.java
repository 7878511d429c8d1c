package org.steppewatch.analysis.plume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.steppewatch.contracts.Geo;
import org.steppewatch.georef.Geodesy;

class ThreatZonesTest {

    private static final Point SITE = Geo.point(63.00, 46.05);
    /** UDMH AEGL-3/2 at 1 h and, for the test, a made-up AEGL-1 of 0.5 ppm so that three zones nest. */
    private static final List<ThreatZones.Level> LEVELS = List.of(
            new ThreatZones.Level("AEGL-3", PlumeModel.mgPerM3(11, 60.10)),
            new ThreatZones.Level("AEGL-2", PlumeModel.mgPerM3(3.0, 60.10)),
            new ThreatZones.Level("AEGL-1", PlumeModel.mgPerM3(0.5, 60.10)));
    private static final double Q = PlumeModel.sourceRateMgPerS(172_000, 0.1, 3600);

    @Test
    void zonesNestAegl3InsideAegl2InsideAegl1() {
        for (Stability s : Stability.values()) {
            List<ThreatZones.Zone> zones = ThreatZones.plume(SITE, 45, Q, 3, s, LEVELS, 100_000);

            assertThat(zones).as("class " + s).hasSize(3);
            zones.forEach(z -> assertThat(z.geometry().isValid()).as(z.level().name() + " valid").isTrue());
            assertThat(zones.get(1).geometry().contains(zones.get(0).geometry())).as("AEGL-2 ⊃ AEGL-3, class " + s).isTrue();
            assertThat(zones.get(2).geometry().contains(zones.get(1).geometry())).as("AEGL-1 ⊃ AEGL-2, class " + s).isTrue();
            assertThat(zones.get(0).reachM()).isLessThan(zones.get(1).reachM());
        }
    }

    @Test
    void thePlumePointsDownwindAndItsTipIsAtTheReach() {
        // wind from the south-west (225°) blows towards the north-east (45°)
        ThreatZones.Zone aegl2 = ThreatZones.plume(SITE, 45, Q, 3, Stability.D, LEVELS.subList(1, 2), 100_000).get(0);

        Coordinate tip = farthest(aegl2);
        assertThat(Geodesy.distanceKm(SITE.getX(), SITE.getY(), tip.x, tip.y)).isCloseTo(8.498, within(0.01));
        assertThat(Geodesy.bearingDeg(SITE, Geo.point(tip.x, tip.y))).isCloseTo(45, within(0.01));
        assertThat(aegl2.truncated()).isFalse();
        assertThat(aegl2.geometry().contains(Geo.point(Geodesy.destination(SITE, 45, 4).x, Geodesy.destination(SITE, 45, 4).y))).isTrue();
        assertThat(aegl2.geometry().contains(Geo.point(Geodesy.destination(SITE, 225, 1).x, Geodesy.destination(SITE, 225, 1).y))).isFalse();
        // the widest half-width is a few hundred metres
        assertThat(aegl2.maxHalfWidthM()).isBetween(200.0, 800.0);
    }

    @Test
    void aVertexLiesWhereTheModelPutsTheThreshold() {
        ThreatZones.Level level = LEVELS.get(1);
        double x = 4000;
        double w = PlumeModel.halfWidthM(Q, 3, Stability.D, level.thresholdMgPerM3(), x);
        Coordinate edge = ThreatZones.place(SITE, 45, x, w);

        // the point x metres downwind and w to the right: bearing 45° + atan(w/x), distance √(x² + w²)
        assertThat(Geodesy.distanceKm(SITE.getX(), SITE.getY(), edge.x, edge.y) * 1000).isCloseTo(Math.hypot(x, w), within(0.01));
        assertThat(Geodesy.bearingDeg(SITE, Geo.point(edge.x, edge.y))).isCloseTo(45 + Math.toDegrees(Math.atan2(w, x)), within(1e-6));
        assertThat(PlumeModel.concentration(Q, 3, Stability.D, x, w)).isCloseTo(level.thresholdMgPerM3(), within(1e-9));
    }

    @Test
    void aRaisedSourcesZonesStartDownwindAndStillNest() {
        for (Stability s : Stability.values()) {
            List<ThreatZones.Zone> zones = ThreatZones.plume(SITE, 45, Q, 3, s, 50, LEVELS, 100_000);

            assertThat(zones).as("class " + s).isNotEmpty();
            for (int i = 0; i < zones.size(); i++) {
                ThreatZones.Zone z = zones.get(i);
                assertThat(z.geometry().isValid()).as(z.level().name() + " valid, class " + s).isTrue();
                assertThat(z.geometry().contains(SITE)).as("the ground under a raised source is clear, class " + s).isFalse();
                if (i > 0) {
                    assertThat(z.geometry().contains(zones.get(i - 1).geometry())).as(z.level().name() + " nests, class " + s).isTrue();
                }
            }
            // the zone's first vertex lies where Q/(π·u·σy·σz)·exp(−H²/2σz²) falls to the threshold
            ThreatZones.Zone outer = zones.get(zones.size() - 1);
            Coordinate start = outer.geometry().getCoordinates()[0];
            double x = Geodesy.distanceKm(SITE.getX(), SITE.getY(), start.x, start.y) * 1000;
            double sz = s.sigmaZ(x);
            double c = Q / (Math.PI * 3 * s.sigmaY(x) * sz) * Math.exp(-50.0 * 50 / (2 * sz * sz));
            assertThat(c / outer.level().thresholdMgPerM3()).as("class " + s).isCloseTo(1.0, within(1e-3));
        }
    }

    @Test
    void aHigherSourceGivesLowerGroundConcentrationsAndASmallerZone() {
        ThreatZones.Zone ground = ThreatZones.plume(SITE, 45, Q, 3, Stability.D, 0, LEVELS.subList(1, 2), 100_000).get(0);
        ThreatZones.Zone raised = ThreatZones.plume(SITE, 45, Q, 3, Stability.D, 50, LEVELS.subList(1, 2), 100_000).get(0);

        assertThat(raised.geometry().getArea()).isLessThan(ground.geometry().getArea());
        assertThat(ground.geometry().contains(raised.geometry())).isTrue();
    }

    @Test
    void classFReachesFartherThanClassB() {
        ThreatZones.Zone b = ThreatZones.plume(SITE, 90, Q, 3, Stability.B, LEVELS.subList(0, 1), 100_000).get(0);
        ThreatZones.Zone f = ThreatZones.plume(SITE, 90, Q, 3, Stability.F, LEVELS.subList(0, 1), 100_000).get(0);

        assertThat(f.reachM()).isGreaterThan(5 * b.reachM());
        assertThat(f.geometry().getArea()).isGreaterThan(b.geometry().getArea());
    }

    @Test
    void aZoneBeyondTheCapIsCutThereAndFlagged() {
        ThreatZones.Zone zone = ThreatZones.plume(SITE, 0, Q, 1.5, Stability.F, LEVELS.subList(1, 2), 30_000).get(0);

        assertThat(zone.truncated()).isTrue();
        assertThat(zone.reachM()).isEqualTo(30_000);
        assertThat(zone.geometry().isValid()).isTrue();
        Coordinate tip = farthest(zone);
        assertThat(Geodesy.distanceKm(SITE.getX(), SITE.getY(), tip.x, tip.y)).isBetween(30.0, 30.1);
    }

    @Test
    void withoutWindDirectionTheZonesAreNestedCirclesOfTheReach() {
        List<ThreatZones.Zone> circles = ThreatZones.circles(SITE, Q, 3, Stability.D, LEVELS, 100_000);

        assertThat(circles).hasSize(3);
        assertThat(circles.get(0).reachM()).isCloseTo(PlumeModel.reachM(Q, 3, Stability.D, LEVELS.get(0).thresholdMgPerM3(), 1e6), within(1e-6));
        for (Coordinate c : circles.get(1).geometry().getCoordinates()) {
            assertThat(Geodesy.distanceKm(SITE.getX(), SITE.getY(), c.x, c.y)).isCloseTo(circles.get(1).reachM() / 1000, within(1e-6));
        }
        assertThat(circles.get(1).geometry().contains(circles.get(0).geometry())).isTrue();
        assertThat(circles.get(2).geometry().contains(circles.get(1).geometry())).isTrue();
    }

    @Test
    void moreMassGivesALargerZone() {
        ThreatZones.Zone small = ThreatZones.plume(SITE, 45, Q / 10, 3, Stability.D, LEVELS.subList(1, 2), 100_000).get(0);
        ThreatZones.Zone large = ThreatZones.plume(SITE, 45, Q, 3, Stability.D, LEVELS.subList(1, 2), 100_000).get(0);

        assertThat(large.reachM()).isGreaterThan(small.reachM());
        assertThat(large.geometry().getArea()).isGreaterThan(small.geometry().getArea());
        Coordinate tip = farthest(small);
        assertThat(large.geometry().contains(Geo.point(tip.x, tip.y))).isTrue();
    }

    private static Coordinate farthest(ThreatZones.Zone zone) {
        Coordinate best = null;
        double bestKm = -1;
        for (Coordinate c : zone.geometry().getCoordinates()) {
            double km = Geodesy.distanceKm(SITE.getX(), SITE.getY(), c.x, c.y);
            if (km > bestKm) {
                bestKm = km;
                best = c;
            }
        }
        return best;
    }
}
