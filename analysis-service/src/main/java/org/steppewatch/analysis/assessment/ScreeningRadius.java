package org.steppewatch.analysis.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Point;
import org.steppewatch.contracts.IncidentAssessed.HazardZone;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.georef.Geodesy;

/**
 * Provisional screening zone: a geodesic circle around the release whose radius grows with the cube root
 * of the released mass. It says where to look first, not where the air is unsafe; it stands in for the
 * Gaussian plume model until that is built. All constants of the method are here.
 *
 * <pre>
 *   R = 12 km × (m / 1 t)^(1/3), clamped to 1 … 150 km
 *   m = total mass of one volatile toxic substance released at the incident location
 *
 *   m = 1 t   → 12.0 km        m = 30 t  → 37.3 km
 *   m = 172 t → 66.7 km        m = 219 t → 72.3 km        m ≥ 1,954 t → 150 km (clamp)
 * </pre>
 *
 * The 12 km per t^(1/3) is a screening convention chosen for this skeleton, not a level of concern taken
 * from a model or a regulation: for the 2013 Proton-M crash (172 t UDMH) it reaches about 67 km, beyond
 * Toretam (told to shelter) and Baikonur town, 54–57 km away. Releases of one substance are added up: they come
 * from one incident location. Substances that are not volatile and toxic through the air (kerosene,
 * mercury, PCB, radionuclides) get no screening zone; their hazard is on the ground and shows in samples.
 */
final class ScreeningRadius implements HazardModel {

    static final String LEVEL = "SCREENING";
    static final double KM_PER_CUBE_ROOT_TONNE = 12.0;
    static final double MIN_RADIUS_KM = 1.0;
    static final double MAX_RADIUS_KM = 150.0;
    static final int SEGMENTS = 72;
    /** Substance codes (contracts' SubstanceCodes) that are released as toxic vapour or gas. */
    static final Set<String> VOLATILE_TOXIC = Set.of("UDMH", "N2O4", "NO2", "NDMA", "DMA", "HNO3");
    static final String METHOD = "screening radius 12 km × (mass in t)^(1/3); provisional until the Gaussian plume model";
    static final List<String> CAVEATS = List.of(
            "not a dispersion model: ignores wind and stability",
            "radius scaled from released mass only (airborne fraction, release duration and terrain not considered)",
            "a screening distance, not a level of concern: outside the circle is not proven safe");

    static boolean isVolatileToxic(String substance) {
        return substance != null && VOLATILE_TOXIC.contains(substance.toUpperCase(Locale.ROOT));
    }

    /** R = 12 km × (massKg / 1000)^(1/3), clamped to 1..150 km. */
    static double radiusKm(double massKg) {
        double r = KM_PER_CUBE_ROOT_TONNE * Math.cbrt(Math.max(0, massKg) / 1000.0);
        return Math.min(MAX_RADIUS_KM, Math.max(MIN_RADIUS_KM, r));
    }

    @Override
    public List<HazardZone> zones(Point location, IncidentFacts facts) {
        Map<String, Double> massBySubstance = new LinkedHashMap<>();
        for (IncidentFacts.Release release : facts.releases()) {
            // a release of unknown mass (0 or missing) cannot be scaled; the summary reports it as such
            if (isVolatileToxic(release.substance()) && Double.isFinite(release.massKg()) && release.massKg() > 0) {
                massBySubstance.merge(release.substance().toUpperCase(Locale.ROOT), release.massKg(), Double::sum);
            }
        }
        List<HazardZone> zones = new ArrayList<>();
        // largest circle first: a settlement inside several is attributed to the first that holds it
        massBySubstance.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> zones.add(new HazardZone(LEVEL, e.getKey(), null, null,
                        Geodesy.circle(location, radiusKm(e.getValue()), SEGMENTS), METHOD, CAVEATS)));
        return zones;
    }
}
