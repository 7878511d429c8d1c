package org.steppewatch.analysis.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed.HazardZone;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.IncidentFacts.Release;
import org.steppewatch.georef.Geodesy;

class ScreeningRadiusTest {

    private final ScreeningRadius model = new ScreeningRadius();
    private final Point site = Geo.point(63.00, 46.05);

    private static IncidentFacts releasing(Release... releases) {
        return new IncidentFacts("t", IncidentCategory.FUEL_SPILL, Instant.parse("2020-01-01T00:00:00Z"), Geo.point(63.00, 46.05),
                null, null, null, List.of(releases), List.of(), null, null);
    }

    @Test
    void theProtonM2013LoadOf172TonnesGivesAbout67Km() {
        assertThat(ScreeningRadius.radiusKm(172_000)).isCloseTo(66.7, within(0.05));
        assertThat(ScreeningRadius.radiusKm(1_000)).isCloseTo(12.0, within(1e-9));
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
    void aVolatileToxicReleaseGetsAGeodesicCircleOfThatRadius() {
        List<HazardZone> zones = model.zones(site, releasing(new Release("UDMH", 172_000)));

        assertThat(zones).singleElement().satisfies(zone -> {
            assertThat(zone.level()).isEqualTo("SCREENING");
            assertThat(zone.substance()).isEqualTo("UDMH");
            assertThat(zone.thresholdPpm()).isNull();
            assertThat(zone.exposureMinutes()).isNull();
            assertThat(zone.method()).isEqualTo("screening radius 12 km × (mass in t)^(1/3); provisional until the Gaussian plume model");
            assertThat(zone.caveats()).contains("not a dispersion model: ignores wind and stability");
            assertThat(zone.geometry().getGeometryType()).isEqualTo("Polygon");
            assertThat(zone.geometry().getCoordinates()).hasSize(73);
            for (Coordinate c : zone.geometry().getCoordinates()) {
                assertThat(Geodesy.distanceKm(63.00, 46.05, c.x, c.y)).isCloseTo(66.7, within(0.05));
            }
            assertThat(zone.geometry().contains(site)).isTrue();
        });
    }

    @Test
    void onlyVolatileToxicSubstancesGetAZoneLargestFirst() {
        List<HazardZone> zones = model.zones(site, releasing(new Release("KEROSENE", 50_000), new Release("n2o4", 8_000),
                new Release("HG", 10), new Release("UDMH", 30_000)));

        assertThat(zones).extracting(HazardZone::substance).containsExactly("UDMH", "N2O4");
    }

    @Test
    void releasesOfOneSubstanceAreAddedUpAndUnknownMassesDrawNothing() {
        List<HazardZone> zones = model.zones(site, releasing(new Release("UDMH", 86_000), new Release("UDMH", 86_000),
                new Release("NDMA", 0)));

        assertThat(zones).singleElement().satisfies(zone -> {
            Coordinate c = zone.geometry().getCoordinates()[0];
            assertThat(Geodesy.distanceKm(63.00, 46.05, c.x, c.y)).isCloseTo(66.7, within(0.05));
        });
    }
}
