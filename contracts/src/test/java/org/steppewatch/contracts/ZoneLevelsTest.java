package org.steppewatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ZoneLevelsTest {

    @Test
    void levelsHaveTheTiersOfTheSeverityRule() {
        assertThat(ZoneLevels.tier("AEGL-3")).isEqualTo(3);
        assertThat(ZoneLevels.tier("AEGL-2")).isEqualTo(2);
        assertThat(ZoneLevels.tier("REPORTED_FOOTPRINT")).isEqualTo(2);
        assertThat(ZoneLevels.tier("AEGL-1")).isEqualTo(1);
        assertThat(ZoneLevels.tier("SCREENING")).isEqualTo(1);
        assertThat(ZoneLevels.tier(null)).isZero();
    }

    @Test
    void levelsNotListedRankByTheirTrailingDigitAfterTheListedOnesOfTheirTier() {
        assertThat(ZoneLevels.tier("ERPG-2")).isEqualTo(2);
        assertThat(ZoneLevels.tier("PAC-3")).isEqualTo(3);
        assertThat(ZoneLevels.tier("SOMETHING-NEW")).isEqualTo(1);
        assertThat(ZoneLevels.worse("AEGL-2", "ERPG-2")).isTrue();
        assertThat(ZoneLevels.worse("ERPG-2", "AEGL-1")).isTrue();
    }

    @Test
    void theWorstLevelWinsAndAnObservedFootprintIsWorseThanDiscomfort() {
        assertThat(ZoneLevels.worst(List.of("AEGL-1", "AEGL-3", "AEGL-2"))).isEqualTo("AEGL-3");
        assertThat(ZoneLevels.worst(List.of("SCREENING", "REPORTED_FOOTPRINT"))).isEqualTo("REPORTED_FOOTPRINT");
        assertThat(ZoneLevels.worst(List.of("AEGL-1", "REPORTED_FOOTPRINT"))).isEqualTo("REPORTED_FOOTPRINT");
        assertThat(ZoneLevels.worst(List.of())).isNull();
        assertThat(ZoneLevels.worse("AEGL-2", "AEGL-1")).isTrue();
        assertThat(ZoneLevels.worse("AEGL-1", "AEGL-2")).isFalse();
        assertThat(ZoneLevels.worse("AEGL-2", "AEGL-2")).isFalse();
        assertThat(ZoneLevels.worse("SCREENING", null)).isTrue();
        assertThat(ZoneLevels.worse(null, "SCREENING")).isFalse();
    }

    @Test
    void sortsMostSevereFirst() {
        List<String> levels = new ArrayList<>(List.of("SCREENING", "AEGL-1", "AEGL-3", "REPORTED_FOOTPRINT", "AEGL-2"));
        levels.sort(ZoneLevels.MOST_SEVERE_FIRST);
        assertThat(levels).containsExactly("AEGL-3", "AEGL-2", "REPORTED_FOOTPRINT", "AEGL-1", "SCREENING");
    }
}
