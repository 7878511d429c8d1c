package org.steppewatch.analysis.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.steppewatch.contracts.Geo;
import org.steppewatch.georef.Geodesy;

class SettlementIndexTest {

    private static final SettlementIndex SHIPPED = SettlementIndex.shipped();
    private static final Point PROTON_2013 = Geo.point(63.00, 46.05);

    @Test
    void withinListsOnlySettlementsInsideTheRadiusNearestFirst() {
        List<SettlementIndex.Nearby> found = SHIPPED.within(PROTON_2013, 60);

        assertThat(found).extracting(n -> n.settlement().id()).contains("gn:1521368", "gn:9858283");
        assertThat(found).allSatisfy(n -> assertThat(n.distanceKm()).isLessThanOrEqualTo(60.0));
        assertThat(found).extracting(SettlementIndex.Nearby::distanceKm).isSorted();
    }

    @Test
    void withinFindsEverySettlementABruteForceScanFinds() {
        Point karaganda = Geo.point(73.1, 49.8);
        for (double radius : new double[] {10, 100, 250, 500}) {
            long expected = org.steppewatch.georef.SettlementCatalog.shipped().all().stream()
                    .filter(s -> Geodesy.distanceKm(karaganda, s.point()) <= radius).count();
            assertThat(SHIPPED.within(karaganda, radius)).hasSize((int) expected);
        }
    }

    @Test
    void insideUsesTheAreaNotItsBoundingBox() {
        // a thin triangle whose bounding box holds Baikonur town but whose area does not
        var triangle = Geo.FACTORY.createPolygon(new org.locationtech.jts.geom.Coordinate[] {
                new org.locationtech.jts.geom.Coordinate(63.0, 45.5), new org.locationtech.jts.geom.Coordinate(63.5, 45.5),
                new org.locationtech.jts.geom.Coordinate(63.0, 45.8), new org.locationtech.jts.geom.Coordinate(63.0, 45.5)});
        var bigger = Geodesy.circle(Geo.point(63.31667, 45.61667), 5, 72);

        assertThat(SHIPPED.inside(triangle)).extracting(s -> s.id()).doesNotContain("gn:1521368");
        assertThat(SHIPPED.inside(bigger)).extracting(s -> s.id()).contains("gn:1521368");
    }

    @Test
    void nearestFindsWhatABruteForceGeodesicScanFinds() {
        java.util.Random random = new java.util.Random(7);
        List<org.steppewatch.georef.Settlement> synthetic = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            synthetic.add(new org.steppewatch.georef.Settlement("s:" + i, "S" + i, null, null, 60 + random.nextDouble() * 10,
                    44 + random.nextDouble() * 6, 1, "t", "t", List.of()));
        }
        SettlementIndex index = new SettlementIndex(synthetic);
        for (int probe = 0; probe < 10; probe++) {
            Point p = Geo.point(60 + random.nextDouble() * 10, 44 + random.nextDouble() * 6);
            List<String> expected = synthetic.stream()
                    .map(s -> java.util.Map.entry(s.id(), Geodesy.distanceKm(p.getX(), p.getY(), s.lon(), s.lat())))
                    .sorted(java.util.Map.Entry.comparingByValue()).limit(5).map(java.util.Map.Entry::getKey).toList();

            List<SettlementIndex.Nearby> found = index.nearest(p, 5, 150);

            assertThat(found).extracting(n -> n.settlement().id()).containsExactlyElementsOf(expected);
            assertThat(found.get(0).bearingDeg()).isEqualTo(Geodesy.bearingDeg(p, found.get(0).settlement().point()));
        }
        // an empty steppe: the search widens to the limit and returns what is there
        assertThat(index.nearest(Geo.point(80, 44), 5, 150)).isEmpty();
    }
}
