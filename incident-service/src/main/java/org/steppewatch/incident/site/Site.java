package org.steppewatch.incident.site;

import java.time.Instant;
import java.util.List;

import org.locationtech.jts.geom.Geometry;

/**
 * A contaminated site or hot spot, as stored.
 *
 * @param location             its point (GeoJSON Point), or null when no source locates it (a seeded site only)
 * @param outline              its area (Polygon or MultiPolygon), or null
 * @param coordinateConfidence high, medium, low (or none for a seeded site without a point)
 * @param sources              source ids (see contamination/SOURCES.md) or citations
 */
record Site(String id, Names name, Geometry location, Geometry outline, String coordinateConfidence, String region,
            List<String> pollutants, List<String> media, String status, String description, String notes,
            List<String> sources, List<Change> history, Instant createdAt) {

    /** The site's name in English, Russian and Kazakh (null when not known). */
    record Names(String en, String ru, String kk) {
    }

    /** One entry of the site's history: when, by whom, what. */
    record Change(Instant at, String by, String what) {
    }
}
