package org.steppewatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ResultRecordedJsonTest {

    /** A non-detect read back is still a non-detect: a consumer must never take it for a measured value. */
    @Test
    void aNonDetectKeepsDetectedFalseThroughTheJson() {
        ResultRecorded nonDetect = new ResultRecorded("res-1", null, null, null, Geo.point(72.9, 50.1), "HG", "water",
                null, null, null, false, 0.0001, null, "mg/L", null, "SINGLE", null, null, null, null, null, null, null,
                null, "aigerim", Instant.parse("2026-11-20T10:00:00Z"));

        ResultRecorded read = EventJson.readContamination(EventJson.write(nonDetect), ResultRecorded.class);

        assertThat(read.detected()).isFalse();
        assertThat(read.isDetected()).isFalse();
        assertThat(read).isEqualTo(nonDetect);
    }
}
