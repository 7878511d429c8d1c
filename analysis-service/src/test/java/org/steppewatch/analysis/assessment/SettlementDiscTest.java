package org.steppewatch.analysis.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** r = √(P/(π·1500 per km²)) by hand, with the 0.5 km floor and the 15 km cap. */
class SettlementDiscTest {

    @Test
    void theRadiusFollowsThePopulationAtUrbanCentreDensity() {
        // 70,000 / (π × 1,500) = 14.854 km², √ = 3.854 km
        assertThat(SettlementDisc.radiusKm(70_000)).isCloseTo(3.854, within(0.001));
        // 5,000 / 4,712.4 = 1.0610, √ = 1.030 km
        assertThat(SettlementDisc.radiusKm(5_000)).isCloseTo(1.030, within(0.001));
    }

    @Test
    void villagesAndUnknownPopulationsGetTheFloorAndCitiesTheCap() {
        assertThat(SettlementDisc.radiusKm(0)).isEqualTo(0.5);
        assertThat(SettlementDisc.radiusKm(300)).isEqualTo(0.5);
        assertThat(SettlementDisc.radiusKm(2_000_000)).isEqualTo(15.0);
    }
}
