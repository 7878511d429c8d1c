package org.steppewatch.georef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.Geo;

class ShippedReferenceDataTest {

    private final SettlementCatalog settlements = SettlementCatalog.shipped();

    @Test
    void mergesSourcesWithoutDuplicatingTowns() {
        assertThat(settlements.all()).filteredOn(s -> s.name().equals("Baikonur")).singleElement()
                .satisfies(baikonur -> {
                    assertThat(baikonur.id()).isEqualTo("gn:1521368");
                    assertThat(baikonur.nameRu()).isEqualTo("Байконур");
                    assertThat(baikonur.nameKk()).isEqualTo("Байқоңыр");
                    assertThat(baikonur.population()).isEqualTo(70_000);
                });
        // Karagandy (GeoNames) and Qaraghandy (SimpleMaps) are one city
        assertThat(settlements.all()).filteredOn(s -> SettlementCatalog.normalise(s.name()).startsWith("karagand"))
                .hasSize(1);
        // Tyuratam lies 4 km from Baikonur and is a place of its own
        assertThat(settlements.all()).anyMatch(s -> s.name().equals("Tyuratam"));
    }

    @Test
    void keepsTownsOnlySimpleMapsKnows() {
        // SimpleMaps' Atasu is GeoNames' Zhangaarqa, at the same spot: one place, found by either name
        assertThat(settlements.findByName("Atasu")).singleElement()
                .satisfies(atasu -> assertThat(atasu.alternateNames()).contains("Atasu"));
        assertThat(settlements.findByName("Жаңаарқа")).hasSize(1);
        assertThat(settlements.all()).filteredOn(s -> s.id().startsWith("sm:")).isNotEmpty();
        assertThat(settlements.size()).isBetween(205, 205 + 146 + 14);
    }

    @Test
    void measuresOnTheEllipsoid() {
        // pad 81/24 to Baikonur town: about 57 km in the press reports of the 2013 crash
        double km = Geodesy.distanceKm(Geo.point(62.9849, 46.0712), Geo.point(63.31667, 45.61667));
        assertThat(km).isCloseTo(56.9, within(1.0));
        assertThat(Geodesy.bearingDeg(Geo.point(63, 46), Geo.point(63, 47))).isCloseTo(0.0, within(1e-6));
        assertThat(Geodesy.circle(Geo.point(63, 46), 10, 64).getArea()).isPositive();
    }

    @Test
    void shipsTheApproximateYu24DropZones() {
        FallZoneCatalog zones = FallZoneCatalog.shipped();
        assertThat(zones.zones()).extracting(FallZone::id).containsExactly("RP-15", "RP-25");
        assertThat(zones.zones()).allMatch(FallZone::approximate);
        assertThat(ReferenceResources.shippedVersion()).startsWith("shipped-sha256:").hasSize(31);
    }
}
