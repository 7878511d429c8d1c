package org.steppewatch.analysis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed.FallZoneFinding;
import org.steppewatch.georef.FallZone;
import org.steppewatch.georef.Geodesy;

class FallZoneIndexTest {

    private static final FallZoneIndex SHIPPED = FallZoneIndex.shipped();

    private static Geometry wkt(String text) {
        try {
            return new WKTReader(Geo.FACTORY).read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static FallZoneIndex square(double nearbyKm) {
        FallZone zone = new FallZone("SQ-1", "test square", "tests", wkt("POLYGON ((60 45, 61 45, 61 46, 60 46, 60 45))"),
                false, "high", "test literal");
        return new FallZoneIndex(List.of(zone), nearbyKm);
    }

    @Test
    void pointAtTheCentreOfRp15IsInsideRp15AndFlaggedApproximate() {
        FallZoneFinding finding = SHIPPED.locate((org.locationtech.jts.geom.Point) wkt("POINT (66.775 47.3333)"));

        assertThat(finding.status()).isEqualTo("INSIDE");
        assertThat(finding.zoneId()).isEqualTo("RP-15");
        assertThat(finding.distanceKm()).isEqualTo(0.0);
        assertThat(finding.approximate()).isTrue();
    }

    @Test
    void baikonurTownIsFarFromTheUlytauDropZones() {
        FallZoneFinding finding = SHIPPED.locate(Geo.point(63.31667, 45.61667));

        assertThat(finding.status()).isEqualTo("NO_ZONE_NEARBY");
        assertThat(finding.zoneId()).isIn("RP-15", "RP-25");
        // the zones lie some 230-330 km north-east of the town
        assertThat(finding.distanceKm()).isBetween(200.0, 350.0);
        assertThat(finding.approximate()).isTrue();
    }

    @Test
    void aPointJustOutsideAZoneIsOutsideWithTheGeodesicDistanceToItsEdge() {
        FallZoneFinding finding = square(100).locate(Geo.point(61.5, 45.5));

        assertThat(finding.status()).isEqualTo("OUTSIDE");
        assertThat(finding.zoneId()).isEqualTo("SQ-1");
        // the nearest edge point is due west, (61, 45.5): about 39 km along the parallel
        assertThat(finding.distanceKm()).isCloseTo(Geodesy.distanceKm(61.5, 45.5, 61.0, 45.5), within(0.1));
        assertThat(finding.distanceKm()).isBetween(38.0, 40.0);
        assertThat(finding.approximate()).isFalse();
    }

    @Test
    void nearestEdgeIsFoundInKilometresNotDegrees() {
        // an L: its east arm is 0.6 degrees of longitude away (~47 km at 45 N), its north arm 0.5 degrees of
        // latitude (~56 km); measured in degrees the north arm would wrongly look nearer
        FallZone l = new FallZone("L-1", "L", "tests",
                wkt("POLYGON ((60.6 44.5, 61 44.5, 61 46, 59.5 46, 59.5 45.5, 60.6 45.5, 60.6 44.5))"), false, "high", "test literal");

        FallZoneFinding finding = new FallZoneIndex(List.of(l), 100).locate(Geo.point(60, 45));

        assertThat(finding.distanceKm()).isCloseTo(Geodesy.distanceKm(60, 45, 60.6, 45), within(0.1));
    }

    @Test
    void theNearestOfSeveralZonesIsChosenByGeodesicDistance() {
        FallZone east = new FallZone("EAST", "east", "tests", wkt("POLYGON ((60.6 44.5, 61 44.5, 61 45.5, 60.6 45.5, 60.6 44.5))"),
                false, "high", "test literal");
        FallZone north = new FallZone("NORTH", "north", "tests", wkt("POLYGON ((59.5 45.5, 60.5 45.5, 60.5 46, 59.5 46, 59.5 45.5))"),
                true, "low", "test literal");

        FallZoneFinding finding = new FallZoneIndex(List.of(north, east), 100).locate(Geo.point(60, 45));

        assertThat(finding.zoneId()).isEqualTo("EAST");
        assertThat(finding.approximate()).isFalse();
    }

    @Test
    void theNearbyThresholdIsConfigurable() {
        assertThat(square(30).locate(Geo.point(61.5, 45.5)).status()).isEqualTo("NO_ZONE_NEARBY");
        assertThat(square(30).locate(Geo.point(61.5, 45.5)).distanceKm()).isBetween(38.0, 40.0);
        assertThat(square(50).locate(Geo.point(61.5, 45.5)).status()).isEqualTo("OUTSIDE");
    }

    @Test
    void aPointOnTheBoundaryCountsAsInside() {
        assertThat(square(100).locate(Geo.point(61.0, 45.5)).status()).isEqualTo("INSIDE");
    }

    @Test
    void withoutAnyZoneTheFindingNamesNone() {
        FallZoneFinding finding = new FallZoneIndex(List.of(), 100).locate(Geo.point(63, 46));

        assertThat(finding.status()).isEqualTo("NO_ZONE_NEARBY");
        assertThat(finding.zoneId()).isNull();
        assertThat(finding.distanceKm()).isNull();
    }

    @Test
    void theNearestZoneIsFoundEvenFarAwayAmongManyZones() {
        List<FallZone> many = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double lon = 50 + i;
            many.add(new FallZone("Z" + i, "z", "tests", wkt("POLYGON ((" + lon + " 40, " + (lon + 0.2) + " 40, " + (lon + 0.2) + " 40.2, "
                    + lon + " 40.2, " + lon + " 40))"), false, "high", "test literal"));
        }
        FallZoneIndex index = new FallZoneIndex(many, 50);

        FallZoneFinding finding = index.locate(Geo.point(70.1, 45.0)); // 540 km north of Z20

        assertThat(finding.status()).isEqualTo("NO_ZONE_NEARBY");
        assertThat(finding.zoneId()).isEqualTo("Z20");
        double brute = many.stream().mapToDouble(z -> Geodesy.distanceKm(Geo.point(70.1, 45.0),
                Geo.point(FallZoneIndex.nearestOnBoundary(z.geometry().getBoundary(), Geo.point(70.1, 45.0)).x,
                        FallZoneIndex.nearestOnBoundary(z.geometry().getBoundary(), Geo.point(70.1, 45.0)).y))).min().orElseThrow();
        assertThat(finding.distanceKm()).isCloseTo(brute, within(0.05));
    }

    @Test
    void nearListsEveryZoneWithinTheDistanceInsideFirst() {
        FallZone a = new FallZone("A", "a", "tests", wkt("POLYGON ((60 45, 61 45, 61 46, 60 46, 60 45))"), false, "high", "t");
        FallZone b = new FallZone("B", "b", "tests", wkt("POLYGON ((61.2 45, 62 45, 62 46, 61.2 46, 61.2 45))"), false, "high", "t");
        FallZone c = new FallZone("C", "c", "tests", wkt("POLYGON ((70 45, 71 45, 71 46, 70 46, 70 45))"), false, "high", "t");
        FallZoneIndex index = new FallZoneIndex(List.of(c, b, a), 100);

        List<FallZoneIndex.Nearby> near = index.near(Geo.point(60.9, 45.5), 100);

        assertThat(near).extracting(n -> n.zone().id()).containsExactly("A", "B");
        assertThat(near.get(0).inside()).isTrue();
        assertThat(near.get(1).distanceKm()).isBetween(20.0, 25.0);
    }
}
