package org.steppewatch.contracts;

import java.time.Instant;
import java.util.List;

import org.locationtech.jts.geom.Geometry;

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

    /** A substance released into the environment. */
    public record Release(String substance, double massKg) {
    }

    /** A laboratory sample. */
    public record Sample(String substance, String medium, double value, String unit, Geometry location,
                         Instant sampledAt) {
    }

    /**
     * Weather at the time of release.
     *
     * @param windFromDeg direction the wind blows from, degrees clockwise from north
     * @param stability   Pasquill–Gifford class A–F
     */
    public record Weather(Double windFromDeg, Double windSpeedMs, String stability) {
    }
}
