package org.steppewatch.analysis.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
import org.steppewatch.analysis.reference.SettlementIndex;
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
 * function of its inputs and the time given (the ensemble is seeded by the incident id and version): no I/O, so a
 * redelivered event yields the same content, and the
 * snapshot's version recorded in the assessment names exactly the data used.
 */
public final class IncidentAssessor {

    /** When no hazard zone holds a settlement, the nearest ones within this distance are listed instead. */
    static final double NEAREST_WITHIN_KM = 150;
    static final int NEAREST_COUNT = 5;
    static final String FOOTPRINT_METHOD = "footprint reported by the analyst";
    static final List<String> FOOTPRINT_CAVEATS = List.of("drawn by the analyst, not computed by Steppe Watch");

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
    private final PlumeEnsemble ensemble;
    private final EnsembleMembers.Spread spread;

    IncidentAssessor(PlumeHazards hazards, ExceedanceCheck exceedanceCheck, SeverityRule severityRule) {
        this(hazards, exceedanceCheck, severityRule, EnsembleMembers.Spread.DEFAULT);
    }

    IncidentAssessor(PlumeHazards hazards, ExceedanceCheck exceedanceCheck, SeverityRule severityRule, EnsembleMembers.Spread spread) {
        this.hazards = hazards;
        this.exceedanceCheck = exceedanceCheck;
        this.severityRule = severityRule;
        this.ensemble = new PlumeEnsemble(hazards.maxReachKm(), hazards.exposureMinutes());
        this.spread = spread;
    }

    /** The assessor with the default model settings: 60-min AEGLs, zones cut at 100 km, 1,000 ensemble members. */
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
        Ensemble odds = ensemble(reference, location, modelled, incidentId, version);
        drawn.addAll(ProbabilityZones.zones(location, odds.footprints(), modelled.zones(), odds.members(), hazards.exposureMinutes(),
                hazards.maxReachKm()));

        // the zone of a settlement: the most severe level whose zone drawn with a direction (or footprint, or screening
        // circle) holds its point, or whose ensemble probability there is at least 10 %
        Map<String, Settlement> listed = new LinkedHashMap<>();
        // distance and bearing once per settlement, however many zones hold it (circles of 100 km hold hundreds)
        Map<String, AffectedSettlement> seen = new HashMap<>();
        Map<String, String> zoneOf = new HashMap<>();
        List<ZoneDetail> details = new ArrayList<>();
        for (PlumeHazards.Drawn d : drawn) {
            Geometry area = d.zone().geometry();
            List<SettlementInZone> here = new ArrayList<>();
            boolean setsZone = !PlumeHazards.NO_WIND_CIRCLE.equals(d.detail().method()) && !ProbabilityZones.METHOD.equals(d.detail().method());
            if (area != null && !area.isEmpty()) {
                for (Settlement s : reference.settlements().inside(area)) {
                    AffectedSettlement a = seen.computeIfAbsent(s.id(), id -> seen(s, location));
                    here.add(new SettlementInZone(a.id(), a.name(), a.population(), a.distanceKm(), a.bearingDeg()));
                    if (setsZone) {
                        listed.putIfAbsent(s.id(), s);
                        zoneOf.merge(s.id(), d.zone().level(), (was, now) -> ZoneLevels.worse(now, was) ? now : was);
                    }
                }
            }
            here.sort(Comparator.comparingDouble(SettlementInZone::distanceKm));
            details.add(d.detail().withSettlements(here));
        }
        odds.bySettlement().forEach((id, o) -> {
            listed.putIfAbsent(id, odds.settlements().get(id));
            o.probability().forEach((level, p) -> {
                if (p >= ProbabilityZones.SHARE) {
                    zoneOf.merge(id, level, (was, now) -> ZoneLevels.worse(now, was) ? now : was);
                }
            });
        });
        List<AffectedSettlement> affected = !listed.isEmpty()
                ? listed.values().stream().map(s -> affected(seen.computeIfAbsent(s.id(), id -> seen(s, location)), zoneOf.get(s.id()), odds,
                                odds.bySettlement().get(s.id())))
                        .sorted(Comparator.comparingDouble(AffectedSettlement::distanceKm)).toList()
                : reference.settlements().nearest(location, NEAREST_COUNT, NEAREST_WITHIN_KM).stream()
                        .map(n -> affected(seen(n.settlement(), location), null, odds, null)).toList();

        ExceedanceCheck.Result samples = exceedanceCheck.check(facts.samples(), reference.substances(),
                facts.occurredAt() != null ? facts.occurredAt() : assessedAt);
        SeverityRule.Rating acute = severityRule.rate(facts, fallZone, affected, samples, odds.window(), assessedAt);
        Path rated = path(acute, !drawn.isEmpty(), contaminationRating.rate(samples.exceeding()));
        List<HazardZone> zones = drawn.stream().map(PlumeHazards.Drawn::zone).toList();
        List<Integer> deterministic = new ArrayList<>();
        for (int i = 0; i < zones.size(); i++) {
            if (!HazardZone.PROBABILITY_10.equals(zones.get(i).kind())) {
                deterministic.add(i);
            }
        }
        String summary = AssessmentSummary.of(facts, fallZone, reference.dropZones().nearbyKm(), deterministic.stream().map(zones::get).toList(),
                deterministic.stream().map(details::get).toList(), affected, areas, samples, hazards.exposureMinutes())
                + (odds.members() == null ? "" : " " + AssessmentSummary.odds(affected, odds.members().size()));
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

    /**
     * What the ensemble gives: the odds per settlement it reaches (by id), the settlements it looked at, the
     * footprints of its probability zones, and the release plus exposure window (null when nothing was modelled).
     */
    private record Ensemble(EnsembleMembers members, Map<String, PlumeEnsemble.Odds> bySettlement, Map<String, Settlement> settlements,
                            List<PolarGrid.Footprint> footprints, Duration window, Map<String, Double> none) {
    }

    private Ensemble ensemble(ReferenceSnapshot reference, Point location, PlumeHazards.Result modelled, String incidentId, long version) {
        if (modelled.sources().isEmpty()) {
            return new Ensemble(null, Map.of(), Map.of(), List.of(), null, null);
        }
        EnsembleMembers members = EnsembleMembers.sample(modelled.sources(), EnsembleMembers.seed(incidentId, version), spread);
        PlumeEnsemble.Run run = ensemble.run(modelled.sources(), members);
        Map<String, Settlement> near = new HashMap<>();
        List<PlumeEnsemble.Candidate> candidates = new ArrayList<>();
        // the reach of the farthest member plus the widest disc: every settlement a member can touch
        for (SettlementIndex.Nearby n : reference.settlements().within(location, run.reachKm() + SettlementDisc.MAX_RADIUS_KM)) {
            Settlement s = n.settlement();
            near.put(s.id(), s);
            candidates.add(new PlumeEnsemble.Candidate(s.id(), n.distanceKm(), n.bearingDeg(), SettlementDisc.radiusKm(s.population())));
        }
        double longest = modelled.sources().stream().mapToDouble(PlumeHazards.Source::releaseMinutesMax).max().orElse(0);
        return new Ensemble(members, run.odds(candidates), near, run.footprints(ProbabilityZones.SHARE),
                Duration.ofSeconds(Math.round((longest + hazards.exposureMinutes()) * 60)), run.none());
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

    /** The settlement seen from the incident: distance and bearing, nothing else yet. */
    private static AffectedSettlement seen(Settlement s, Point from) {
        Point point = s.point();
        double km = Geodesy.distanceKm(from, point);
        double bearing = km == 0 ? 0 : Math.round(Geodesy.bearingDeg(from, point)) % 360;
        return new AffectedSettlement(s.id(), s.name(), s.nameRu(), s.nameKk(), s.population(), Math.round(km * 10) / 10.0, bearing, null);
    }

    private static AffectedSettlement affected(AffectedSettlement s, String level, Ensemble ensemble, PlumeEnsemble.Odds odds) {
        boolean modelled = ensemble.members() != null;
        return new AffectedSettlement(s.id(), s.name(), s.nameRu(), s.nameKk(), s.population(), s.distanceKm(), s.bearingDeg(), level,
                odds != null ? odds.probability() : modelled ? ensemble.none() : null, odds == null ? null : odds.arrivalMinutes(),
                modelled ? PlumeHazards.round(SettlementDisc.radiusKm(s.population()), 2) : null);
    }
}
