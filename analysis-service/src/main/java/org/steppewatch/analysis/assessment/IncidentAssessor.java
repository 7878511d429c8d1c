package org.steppewatch.analysis.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.steppewatch.analysis.reference.FallZoneIndex;
import org.steppewatch.analysis.reference.SettlementIndex;
import org.steppewatch.contracts.GeometryChecks;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentAssessed.AffectedSettlement;
import org.steppewatch.contracts.IncidentAssessed.FallZoneFinding;
import org.steppewatch.contracts.IncidentAssessed.HazardZone;
import org.steppewatch.contracts.IncidentAssessed.IncidentSummary;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.georef.Geodesy;
import org.steppewatch.georef.Settlement;

/**
 * Computes the assessment of one incident version from its facts and the reference data. A pure function
 * of its inputs and the time given: no I/O, so a redelivered event yields the same content.
 */
final class IncidentAssessor {

    /** When no hazard zone holds a settlement, the nearest ones within this distance are listed instead. */
    static final double NEAREST_WITHIN_KM = 150;
    static final int NEAREST_COUNT = 5;
    static final String REPORTED_FOOTPRINT = "REPORTED_FOOTPRINT";
    static final String FOOTPRINT_METHOD = "footprint reported by the analyst";
    static final List<String> FOOTPRINT_CAVEATS = List.of("drawn by the analyst, not computed by Steppe Watch");

    private final FallZoneIndex fallZones;
    private final HazardModel hazardModel;
    private final SettlementIndex settlements;
    private final ExceedanceCheck exceedanceCheck;
    private final SeverityRule severityRule;
    private final String referenceDataVersion;

    IncidentAssessor(FallZoneIndex fallZones, HazardModel hazardModel, SettlementIndex settlements,
                     ExceedanceCheck exceedanceCheck, SeverityRule severityRule, String referenceDataVersion) {
        this.fallZones = fallZones;
        this.hazardModel = hazardModel;
        this.settlements = settlements;
        this.exceedanceCheck = exceedanceCheck;
        this.severityRule = severityRule;
        this.referenceDataVersion = referenceDataVersion;
    }

    /**
     * @throws IllegalArgumentException when the facts lack what an assessment needs (a valid Point location):
     *                                  such an event cannot be assessed and belongs on the dead-letter topic
     */
    IncidentAssessed assess(String incidentId, long version, IncidentFacts facts, Instant assessedAt) {
        Point location = location(incidentId, version, facts);
        FallZoneFinding fallZone = fallZones.locate(location);
        List<HazardZone> zones = new ArrayList<>(hazardModel.zones(location, facts));
        if (facts.footprint() != null && !facts.footprint().isEmpty()) {
            zones.add(new HazardZone(REPORTED_FOOTPRINT, null, null, null, facts.footprint(), FOOTPRINT_METHOD, FOOTPRINT_CAVEATS));
        }
        List<AffectedSettlement> affected = affectedSettlements(location, zones);
        ExceedanceCheck.Result samples = exceedanceCheck.check(facts.samples());
        SeverityRule.Rating rating = severityRule.rate(facts, fallZone, affected, samples.exceedances(), assessedAt);
        String summary = AssessmentSummary.of(facts, location, fallZone, fallZones.nearbyKm(), zones, affected, samples);
        return new IncidentAssessed(incidentId, version, IncidentAssessed.assessmentId(incidentId, version), assessedAt,
                referenceDataVersion, new IncidentSummary(facts.title(), facts.category(), facts.occurredAt(), location),
                fallZone, zones, affected, samples.exceedances(), rating.severity(), rating.urgency(), rating.certainty(),
                summary);
    }

    private static Point location(String incidentId, long version, IncidentFacts facts) {
        if (facts == null || facts.location() == null) {
            throw new IllegalArgumentException("incident " + incidentId + " v" + version + " has no location");
        }
        List<String> problems = GeometryChecks.problems(facts.location(), Set.of("Point"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("incident " + incidentId + " v" + version + ": location " + String.join("; ", problems));
        }
        return (Point) facts.location();
    }

    /**
     * Every settlement inside a zone, labelled with the first zone (in {@code zones} order, most severe first)
     * that holds it, nearest first; when none is inside, the nearest few within {@link #NEAREST_WITHIN_KM}
     * with no zone.
     */
    List<AffectedSettlement> affectedSettlements(Point location, List<HazardZone> zones) {
        Map<String, AffectedSettlement> inside = new LinkedHashMap<>();
        for (HazardZone zone : zones) {
            Geometry area = zone.geometry();
            if (area == null || area.isEmpty()) {
                continue;
            }
            for (Settlement s : settlements.inside(area)) {
                inside.computeIfAbsent(s.id(), id -> affected(s, location, zone.level()));
            }
        }
        if (!inside.isEmpty()) {
            return inside.values().stream().sorted(Comparator.comparingDouble(AffectedSettlement::distanceKm)).toList();
        }
        return settlements.within(location, NEAREST_WITHIN_KM).stream().limit(NEAREST_COUNT)
                .map(n -> affected(n.settlement(), location, null)).toList();
    }

    private static AffectedSettlement affected(Settlement s, Point from, String level) {
        Point point = s.point();
        double km = Geodesy.distanceKm(from, point);
        double bearing = km == 0 ? 0 : Math.round(Geodesy.bearingDeg(from, point)) % 360;
        return new AffectedSettlement(s.id(), s.name(), s.nameRu(), s.nameKk(), s.population(),
                Math.round(km * 10) / 10.0, bearing, level);
    }
}
