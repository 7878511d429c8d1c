package org.steppewatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubstanceCodesTest {

    @Test
    void knowsTheRocketPropellantsAndLegacyContaminants() {
        assertThat(SubstanceCodes.all()).containsKeys("UDMH", "N2O4", "NDMA", "KEROSENE", "HG", "PCB", "CS137");
        assertThat(SubstanceCodes.name("udmh")).contains("Unsymmetrical dimethylhydrazine (heptyl)");
    }

    @Test
    void rejectsCodesNotInTheTable() {
        assertThat(SubstanceCodes.isKnown("HEPTYL-X")).isFalse();
        assertThat(SubstanceCodes.isKnown(null)).isFalse();
    }
}
