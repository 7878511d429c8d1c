package org.steppewatch.analysis.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AssessmentSummaryTest {

    @Test
    void bearingsReadAsSixteenPointCompass() {
        assertThat(AssessmentSummary.compass(0)).isEqualTo("N");
        assertThat(AssessmentSummary.compass(153)).isEqualTo("SSE");
        assertThat(AssessmentSummary.compass(359)).isEqualTo("N");
        assertThat(AssessmentSummary.compass(270)).isEqualTo("W");
        assertThat(AssessmentSummary.compass(236)).isEqualTo("SW");
    }

    @Test
    void numbersLoseTrailingZeros() {
        assertThat(AssessmentSummary.number(1230.0)).isEqualTo("1230");
        assertThat(AssessmentSummary.number(1.23)).isEqualTo("1.23");
        assertThat(AssessmentSummary.number(0.1)).isEqualTo("0.1");
    }
}
