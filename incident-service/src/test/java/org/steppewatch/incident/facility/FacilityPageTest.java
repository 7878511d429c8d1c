package org.steppewatch.incident.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.Geo;

/** The facility list as open data: one flat row per facility and release, the facility's point as geometry. */
class FacilityPageTest {

    private static final FacilityResponse SMELTER = new FacilityResponse("fac-smelter", "Example: smelter", "Op", null,
            Geo.point(74.98213, 46.84546), true, "made up", 2, List.of(
                    new FacilityRelease(2023, "HG", "air", 35.0, "E", 10.0, 3.5, true, "E-PRTR Annex II", true),
                    FacilityRelease.unjudged(2024, "PB", "air", 150.0, null)));
    private static final FacilityResponse EMPTY = new FacilityResponse("fac-empty", "Plant", "Op", null,
            Geo.point(72.95, 50.05), false, "report", 1, List.of());

    @Test
    void eachReleaseIsARowWithTheFacilityColumnsAndAFacilityWithoutReleasesIsOneRow() {
        FacilityPage page = new FacilityPage(List.of(SMELTER, EMPTY), 0, 50, 2);

        List<FacilityPage.Row> rows = page.rows();

        assertThat(page.dataset()).isEqualTo("facilities");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).columns()).containsKeys("id", "example", "year", "pollutant", "amountKg", "thresholdKg",
                "factor", "aboveThreshold", "judged");
        assertThat(rows.get(0).columns().get("example")).isEqualTo(true);
        assertThat(rows.get(0).columns().get("factor")).isEqualTo(3.5);
        assertThat(rows.get(1).columns().get("judged")).isEqualTo(false);
        assertThat(rows.get(1).columns().get("factor")).isNull();
        assertThat(rows.get(2).columns().get("id")).isEqualTo("fac-empty");
        assertThat(rows.get(2).columns().get("year")).isNull();
        assertThat(rows.get(0).geometry().getCoordinate().x).isEqualTo(74.98213);
    }

    @Test
    void aPageWithExamplesSaysTheyAreMadeUp() {
        assertThat(new FacilityPage(List.of(SMELTER), 0, 50, 1).attributions())
                .containsExactly(FacilityPage.EXAMPLES, FacilityPage.THRESHOLDS);
        assertThat(new FacilityPage(List.of(EMPTY), 0, 50, 1).attributions()).isEmpty();
    }
}
