package org.steppewatch.contracts;

import java.time.Instant;
import java.util.List;

import org.locationtech.jts.geom.Geometry;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an analyst reported about an incident: the data the analysis needs, as of one version.
 *
 * @param location  GeoJSON Point of the impact or release, WGS-84 (lon, lat)
 * @param footprint optional GeoJSON Polygon of the affected ground
 */
public record IncidentFacts(
        String title,
        IncidentCategory category,
        Instant occurredAt,
        Geometry location,
        Geometry footprint,
        String vehicle,
        String launchSite,
        List<Release> releases,
        List<Sample> samples,
        Weather weather,
        String description) {

    public IncidentFacts {
        releases = releases == null ? List.of() : List.copyOf(releases);
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    /**
     * A substance released into the environment.
     *
     * @param scenario how it was released: {@code FIRE}, {@code SPILL} or {@code UNKNOWN}; null (events before issue 11)
     *                 reads as {@code UNKNOWN}
     */
    public record Release(String substance, double massKg, String scenario) {

        public static final String FIRE = "FIRE";
        public static final String SPILL = "SPILL";
        public static final String UNKNOWN = "UNKNOWN";

        /** A release whose scenario was not reported. */
        public Release(String substance, double massKg) {
            this(substance, massKg, null);
        }
    }

    /**
     * A laboratory sample.
     *
     * @param value          the measured value in {@code unit}; null for a non-detect
     * @param detected       false for a result below the detection limit; null (events before issue 11) reads as true
     * @param detectionLimit the laboratory's detection limit in {@code unit}, required for a non-detect
     */
    public record Sample(String substance, String medium, Double value, String unit, Geometry location,
                         Instant sampledAt, @JsonProperty("detected") Boolean detected, Double detectionLimit) {

        /** A detected sample. */
        public Sample(String substance, String medium, double value, String unit, Geometry location, Instant sampledAt) {
            this(substance, medium, value, unit, location, sampledAt, null, null);
        }

        /** False only for an explicit non-detect. Not a property: the event carries {@code detected} as given. */
        @JsonIgnore
        public boolean isDetected() {
            return !Boolean.FALSE.equals(detected);
        }
    }

    /**
     * Weather at the time of release.
     *
     * @param windFromDeg direction the wind blows from, degrees clockwise from north
     * @param stability   Pasquill–Gifford class A–F
     * @param cloudCoverOktas         total cloud cover, eighths of the sky (0–8), for estimating the class
     * @param windDirectionSigmaDeg   standard deviation of the wind direction (σθ), degrees, when measured
     */
    public record Weather(Double windFromDeg, Double windSpeedMs, String stability, Integer cloudCoverOktas,
                          Double windDirectionSigmaDeg) {

        /** Weather without cloud cover or direction spread. */
        public Weather(Double windFromDeg, Double windSpeedMs, String stability) {
            this(windFromDeg, windSpeedMs, stability, null, null);
        }
    }
}
