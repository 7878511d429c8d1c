package org.steppewatch.incident.incident;

import java.time.Instant;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An incident as the API shows it: the request's fields plus identity, version, status and times. Never the outbox. */
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
        @JsonInclude(JsonInclude.Include.NON_NULL) Incident.Retraction retraction) {

    static IncidentResponse of(Incident incident) {
        IncidentFacts f = incident.facts();
        return new IncidentResponse(incident.id(), incident.version(), incident.status(), f.title(), f.category(),
                f.occurredAt(), f.location(), f.footprint(), f.vehicle(), f.launchSite(), f.releases(), f.samples(),
                f.weather(), f.description(), incident.reportedAt(), incident.updatedAt(), incident.retraction());
    }
}
