package org.steppewatch.analysis.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.steppewatch.analysis.reference.FallZoneIndex;
import org.steppewatch.contracts.IncidentAssessed.AffectedSettlement;
import org.steppewatch.contracts.IncidentAssessed.FallZoneFinding;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.ZoneLevels;

/**
 * Maps an assessment onto the CAP 1.2 {@code severity}, {@code urgency} and {@code certainty}. The first row
 * that applies wins. "Inside" means a settlement's point lies inside a hazard zone
 * ({@link AffectedSettlement#zone()} not null; the nearest settlements listed when no zone reaches any do
 * not count). Zone tiers ({@link ZoneLevels}): 3 = AEGL-3; 2 = AEGL-2 or the analyst's reported footprint;
 * 1 = AEGL-1 or a screening circle.
 *
 * <table>
 *   <caption>severity</caption>
 *   <tr><th>severity</th><th>when</th></tr>
 *   <tr><td>Extreme</td><td>a settlement is inside an AEGL-3 zone (life-threatening); or the settlements inside
 *       AEGL-2 or reported-footprint zones total at least 10,000 people</td></tr>
 *   <tr><td>Severe</td><td>a settlement is inside an AEGL-2 or reported-footprint zone; or the settlements inside
 *       any zone total at least 10,000 people; or a STAGE_IMPACT / LAUNCH_FAILURE with a reported release fell
 *       OUTSIDE the drop zones or with NO_ZONE_NEARBY (off-nominal impact)</td></tr>
 *   <tr><td>Moderate</td><td>a settlement is inside an AEGL-1 or screening zone</td></tr>
 *   <tr><td>Minor</td><td>otherwise</td></tr>
 * </table>
 *
 * <table>
 *   <caption>urgency and certainty</caption>
 *   <tr><th>field</th><th>value</th><th>when</th></tr>
 *   <tr><td>urgency</td><td>Immediate</td><td>the incident occurred at most 48 h before the assessment (or,
 *       clocks disagreeing, after it)</td></tr>
 *   <tr><td>urgency</td><td>Past</td><td>it occurred more than 48 h before the assessment</td></tr>
 *   <tr><td>urgency</td><td>Unknown</td><td>the incident has no occurrence time</td></tr>
 *   <tr><td>certainty</td><td>Possible</td><td>when settlements are inside zones and every zone holding
 *       one was drawn without a wind direction (a circle around the release) or is a screening circle: the
 *       settlement may well be upwind</td></tr>
 *   <tr><td>certainty</td><td>Likely</td><td>otherwise (the zones are modelled, not measured)</td></tr>
 * </table>
 * Samples are not rated here: measured contamination is a notice of its own ({@link ContaminationRating}), and a
 * soil sample says nothing of where a plume goes. {@code samples} is kept in the signatures for the callers.
 */
final class SeverityRule {

    static final long MANY_PEOPLE = 10_000;
    static final Duration IMMEDIATE_WITHIN = Duration.ofHours(48);
    static final Set<IncidentCategory> IMPACTS = Set.of(IncidentCategory.STAGE_IMPACT, IncidentCategory.LAUNCH_FAILURE);

    static final String IMMEDIATE = "Immediate";
    static final String PAST = "Past";
    static final String UNKNOWN = "Unknown";
    static final String LIKELY = "Likely";
    static final String POSSIBLE = "Possible";

    record Rating(Severity severity, String urgency, String certainty, String reason) {
    }

    /**
     * @param zonesWithoutDirection true when every zone holding a settlement is a circle drawn without a wind
     *                              direction or a screening circle
     */
    Rating rate(IncidentFacts facts, FallZoneFinding fallZone, List<AffectedSettlement> settlements, ExceedanceCheck.Result samples,
                boolean zonesWithoutDirection, Instant assessedAt) {
        Graded graded = severity(facts, fallZone, settlements, samples);
        boolean anyInside = settlements.stream().anyMatch(s -> s.zone() != null);
        String certainty = anyInside && zonesWithoutDirection ? POSSIBLE : LIKELY;
        return new Rating(graded.severity(), urgency(facts.occurredAt(), assessedAt), certainty, graded.reason());
    }

    /** The severity with the row of the table that gave it. */
    record Graded(Severity severity, String reason) {
    }

    static Graded severity(IncidentFacts facts, FallZoneFinding fallZone, List<AffectedSettlement> settlements,
                           ExceedanceCheck.Result samples) {
        List<AffectedSettlement> inside = settlements.stream().filter(s -> s.zone() != null).toList();
        long peopleTier2 = people(inside, 2);
        long peopleAll = people(inside, 1);
        if (inside.stream().anyMatch(s -> ZoneLevels.tier(s.zone()) >= 3)) {
            return new Graded(Severity.EXTREME, "a settlement is inside an AEGL-3 zone");
        }
        if (peopleTier2 >= MANY_PEOPLE) {
            return new Graded(Severity.EXTREME, "settlements inside AEGL-2 or reported-footprint zones total " + peopleTier2 + " people");
        }
        if (inside.stream().anyMatch(s -> ZoneLevels.tier(s.zone()) >= 2)) {
            return new Graded(Severity.SEVERE, "a settlement is inside an AEGL-2 or reported-footprint zone");
        }
        if (peopleAll >= MANY_PEOPLE) {
            return new Graded(Severity.SEVERE, "settlements inside hazard zones total " + peopleAll + " people");
        }
        if (offNominalImpact(facts, fallZone)) {
            return new Graded(Severity.SEVERE, "off-nominal impact with a release, outside the drop zones");
        }
        if (!inside.isEmpty()) {
            return new Graded(Severity.MODERATE, "a settlement is inside an AEGL-1 or screening zone");
        }
        return new Graded(Severity.MINOR, "no settlement inside a hazard zone, no off-nominal impact");
    }

    private static long people(List<AffectedSettlement> inside, int minTier) {
        return inside.stream().filter(s -> ZoneLevels.tier(s.zone()) >= minTier).mapToLong(AffectedSettlement::population).sum();
    }

    static boolean offNominalImpact(IncidentFacts facts, FallZoneFinding fallZone) {
        boolean outside = fallZone != null
                && (FallZoneIndex.OUTSIDE.equals(fallZone.status()) || FallZoneIndex.NO_ZONE_NEARBY.equals(fallZone.status()));
        return outside && IMPACTS.contains(facts.category()) && !facts.releases().isEmpty();
    }

    static String urgency(Instant occurredAt, Instant assessedAt) {
        if (occurredAt == null) {
            return UNKNOWN; // incident-service requires occurredAt; without it we claim nothing
        }
        return occurredAt.isBefore(assessedAt.minus(IMMEDIATE_WITHIN)) ? PAST : IMMEDIATE;
    }
}
