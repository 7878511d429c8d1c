package org.steppewatch.analysis.assessment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.Severity;
import org.steppewatch.web.opendata.Areas;
import org.steppewatch.web.opendata.OpenDataRow;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One assessment in a listing: its figures, not its zones and settlements one by one ({@code GET
 * /api/v1/assessments/{incidentId}?version=} has those). As open data its geometry is the area of its hazard zones
 * (their union), or the incident's location when it drew none.
 *
 * @param settlementsInZones how many settlements lie inside a hazard zone
 * @param peopleInZones      their population (those without a figure count 0)
 * @param maxRatio           the highest ratio of a sample to its limit, null when no sample exceeded one
 */
record AssessmentListing(String assessmentId, String incidentId, long incidentVersion, Instant assessedAt,
                         String title, IncidentCategory category, Instant occurredAt, Geometry location,
                         Severity severity, String urgency, String certainty, int hazardZones, int settlementsInZones,
                         long peopleInZones, int exceedances, Double maxRatio, String summary, boolean withdrawn,
                         @JsonIgnore Geometry area) implements OpenDataRow {

    static AssessmentListing of(AssessmentStore.Stored stored) {
        IncidentAssessed a = stored.assessment();
        IncidentAssessed.IncidentSummary incident = a.incident();
        List<IncidentAssessed.AffectedSettlement> inside = a.affectedSettlements().stream()
                .filter(s -> s.zone() != null).toList();
        return new AssessmentListing(a.assessmentId(), a.incidentId(), a.incidentVersion(), a.assessedAt(),
                incident == null ? null : incident.title(), incident == null ? null : incident.category(),
                incident == null ? null : incident.occurredAt(), incident == null ? null : incident.location(),
                a.severity(), a.urgency(), a.certainty(), a.hazardZones().size(), inside.size(),
                inside.stream().mapToLong(s -> Math.max(0, s.population())).sum(), a.exceedances().size(),
                a.exceedances().stream().mapToDouble(IncidentAssessed.Exceedance::ratio).max().stream().boxed()
                        .findFirst().orElse(null),
                a.summary(), stored.withdrawn(), area(a));
    }

    private static Geometry area(IncidentAssessed a) {
        Geometry zones = Areas.union(a.hazardZones().stream().map(IncidentAssessed.HazardZone::geometry).toList());
        return zones != null || a.incident() == null ? zones : a.incident().location();
    }

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("assessmentId", assessmentId);
        columns.put("incidentId", incidentId);
        columns.put("incidentVersion", incidentVersion);
        columns.put("assessedAt", assessedAt);
        columns.put("title", title);
        columns.put("category", category);
        columns.put("occurredAt", occurredAt);
        columns.put("longitude", location == null || location.isEmpty() ? null : location.getCentroid().getX());
        columns.put("latitude", location == null || location.isEmpty() ? null : location.getCentroid().getY());
        columns.put("severity", severity);
        columns.put("urgency", urgency);
        columns.put("certainty", certainty);
        columns.put("hazardZones", hazardZones);
        columns.put("settlementsInZones", settlementsInZones);
        columns.put("peopleInZones", peopleInZones);
        columns.put("exceedances", exceedances);
        columns.put("maxRatio", maxRatio);
        columns.put("withdrawn", withdrawn);
        columns.put("summary", summary);
        return columns;
    }

    @Override
    public Geometry geometry() {
        return area;
    }
}
