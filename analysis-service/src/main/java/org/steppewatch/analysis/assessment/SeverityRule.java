package org.steppewatch.analysis.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.steppewatch.analysis.reference.FallZoneIndex;
import org.steppewatch.contracts.IncidentAssessed.AffectedSettlement;
import org.steppewatch.contracts.IncidentAssessed.FallZoneFinding;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.ZoneLevels;

/**
 * Maps an assessment onto the CAP 1.2 {@code severity}, {@code urgency} and {@code certainty} of the acute path:
 * what the air may do to people. The first row that applies wins. P(L) at a settlement is its
 * {@link AffectedSettlement#exceedanceProbability()}: the share of the ensemble's members ({@link PlumeEnsemble}) in
 * which the level L is exceeded somewhere on the settlement's disc; "P(≥ L)" is the largest P of L or a more severe
 * level (exceeding AEGL-3 exceeds AEGL-2). The analyst's reported footprint counts as P = 1 of AEGL-2 (and so
 * of AEGL-1) for the settlements whose point lies in it ({@link AffectedSettlement#zone()}); the screening circle
 * of a substance without AEGLs carries no probability and counts by the point inside it.
 *
 * <table>
 *   <caption>severity</caption>
 *   <tr><th>severity</th><th>when</th></tr>
 *   <tr><td>Extreme</td><td>P(AEGL-3) ≥ 0.1 at a settlement; or the expected number of people above AEGL-2,
 *       Σ P(≥ AEGL-2) × population, is at least 10,000</td></tr>
 *   <tr><td>Severe</td><td>P(≥ AEGL-2) ≥ 0.1 at a settlement (so any settlement inside the reported footprint); or the
 *       expected number of people above any level, Σ P(≥ AEGL-1) × population, is at least 10,000</td></tr>
 *   <tr><td>Moderate</td><td>P(≥ AEGL-1) ≥ 0.1 at a settlement; or P(≥ AEGL-2) ≥ 0.01 at a settlement (a one in a
 *       hundred chance of disabling effects); or a settlement inside a screening circle; or an off-nominal impact
 *       (STAGE_IMPACT / LAUNCH_FAILURE with a reported release, OUTSIDE the drop zones or NO_ZONE_NEARBY) that
 *       reaches nobody: a reason to go and look, not a threat to people by itself</td></tr>
 *   <tr><td>Minor</td><td>otherwise</td></tr>
 * </table>
 *
 * A worst-case circle without a wind direction is not rated by its area: without a direction every bearing is
 * sampled, and a town in the circle gets the small share of directions that reach it.
 *
 * <table>
 *   <caption>certainty: the highest P of any level at any settlement</caption>
 *   <tr><th>certainty</th><th>when</th></tr>
 *   <tr><td>Likely</td><td>P ≥ 0.5 (so a settlement inside the reported footprint: the analyst saw it)</td></tr>
 *   <tr><td>Possible</td><td>0.1 ≤ P &lt; 0.5; or a settlement inside a screening circle (no model: no odds)</td></tr>
 *   <tr><td>Observed</td><td>no airborne hazard was modelled and a measured sample exceeds its limit</td></tr>
 *   <tr><td>Unlikely</td><td>otherwise (P &lt; 0.1, including nobody reached)</td></tr>
 * </table>
 *
 * <table>
 *   <caption>urgency: t0 = occurredAt (the release began), A = the earliest arrival at any settlement
 *   ({@link AffectedSettlement#arrivalMinutes()}), W = the release duration plus the exposure window</caption>
 *   <tr><th>urgency</th><th>when</th></tr>
 *   <tr><td>Unknown</td><td>no occurrence time</td></tr>
 *   <tr><td>Past</td><td>the window ended more than 48 h before the assessment: t0 + W + 48 h &lt; assessedAt
 *       (nothing modelled: W = 0)</td></tr>
 *   <tr><td>Expected</td><td>the window is still open (assessedAt ≤ t0 + W) and the arrival is more than 1 h after
 *       the assessment: t0 + A &gt; assessedAt + 1 h</td></tr>
 *   <tr><td>Immediate</td><td>otherwise: the plume arrives within the hour or has arrived, or the window ended less
 *       than 48 h ago, or it reaches nobody and the release is recent (the response is at the site)</td></tr>
 * </table>
 * Samples are not rated here: measured contamination is a notice of its own ({@link ContaminationRating}), and a
 * soil sample says nothing of where a plume goes. {@code samples} is kept in the signatures for the callers.
 */
final class SeverityRule {

    static final long MANY_PEOPLE = 10_000;
    static final double ZONE_PROBABILITY = 0.1;
    static final double NOTICE_PROBABILITY = 0.01;
    static final double LIKELY_PROBABILITY = 0.5;
    static final Duration IMMEDIATE_WITHIN = Duration.ofHours(1);
    static final Duration PAST_AFTER = Duration.ofHours(48);
    static final Set<IncidentCategory> IMPACTS = Set.of(IncidentCategory.STAGE_IMPACT, IncidentCategory.LAUNCH_FAILURE);

    static final String IMMEDIATE = "Immediate";
    static final String EXPECTED = "Expected";
    static final String PAST = "Past";
    static final String UNKNOWN = "Unknown";
    static final String OBSERVED = "Observed";
    static final String LIKELY = "Likely";
    static final String POSSIBLE = "Possible";
    static final String UNLIKELY = "Unlikely";

    record Rating(Severity severity, String urgency, String certainty, String reason) {
    }

    /**
     * @param window the release duration plus the exposure window of the modelled releases, or null when no
     *               airborne hazard was modelled
     */
    Rating rate(IncidentFacts facts, FallZoneFinding fallZone, List<AffectedSettlement> settlements, ExceedanceCheck.Result samples,
                Duration window, Instant assessedAt) {
        Graded graded = severity(facts, fallZone, settlements, samples);
        return new Rating(graded.severity(), urgency(facts.occurredAt(), window, earliestArrival(settlements), assessedAt),
                certainty(settlements, samples, window != null), graded.reason());
    }

    /** The severity with the row of the table that gave it. */
    record Graded(Severity severity, String reason) {
    }

    static Graded severity(IncidentFacts facts, FallZoneFinding fallZone, List<AffectedSettlement> settlements,
                           ExceedanceCheck.Result samples) {
        AffectedSettlement worst3 = most(settlements, 3);
        if (worst3 != null && atLeast(worst3, 3) >= ZONE_PROBABILITY) {
            return new Graded(Severity.EXTREME, worst3.name() + ": P(AEGL-3) " + percent(atLeast(worst3, 3)));
        }
        double expected2 = expectedPeople(settlements, 2);
        if (expected2 >= MANY_PEOPLE) {
            return new Graded(Severity.EXTREME, "expected people above AEGL-2: " + Math.round(expected2));
        }
        AffectedSettlement worst2 = most(settlements, 2);
        if (worst2 != null && atLeast(worst2, 2) >= ZONE_PROBABILITY) {
            return new Graded(Severity.SEVERE, worst2.name() + ": P(AEGL-2 or worse) " + percent(atLeast(worst2, 2)));
        }
        double expected1 = expectedPeople(settlements, 1);
        if (expected1 >= MANY_PEOPLE) {
            return new Graded(Severity.SEVERE, "expected people above a level of concern: " + Math.round(expected1));
        }
        AffectedSettlement worst1 = most(settlements, 1);
        if (worst1 != null && atLeast(worst1, 1) >= ZONE_PROBABILITY) {
            return new Graded(Severity.MODERATE, worst1.name() + ": P(AEGL-1 or worse) " + percent(atLeast(worst1, 1)));
        }
        if (worst2 != null && atLeast(worst2, 2) >= NOTICE_PROBABILITY) {
            return new Graded(Severity.MODERATE, worst2.name() + ": P(AEGL-2 or worse) " + percent(atLeast(worst2, 2)));
        }
        if (settlements.stream().anyMatch(s -> ZoneLevels.SCREENING.equals(s.zone()))) {
            return new Graded(Severity.MODERATE, "a settlement is inside a screening circle");
        }
        if (offNominalImpact(facts, fallZone)) {
            return new Graded(Severity.MODERATE, "off-nominal impact with a release, outside the drop zones; it reaches nobody");
        }
        return new Graded(Severity.MINOR, "no level of concern at a settlement with a probability that counts, no off-nominal "
                + "impact");
    }

    /**
     * The largest probability of a level of tier {@code minTier} or more at {@code s}; inside the analyst's reported
     * footprint, P = 1 for tier 2 and below.
     */
    static double atLeast(AffectedSettlement s, int minTier) {
        if (ZoneLevels.REPORTED_FOOTPRINT.equals(s.zone()) && minTier <= ZoneLevels.tier(ZoneLevels.REPORTED_FOOTPRINT)) {
            return 1;
        }
        double p = 0;
        for (Map.Entry<String, Double> e : s.exceedanceProbability().entrySet()) {
            if (ZoneLevels.tier(e.getKey()) >= minTier && e.getValue() != null) {
                p = Math.max(p, e.getValue());
            }
        }
        return p;
    }

    /** The settlement with the largest P(≥ tier), or null when there are none. */
    private static AffectedSettlement most(List<AffectedSettlement> settlements, int minTier) {
        return settlements.stream().max(Comparator.comparingDouble(s -> atLeast(s, minTier))).orElse(null);
    }

    private static double expectedPeople(List<AffectedSettlement> settlements, int minTier) {
        return settlements.stream().mapToDouble(s -> atLeast(s, minTier) * s.population()).sum();
    }

    static String certainty(List<AffectedSettlement> settlements, ExceedanceCheck.Result samples, boolean modelled) {
        double p = settlements.stream().mapToDouble(s -> atLeast(s, 1)).max().orElse(0);
        if (p >= LIKELY_PROBABILITY) {
            return LIKELY;
        }
        if (p >= ZONE_PROBABILITY || settlements.stream().anyMatch(s -> ZoneLevels.SCREENING.equals(s.zone()))) {
            return POSSIBLE;
        }
        if (!modelled && !samples.exceedances().isEmpty()) {
            return OBSERVED;
        }
        return UNLIKELY;
    }

    /** The earliest arrival at any settlement, minutes after the release began, or null when it reaches none. */
    static Integer earliestArrival(List<AffectedSettlement> settlements) {
        return settlements.stream().map(AffectedSettlement::arrivalMinutes).filter(Objects::nonNull).min(Integer::compare).orElse(null);
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * p);
    }

    static boolean offNominalImpact(IncidentFacts facts, FallZoneFinding fallZone) {
        boolean outside = fallZone != null
                && (FallZoneIndex.OUTSIDE.equals(fallZone.status()) || FallZoneIndex.NO_ZONE_NEARBY.equals(fallZone.status()));
        return outside && IMPACTS.contains(facts.category()) && !facts.releases().isEmpty();
    }

    static String urgency(Instant occurredAt, Duration window, Integer arrivalMinutes, Instant assessedAt) {
        if (occurredAt == null) {
            return UNKNOWN; // incident-service requires occurredAt; without it we claim nothing
        }
        Instant windowEnds = occurredAt.plus(window == null ? Duration.ZERO : window);
        if (windowEnds.plus(PAST_AFTER).isBefore(assessedAt)) {
            return PAST;
        }
        if (arrivalMinutes != null && !assessedAt.isAfter(windowEnds)
                && occurredAt.plus(Duration.ofMinutes(arrivalMinutes)).isAfter(assessedAt.plus(IMMEDIATE_WITHIN))) {
            return EXPECTED;
        }
        return IMMEDIATE;
    }
}
