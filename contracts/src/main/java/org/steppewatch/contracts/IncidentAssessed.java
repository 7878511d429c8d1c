package org.steppewatch.contracts;

import java.time.Instant;
import java.util.List;

import org.locationtech.jts.geom.Geometry;

/**
 * The analysis of one incident version. Identified by {@code incidentId:incidentVersion}, so a
 * re-delivered incident event yields the same assessment.
 *
 * <p>{@code reportedBy} is who reported or revised that version (from the incident event), so a notifier can tell
 * whether the alert may go out at once or waits for an issuer; null in events from before reporters were recorded.
 */
public record IncidentAssessed(
        String incidentId,
        long incidentVersion,
        String assessmentId,
        Instant assessedAt,
        String referenceDataVersion,
        IncidentSummary incident,
        FallZoneFinding fallZone,
        List<HazardZone> hazardZones,
        List<AffectedSettlement> affectedSettlements,
        List<Exceedance> exceedances,
        Severity severity,
        String urgency,
        String certainty,
        String summary,
        ReportedBy reportedBy) implements SteppeWatchEvent {

    public IncidentAssessed {
        hazardZones = hazardZones == null ? List.of() : List.copyOf(hazardZones);
        affectedSettlements = affectedSettlements == null ? List.of() : List.copyOf(affectedSettlements);
        exceedances = exceedances == null ? List.of() : List.copyOf(exceedances);
    }

    /** An event as written before reporters were recorded. */
    public IncidentAssessed(String incidentId, long incidentVersion, String assessmentId, Instant assessedAt,
                            String referenceDataVersion, IncidentSummary incident, FallZoneFinding fallZone,
                            List<HazardZone> hazardZones, List<AffectedSettlement> affectedSettlements,
                            List<Exceedance> exceedances, Severity severity, String urgency, String certainty,
                            String summary) {
        this(incidentId, incidentVersion, assessmentId, assessedAt, referenceDataVersion, incident,
                fallZone, hazardZones, affectedSettlements, exceedances, severity, urgency, certainty, summary, null);
    }

    /** The same assessment with another reporter: attached by the assessor's caller, or null to hide a name. */
    public IncidentAssessed withReportedBy(ReportedBy by) {
        return new IncidentAssessed(incidentId, incidentVersion, assessmentId, assessedAt, referenceDataVersion, incident,
                fallZone, hazardZones, affectedSettlements, exceedances, severity, urgency, certainty, summary, by);
    }

    public static String assessmentId(String incidentId, long incidentVersion) {
        return incidentId + ":" + incidentVersion;
    }

    @Override
    public String eventType() {
        return EventTypes.INCIDENT_ASSESSED;
    }

    @Override
    public String topic() {
        return Topics.ASSESSMENTS;
    }

    /** What a notifier needs to word an alert without asking incident-service. */
    public record IncidentSummary(String title, IncidentCategory category, Instant occurredAt, Geometry location) {
    }

    /** @param status INSIDE, OUTSIDE or NO_ZONE_NEARBY */
    public record FallZoneFinding(String status, String zoneId, String zoneName, Double distanceKm, boolean approximate) {
    }

    /**
     * An area where the given level of concern may be exceeded.
     *
     * @param method   how the zone was drawn (e.g. a screening radius or a Gaussian plume)
     * @param caveats  limits of the method that a reader must know
     */
    public record HazardZone(String level, String substance, Double thresholdPpm, Integer exposureMinutes,
                             Geometry geometry, String method, List<String> caveats) {
    }

    /**
     * @param zone the hazard level whose zone contains the settlement, or null for a nearby settlement
     *             outside every zone
     */
    public record AffectedSettlement(String id, String name, String nameRu, String nameKk, long population,
                                     double distanceKm, double bearingDeg, String zone) {
    }

    public record Exceedance(String substance, String medium, double value, double limit, String unit,
                             double ratio, String limitSource) {
    }
}
