package org.steppewatch.analysis.substance;

import java.util.Map;
import java.util.Optional;

/**
 * One Acute Exposure Guideline Level of a substance: ppm per exposure time, or a status saying why there is none.
 *
 * @param level        AEGL-1, AEGL-2 or AEGL-3
 * @param status       null when values are given; else "not recommended" or "not established"
 * @param ppmByMinutes exposure time in minutes (10, 30, 60, 240, 480) to ppm
 */
public record AeglLevel(String level, String status, Map<Integer, Double> ppmByMinutes, String source, String confidence) {

    public AeglLevel {
        ppmByMinutes = ppmByMinutes == null ? Map.of() : Map.copyOf(ppmByMinutes);
    }

    /** The threshold for this exposure time, when the level has one. */
    public Optional<Double> ppm(int exposureMinutes) {
        return Optional.ofNullable(ppmByMinutes.get(exposureMinutes));
    }
}
