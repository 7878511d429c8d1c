package org.steppewatch.analysis.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.steppewatch.analysis.reference.FallZoneIndex;
import org.steppewatch.contracts.IncidentAssessed.AffectedSettlement;
import org.steppewatch.contracts.IncidentAssessed.Exceedance;
import org.steppewatch.contracts.IncidentAssessed.FallZoneFinding;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.Severity;

/**
 * Maps an assessment onto the CAP 1.2 {@code severity}, {@code urgency} and {@code certainty}. The first
 * row that applies wins.
 *
 * <table>
 *   <caption>severity</caption>
 *   <tr><th>severity</th><th>when</th></tr>
 *   <tr><td>Extreme</td><td>the settlements inside hazard zones total at least 10,000 people</td></tr>
 *   <tr><td>Severe</td><td>any settlement is inside a hazard zone; or a STAGE_IMPACT / LAUNCH_FAILURE with a
 *       reported release fell OUTSIDE a drop zone or with NO_ZONE_NEARBY (off-nominal impact)</td></tr>
 *   <tr><td>Moderate</td><td>any sample exceeds its limit</td></tr>
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
 *   <tr><td>certainty</td><td>Observed</td><td>a measured sample exceeds its limit</td></tr>
 *   <tr><td>certainty</td><td>Likely</td><td>otherwise (the zones are modelled, not measured)</td></tr>
 * </table>
 *
 * "Inside a hazard zone" means {@link AffectedSettlement#zone()} is not null: the nearest settlements
 * listed when no zone reaches any do not count.
 */
final class SeverityRule {

    static final long EXTREME_POPULATION = 10_000;
    static final Duration IMMEDIATE_WITHIN = Duration.ofHours(48);
    static final Set<IncidentCategory> IMPACTS = Set.of(IncidentCategory.STAGE_IMPACT, IncidentCategory.LAUNCH_FAILURE);

    static final String IMMEDIATE = "Immediate";
    static final String PAST = "Past";
    static final String UNKNOWN = "Unknown";
    static final String OBSERVED = "Observed";
    static final String LIKELY = "Likely";

    record Rating(Severity severity, String urgency, String certainty) {
    }

    Rating rate(IncidentFacts facts, FallZoneFinding fallZone, List<AffectedSettlement> settlements,
                List<Exceedance> exceedances, Instant assessedAt) {
        return new Rating(severity(facts, fallZone, settlements, exceedances), urgency(facts.occurredAt(), assessedAt),
                exceedances.isEmpty() ? LIKELY : OBSERVED);
    }

    static Severity severity(IncidentFacts facts, FallZoneFinding fallZone, List<AffectedSettlement> settlements,
                             List<Exceedance> exceedances) {
        List<AffectedSettlement> inside = settlements.stream().filter(s -> s.zone() != null).toList();
        long people = inside.stream().mapToLong(AffectedSettlement::population).sum();
        if (people >= EXTREME_POPULATION) {
            return Severity.EXTREME;
        }
        if (!inside.isEmpty() || offNominalImpact(facts, fallZone)) {
            return Severity.SEVERE;
        }
        if (!exceedances.isEmpty()) {
            return Severity.MODERATE;
        }
        return Severity.MINOR;
    }

    private static boolean offNominalImpact(IncidentFacts facts, FallZoneFinding fallZone) {
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
