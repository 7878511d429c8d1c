package org.steppewatch.incident.incident;

import java.time.Instant;
import java.util.List;

import org.locationtech.jts.geom.Geometry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The body of POST and PUT. Everything is boxed or a String so that the validator, not the JSON
 * reader, reports missing or out-of-vocabulary values, all of them at once. Unknown fields are refused (a
 * typo like {@code windFrom} must not read as "no wind"); only the fields GET adds are ignored by name, so a
 * client may PUT back what it got.
 */
@JsonIgnoreProperties({"id", "version", "status", "reportedAt", "updatedAt", "retraction"})
record IncidentRequest(
        String title,
        String category,
        Instant occurredAt,
        Geometry location,
        Geometry footprint,
        String vehicle,
        String launchSite,
        List<Release> releases,
        List<Sample> samples,
        Weather weather,
        String description) {

    record Release(String substance, Double massKg, String scenario) {
    }

    /** {@code detected: false} with a {@code detectionLimit} and no value is a non-detect. */
    record Sample(String substance, String medium, Double value, String unit, Geometry location, Instant sampledAt,
                  Boolean detected, Double detectionLimit) {
    }

    /** {@code cloudCoverOktas} is read as a number so that 2.5 is refused by name, not rounded. */
    record Weather(Double windFromDeg, Double windSpeedMs, String stability, Double cloudCoverOktas, Double windDirectionSigmaDeg) {
    }
}
