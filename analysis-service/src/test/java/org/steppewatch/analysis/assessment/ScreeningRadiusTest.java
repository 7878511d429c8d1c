package org.steppewatch.analysis.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed.HazardZone;
import org.steppewatch.georef.Geodesy;

class ScreeningRadiusTest {

    private final Point site = Geo.point(63.00, 46.05);

    @Test
    void theRadiusIsTwelveKilometresTimesTheCubeRootOfTheTonnes() {
        assertThat(ScreeningRadius.radiusKm(172_000)).isCloseTo(66.7, within(0.05));
        assertThat(ScreeningRadius.radiusKm(1_000)).isCloseTo(12.0, within(1e-9));
        assertThat(ScreeningRadius.radiusKm(30_000)).isCloseTo(37.3, within(0.05));
    }

    @Test
    void radiusGrowsWithMass() {
        double previous = 0;
        for (double kg : new double[] {20, 100, 1_000, 5_000, 30_000, 172_000, 219_000, 1_000_000}) {
            double r = ScreeningRadius.radiusKm(kg);
            assertThat(r).isGreaterThan(previous);
            previous = r;
        }
    }

    @Test
    void radiusIsClampedToOneAndOneHundredFiftyKm() {
        assertThat(ScreeningRadius.radiusKm(0.5)).isEqualTo(1.0);
        assertThat(ScreeningRadius.radiusKm(0)).isEqualTo(1.0);
        assertThat(ScreeningRadius.radiusKm(10_000_000)).isEqualTo(150.0);
        assertThat(ScreeningRadius.radiusKm(1_953_000)).isLessThan(150.0);
    }

    @Test
    void theFallbackZoneIsAGeodesicCircleLabelledScreening() {
        HazardZone zone = ScreeningRadius.zone(site, "NDMA", 30_000);

        assertThat(zone.level()).isEqualTo("SCREENING");
        assertThat(zone.substance()).isEqualTo("NDMA");
        assertThat(zone.thresholdPpm()).isNull();
        assertThat(zone.method()).contains("fallback", "without AEGL");
        assertThat(zone.caveats()).contains("not a dispersion model: ignores wind and stability");
        assertThat(zone.geometry().getCoordinates()).hasSize(73);
        for (Coordinate c : zone.geometry().getCoordinates()) {
            assertThat(Geodesy.distanceKm(63.00, 46.05, c.x, c.y)).isCloseTo(37.3, within(0.05));
        }
        assertThat(zone.geometry().contains(site)).isTrue();
    }
}
