package org.steppewatch.incident.incident;

import java.time.Instant;
import java.util.List;

import org.locationtech.jts.geom.Geometry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The body of POST and PUT. Everything is boxed or a String so that the validator, not the JSON
 * reader, reports missing or out-of-vocabulary values, all of them at once. Unknown properties are
 * ignored so a client may PUT back what it got from GET (id, version, status…).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
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

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Release(String substance, Double massKg) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Sample(String substance, String medium, Double value, String unit, Geometry location, Instant sampledAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Weather(Double windFromDeg, Double windSpeedMs, String stability) {
    }
}
