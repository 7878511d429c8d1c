package org.steppewatch.analysis.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.Geo;
import org.steppewatch.georef.Geodesy;
import org.steppewatch.georef.Settlement;

class ReferenceSnapshotTest {

    private static final ShippedReference SHIPPED = ShippedReference.load();

    @Test
    void theVersionIsAContentHashThatChangesWithTheImports() {
        ReferenceSnapshot plain = ReferenceSnapshot.assemble(SHIPPED, ReferenceSnapshot.Imports.NONE, 100);
        ReferenceSnapshot again = ReferenceSnapshot.assemble(SHIPPED, ReferenceSnapshot.Imports.NONE, 100);
        ReferenceSnapshot imported = ReferenceSnapshot.assemble(SHIPPED, new ReferenceSnapshot.Imports(List.of(new Settlement("gn:1", "X",
                null, null, 70, 45, 10, "t", "t", List.of())), "sha256:abc", null, null, null, null), 100);

        assertThat(plain.version()).matches("sha256:[0-9a-f]{16}").isEqualTo(again.version()).isNotEqualTo(imported.version());
        assertThat(plain.parts()).extracting(ReferenceSnapshot.Part::name).containsExactly("geo-reference", "substances", "areas-of-concern");
        assertThat(imported.parts()).extracting(ReferenceSnapshot.Part::name).contains("settlements-imported");
        assertThat(imported.settlements().size()).isEqualTo(plain.settlements().size() + 1);
    }

    @Test
    void theShippedAreasOfConcernAreApproximateWithTheirSources() {
        assertThat(SHIPPED.areasOfConcern()).extracting(ReferenceZone::id)
                .containsExactly("AOC-BAIKONUR-LEASE", "AOC-SEMIPALATINSK-TS", "AOC-SARY-SHAGAN");
        assertThat(SHIPPED.areasOfConcern()).allSatisfy(z -> {
            assertThat(z.kind()).isEqualTo(ReferenceZone.AREA_OF_CONCERN);
            assertThat(z.approximate()).isTrue();
            assertThat(z.source()).contains("kz_domain_points.csv");
            assertThat(z.geometry().isValid()).isTrue();
        });
        // the leased area: 90 km E-W by 85 km N-S around the cosmodrome's reference point
        ReferenceZone lease = SHIPPED.areasOfConcern().get(0);
        var centre = Geo.point(63.305, 45.965);
        var east = Geodesy.destination(centre, 90, 44.5);
        var north = Geodesy.destination(centre, 0, 42);
        assertThat(lease.geometry().contains(Geo.point(east.x, east.y))).isTrue();
        assertThat(lease.geometry().contains(Geo.point(north.x, north.y))).isTrue();
        var beyond = Geodesy.destination(centre, 0, 43.5);
        assertThat(lease.geometry().contains(Geo.point(beyond.x, beyond.y))).isFalse();
        assertThat(SHIPPED.areasOfConcern().get(2).confidence()).isEqualTo("low");
    }
}
