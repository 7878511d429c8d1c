package org.steppewatch.analysis.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.steppewatch.analysis.assessment.AssessmentDetails.AreaOfConcernFinding;
import org.steppewatch.analysis.assessment.AssessmentDetails.SettlementInZone;
import org.steppewatch.analysis.assessment.AssessmentDetails.ZoneDetail;
import org.steppewatch.analysis.reference.FallZoneIndex;
import org.steppewatch.analysis.reference.ReferenceSnapshot;
import org.steppewatch.contracts.GeometryChecks;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentAssessed.AffectedSettlement;
import org.steppewatch.contracts.IncidentAssessed.FallZoneFinding;
import org.steppewatch.contracts.IncidentAssessed.HazardZone;
import org.steppewatch.contracts.IncidentAssessed.IncidentSummary;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.ReportedBy;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.ZoneLevels;
import org.steppewatch.georef.Geodesy;
import org.steppewatch.georef.Settlement;

/**
 * Computes the assessment of one incident version from its facts and one {@link ReferenceSnapshot}. A pure
 * function of its inputs and the time given: no I/O, so a redelivered event yields the same content, and the
 * snapshot's version recorded in the assessment names exactly the data used.
 */
public final class IncidentAssessor {

    /** When no hazard zone holds a settlement, the nearest ones within this distance are listed instead. */
    static final double NEAREST_WITHIN_KM = 150;
    static final int NEAREST_COUNT = 5;
    static final String FOOTPRINT_METHOD = "footprint reported by the analyst";
    static final List<String> FOOTPRINT_CAVEATS = List.of("drawn by the analyst, not computed by Steppe Watch");
    private static final Set<String> WITHOUT_DIRECTION = Set.of(PlumeHazards.NO_WIND_CIRCLE, PlumeHazards.SCREENING_RADIUS);

    /** The event and what is kept beside it. */
    public record Assessment(IncidentAssessed event, AssessmentDetails details) {

        /** Who reported the version: not part of the analysis, carried through for the notifier. */
        public Assessment reportedBy(ReportedBy by) {
            return new Assessment(event.withReportedBy(by), details);
        }
    }

    private final PlumeHazards hazards;
    private final ExceedanceCheck exceedanceCheck;
    private final SeverityRule severityRule;
    private final ContaminationRating contaminationRating = new ContaminationRating();

    IncidentAssessor(PlumeHazards hazards, ExceedanceCheck exceedanceCheck, SeverityRule severityRule) {
        this.hazards = hazards;
        this.exceedanceCheck = exceedanceCheck;
        this.severityRule = severityRule;
    }

    /** The assessor with the default model settings: 60-min AEGLs, zones cut at 100 km. */
    public static IncidentAssessor withDefaults() {
        return new IncidentAssessor(new PlumeHazards(PlumeHazards.DEFAULT_EXPOSURE_MINUTES, PlumeHazards.DEFAULT_MAX_REACH_KM),
                new ExceedanceCheck(), new SeverityRule());
    }

    /**
     * @throws IllegalArgumentException when the facts lack what an assessment needs (a valid Point location):
     *                                  such an event cannot be assessed and belongs on the dead-letter topic
     */
    public Assessment assess(ReferenceSnapshot reference, String incidentId, long version, IncidentFacts facts, Instant assessedAt) {
        Point location = location(incidentId, version, facts);
        FallZoneFinding fallZone = reference.dropZones().locate(location);
        List<AreaOfConcernFinding> areas = reference.areasOfConcern().near(location, reference.areasOfConcern().nearbyKm()).stream()
                .map(n -> new AreaOfConcernFinding(n.zone().id(), n.zone().name(), n.inside() ? FallZoneIndex.INSIDE : FallZoneIndex.OUTSIDE,
                        Math.round(n.distanceKm() * 10) / 10.0, n.zone().approximate(), n.zone().confidence(), n.zone().description(),
                        n.zone().source(), n.zone().note()))
                .toList();

        PlumeHazards.Result modelled = hazards.zones(location, facts, reference.substances());
        List<PlumeHazards.Drawn> drawn = new ArrayList<>(modelled.zones());
        if (facts.footprint() != null && !facts.footprint().isEmpty()) {
            drawn.add(new PlumeHazards.Drawn(new HazardZone(ZoneLevels.REPORTED_FOOTPRINT, null, null, null, facts.footprint(),
                    FOOTPRINT_METHOD, FOOTPRINT_CAVEATS), new ZoneDetail(ZoneLevels.REPORTED_FOOTPRINT, null,
                    PlumeHazards.REPORTED_FOOTPRINT, null, null, null, null, null, null, 0, 0, false, null, null, List.of(), List.of(), 0)));
            drawn.sort(Comparator.comparing(d -> d.zone().level(), ZoneLevels.MOST_SEVERE_FIRST));
        }

        // every settlement inside each zone; a settlement in several takes the level of the first (most severe)
        Map<String, AffectedSettlement> inside = new LinkedHashMap<>();
        List<ZoneDetail> details = new ArrayList<>();
        boolean anyWithDirection = false;
        for (PlumeHazards.Drawn d : drawn) {
            Geometry area = d.zone().geometry();
            List<SettlementInZone> here = new ArrayList<>();
            if (area != null && !area.isEmpty()) {
                for (Settlement s : reference.settlements().inside(area)) {
                    AffectedSettlement a = inside.computeIfAbsent(s.id(), id -> affected(s, location, d.zone().level()));
                    here.add(new SettlementInZone(a.id(), a.name(), a.population(), a.distanceKm(), a.bearingDeg()));
                }
            }
            here.sort(Comparator.comparingDouble(SettlementInZone::distanceKm));
            details.add(d.detail().withSettlements(here));
            anyWithDirection |= !here.isEmpty() && !WITHOUT_DIRECTION.contains(d.detail().method());
        }
        List<AffectedSettlement> affected = !inside.isEmpty()
                ? inside.values().stream().sorted(Comparator.comparingDouble(AffectedSettlement::distanceKm)).toList()
                : reference.settlements().nearest(location, NEAREST_COUNT, NEAREST_WITHIN_KM).stream()
                        .map(n -> affected(n.settlement(), location, null)).toList();

        ExceedanceCheck.Result samples = exceedanceCheck.check(facts.samples(), reference.substances(),
                facts.occurredAt() != null ? facts.occurredAt() : assessedAt);
        SeverityRule.Rating acute = severityRule.rate(facts, fallZone, affected, samples, !anyWithDirection, assessedAt);
        Path rated = path(acute, !drawn.isEmpty(), contaminationRating.rate(samples.exceeding()));
        List<HazardZone> zones = drawn.stream().map(PlumeHazards.Drawn::zone).toList();
        String summary = AssessmentSummary.of(facts, fallZone, reference.dropZones().nearbyKm(), zones, details, affected, areas,
                samples, hazards.exposureMinutes());
        IncidentAssessed event = new IncidentAssessed(incidentId, version, IncidentAssessed.assessmentId(incidentId, version), assessedAt,
                reference.version(), new IncidentSummary(facts.title(), facts.category(), facts.occurredAt(), location),
                fallZone, zones, affected, samples.exceedances(), rated.severity(), rated.urgency(), rated.certainty(), summary,
                null, modelled.weatherUsed(), rated.path());
        return new Assessment(event, new AssessmentDetails(areas, details, samples.comparisons(), modelled.notModelled(),
                hazards.exposureMinutes(), rated.reason()));
    }

    /** The rating path and its CAP terms. */
    record Path(String path, Severity severity, String urgency, String certainty, String reason) {
    }

    /**
     * ACUTE when an airborne hazard zone was modelled or drawn, or the acute rule rates above Minor; otherwise
     * CONTAMINATION when a sample exceeds a limit (rated by {@link ContaminationRating}); otherwise ACUTE (Minor).
     */
    static Path path(SeverityRule.Rating acute, boolean zonesDrawn, Optional<ContaminationRating.Rating> contamination) {
        if (zonesDrawn || acute.severity() != Severity.MINOR || contamination.isEmpty()) {
            return new Path(IncidentAssessed.ACUTE, acute.severity(), acute.urgency(), acute.certainty(), acute.reason());
        }
        ContaminationRating.Rating c = contamination.get();
        return new Path(IncidentAssessed.CONTAMINATION, c.severity(), c.urgency(), c.certainty(), c.reason());
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

    private static AffectedSettlement affected(Settlement s, Point from, String level) {
        Point point = s.point();
        double km = Geodesy.distanceKm(from, point);
        double bearing = km == 0 ? 0 : Math.round(Geodesy.bearingDeg(from, point)) % 360;
        return new AffectedSettlement(s.id(), s.name(), s.nameRu(), s.nameKk(), s.population(),
                Math.round(km * 10) / 10.0, bearing, level);
    }
}
