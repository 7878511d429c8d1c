package org.steppewatch.notification.cap;

import java.util.Set;

import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.ZoneLevels;
import org.steppewatch.contracts.IncidentCategory;

/**
 * The written rules that pick a CAP {@code category} and {@code responseType}. They read only the
 * assessment, so the same assessment always gives the same advice.
 */
public final class CapRules {

    public static final String CBRNE = "CBRNE";
    public static final String ENV = "Env";
    /** Categories that mean a propellant, chemical or radiological hazard by themselves. */
    private static final Set<IncidentCategory> CBRNE_CATEGORIES = Set.of(IncidentCategory.FUEL_SPILL,
            IncidentCategory.RADIATION);

    private CapRules() {
    }

    /**
     * Env for a contamination notice (rating path {@code CONTAMINATION}: measured contamination and no airborne
     * hazard to people). Otherwise CBRNE when the hazard is a propellant, chemical or radiological one: a hazard
     * zone drawn for a substance, a lab sample above its limit, or an incident of category FUEL_SPILL or RADIATION.
     * Env otherwise (a stage impact without release or exceedance, contamination not (yet) measured
     * above a limit, any other incident).
     */
    public static String category(IncidentAssessed assessment) {
        if (IncidentAssessed.CONTAMINATION.equals(assessment.path())) {
            return ENV;
        }
        boolean substanceZone = assessment.hazardZones().stream().anyMatch(z -> z.substance() != null);
        boolean exceedance = !assessment.exceedances().isEmpty();
        IncidentCategory category = assessment.incident() == null ? null : assessment.incident().category();
        return substanceZone || exceedance || CBRNE_CATEGORIES.contains(category) ? CBRNE : ENV;
    }

    /**
     * What people should do, in CAP terms:
     * <ol>
     * <li>Cancel: AllClear;</li>
     * <li>a settlement lies inside a hazard zone and the urgency is Immediate: Shelter (the plume
     * passes within hours; moving people through it is worse than staying indoors, as Toretam and
     * Akai were told in 2013);</li>
     * <li>a settlement lies inside a zone of the most dangerous tier (AEGL-3 and the like) and there
     * is time (urgency not Immediate): Evacuate;</li>
     * <li>any other settlement inside a zone: Shelter;</li>
     * <li>no settlement inside a zone but a sample above its limit: Avoid (the site, its water, its
     * pasture);</li>
     * <li>otherwise: Monitor.</li>
     * </ol>
     */
    public static String responseType(String msgType, IncidentAssessed assessment) {
        if ("Cancel".equals(msgType)) {
            return "AllClear";
        }
        String worstReachingPeople = ZoneLevels.worst(assessment.affectedSettlements().stream()
                .map(IncidentAssessed.AffectedSettlement::zone).filter(java.util.Objects::nonNull).toList());
        if (worstReachingPeople != null) {
            if ("Immediate".equals(assessment.urgency())) {
                return "Shelter";
            }
            return ZoneLevels.tier(worstReachingPeople) >= 3 ? "Evacuate" : "Shelter";
        }
        if (!assessment.exceedances().isEmpty()) {
            return "Avoid";
        }
        return "Monitor";
    }
}
