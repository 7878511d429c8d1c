package org.steppewatch.incident.incident;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.web.opendata.OpenDataRow;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An incident as the API shows it: the request's fields plus identity, version, status and times. Never the outbox.
 * As open data, one flat row whose geometry is the incident's location (the footprint is in the JSON only).
 */
record IncidentResponse(
        String id,
        long version,
        IncidentStatus status,
        String title,
        IncidentCategory category,
        Instant occurredAt,
        Geometry location,
        Geometry footprint,
        String vehicle,
        String launchSite,
        List<IncidentFacts.Release> releases,
        List<IncidentFacts.Sample> samples,
        IncidentFacts.Weather weather,
        String description,
        Instant reportedAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Incident.Retraction retraction) implements OpenDataRow {

    static IncidentResponse of(Incident incident) {
        IncidentFacts f = incident.facts();
        return new IncidentResponse(incident.id(), incident.version(), incident.status(), f.title(), f.category(),
                f.occurredAt(), f.location(), f.footprint(), f.vehicle(), f.launchSite(), f.releases(), f.samples(),
                f.weather(), f.description(), incident.reportedAt(), incident.updatedAt(), incident.retraction());
    }

    /**
     * id, version, status, title, category, occurredAt, longitude and latitude (of the location's centre),
     * vehicle, launchSite, substances released (";"-separated), releasedKg (their total), samples (how many),
     * description, reportedAt, updatedAt, retractedAt, retractionReason.
     */
    @Override
    public Map<String, Object> columns() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", id);
        columns.put("version", version);
        columns.put("status", status);
        columns.put("title", title);
        columns.put("category", category);
        columns.put("occurredAt", occurredAt);
        Point centre = location == null || location.isEmpty() ? null : location.getCentroid();
        columns.put("longitude", centre == null ? null : centre.getX());
        columns.put("latitude", centre == null ? null : centre.getY());
        columns.put("vehicle", vehicle);
        columns.put("launchSite", launchSite);
        columns.put("substances", releases == null ? List.of() : releases.stream().map(IncidentFacts.Release::substance).toList());
        columns.put("releasedKg", releases == null || releases.isEmpty() ? null
                : releases.stream().mapToDouble(IncidentFacts.Release::massKg).filter(m -> m > 0 && Double.isFinite(m)).sum());
        columns.put("samples", samples == null ? 0 : samples.size());
        columns.put("description", description);
        columns.put("reportedAt", reportedAt);
        columns.put("updatedAt", updatedAt);
        columns.put("retractedAt", retraction == null ? null : retraction.retractedAt());
        columns.put("retractionReason", retraction == null ? null : retraction.reason());
        return columns;
    }

    @Override
    public Geometry geometry() {
        return location;
    }
}
