package org.steppewatch.contracts;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        ReportedBy reportedBy,
        WeatherUsed weatherUsed,
        String path) implements SteppeWatchEvent {

    /** The assessment rates an acute airborne hazard to people (CAP category CBRNE or Safety). */
    public static final String ACUTE = "ACUTE";
    /** The assessment rates measured contamination only: a notice (CAP category Env, urgency Future). */
    public static final String CONTAMINATION = "CONTAMINATION";

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

    /** An event as written before the weather used and the rating path were recorded. */
    public IncidentAssessed(String incidentId, long incidentVersion, String assessmentId, Instant assessedAt,
                            String referenceDataVersion, IncidentSummary incident, FallZoneFinding fallZone,
                            List<HazardZone> hazardZones, List<AffectedSettlement> affectedSettlements,
                            List<Exceedance> exceedances, Severity severity, String urgency, String certainty,
                            String summary, ReportedBy reportedBy) {
        this(incidentId, incidentVersion, assessmentId, assessedAt, referenceDataVersion, incident,
                fallZone, hazardZones, affectedSettlements, exceedances, severity, urgency, certainty, summary, reportedBy,
                null, null);
    }

    /** The same assessment with another reporter: attached by the assessor's caller, or null to hide a name. */
    public IncidentAssessed withReportedBy(ReportedBy by) {
        return new IncidentAssessed(incidentId, incidentVersion, assessmentId, assessedAt, referenceDataVersion, incident,
                fallZone, hazardZones, affectedSettlements, exceedances, severity, urgency, certainty, summary, by, weatherUsed, path);
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
     * The weather the plume model used.
     *
     * @param windFromDeg null when no direction was reported (every direction is then sampled)
     * @param source      {@code REPORTED}, {@code ESTIMATED_FROM_SUN} (the class estimated from the solar elevation)
     *                    or {@code UNKNOWN_DIRECTION}
     * @param assumptions each value that was not reported, with what was assumed
     */
    public record WeatherUsed(Double windFromDeg, Double windSpeedMs, String stability, String source, List<String> assumptions) {

        public static final String REPORTED = "REPORTED";
        public static final String ESTIMATED_FROM_SUN = "ESTIMATED_FROM_SUN";
        public static final String UNKNOWN_DIRECTION = "UNKNOWN_DIRECTION";

        public WeatherUsed {
            assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
        }
    }

    /**
     * An area where the given level of concern may be exceeded.
     *
     * @param method               how the zone was drawn (e.g. a screening radius or a Gaussian plume)
     * @param caveats              limits of the method that a reader must know
     * @param kind                 {@code DETERMINISTIC} (the footprint for the weather used) or {@code PROBABILITY_10}
     *                             (where the ensemble gives at least a 10 % chance of exceeding the level); null in
     *                             events before issue 11 reads as DETERMINISTIC
     * @param lowConfidenceFromKm  distance from the source beyond which the zone is low confidence (10 km), or null
     *                             when it does not reach that far
     */
    public record HazardZone(String level, String substance, Double thresholdPpm, Integer exposureMinutes,
                             Geometry geometry, String method, List<String> caveats, String kind, Double lowConfidenceFromKm) {

        public static final String DETERMINISTIC = "DETERMINISTIC";
        public static final String PROBABILITY_10 = "PROBABILITY_10";

        /** A deterministic zone without a low-confidence part. */
        public HazardZone(String level, String substance, Double thresholdPpm, Integer exposureMinutes,
                          Geometry geometry, String method, List<String> caveats) {
            this(level, substance, thresholdPpm, exposureMinutes, geometry, method, caveats, DETERMINISTIC, null);
        }
    }

    /**
     * @param zone                  the hazard level whose zone contains the settlement, or null for a nearby settlement
     *                              outside every zone
     * @param exceedanceProbability per level of concern (e.g. "AEGL-2"), the share of the ensemble's members in which
     *                              some part of the settlement's disc exceeds it; empty when nothing was modelled
     * @param arrivalMinutes        the earliest arrival of a concentration above any level among the members, minutes
     *                              after the release began; null when no member reaches the settlement
     * @param radiusKm              radius of the disc that stands for the settlement
     */
    public record AffectedSettlement(String id, String name, String nameRu, String nameKk, long population,
                                     double distanceKm, double bearingDeg, String zone, Map<String, Double> exceedanceProbability,
                                     Integer arrivalMinutes, Double radiusKm) {

        public AffectedSettlement {
            exceedanceProbability = exceedanceProbability == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(exceedanceProbability));
        }

        /** A settlement without ensemble figures. */
        public AffectedSettlement(String id, String name, String nameRu, String nameKk, long population,
                                  double distanceKm, double bearingDeg, String zone) {
            this(id, name, nameRu, nameKk, population, distanceKm, bearingDeg, zone, null, null, null);
        }
    }

    /**
     * One sample compared with one limit regime's value.
     *
     * @param regime the limit's regime, e.g. {@code KZ_MPC}, {@code EU}, {@code WHO}, {@code EAEU_TR_TS}, {@code US_EPA};
     *               null in events before issue 11
     */
    public record Exceedance(String substance, String medium, double value, double limit, String unit,
                             double ratio, String limitSource, String regime) {

        /** An exceedance without its regime. */
        public Exceedance(String substance, String medium, double value, double limit, String unit, double ratio,
                          String limitSource) {
            this(substance, medium, value, limit, unit, ratio, limitSource, null);
        }
    }
}
