package org.steppewatch.georef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.steppewatch.contracts.Geo;

class RegionCatalogTest {

    private final RegionCatalog regions = RegionCatalog.shipped();

    @Test
    void shipsTheTwentyRegionsWithTheirNamesInThreeLanguages() {
        assertThat(regions.regions()).hasSize(20);
        assertThat(regions.regions()).filteredOn(r -> r.name().equals("Ulytau Region")).singleElement()
                .satisfies(ulytau -> {
                    assertThat(ulytau.id()).isEqualTo("osm:85128");
                    assertThat(ulytau.nameKk()).isEqualTo("Ұлытау облысы");
                    assertThat(ulytau.nameRu()).isEqualTo("Улытауская область");
                    // Zhezkazgan lies in Ulytau Region
                    assertThat(ulytau.geometry().contains(Geo.point(67.70628, 47.79411))).isTrue();
                });
    }

    @Test
    void simplifiesToAFractionOfTheVerticesWithoutMovingTheBordersApart() {
        RegionCatalog simple = regions.simplified(0.01);
        int before = regions.regions().stream().mapToInt(r -> r.geometry().getNumPoints()).sum();
        int after = simple.regions().stream().mapToInt(r -> r.geometry().getNumPoints()).sum();
        assertThat(after).isLessThan(before / 8);
        for (int i = 0; i < regions.regions().size(); i++) {
            Geometry original = regions.regions().get(i).geometry();
            Geometry light = simple.regions().get(i).geometry();
            assertThat(light.isValid()).as(simple.regions().get(i).name()).isTrue();
            assertThat(light.getArea()).isCloseTo(original.getArea(), within(original.getArea() * 0.02));
        }
        // neighbours still share their border: simplified together, not one by one
        Geometry kyzylorda = byName(simple, "Kyzylorda Region");
        Geometry ulytau = byName(simple, "Ulytau Region");
        assertThat(kyzylorda.intersection(ulytau).getArea()).isLessThan(1e-6);
        assertThat(kyzylorda.distance(ulytau)).isZero();
    }

    private static Geometry byName(RegionCatalog catalog, String name) {
        return catalog.regions().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().geometry();
    }
}
