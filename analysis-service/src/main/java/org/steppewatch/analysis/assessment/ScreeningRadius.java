package org.steppewatch.analysis.assessment;

import java.util.List;

import org.locationtech.jts.geom.Point;
import org.steppewatch.contracts.IncidentAssessed.HazardZone;
import org.steppewatch.contracts.ZoneLevels;
import org.steppewatch.georef.Geodesy;

/**
 * Fallback zone for a volatile substance with no AEGL on file (NDMA, DMA, HNO3 in the shipped table): without a
 * level of concern the plume model has no edge to draw, yet the release should not vanish from the map. A
 * geodesic circle whose radius grows with the cube root of the released mass says where to look first, not
 * where the air is unsafe.
 *
 * <pre>
 *   R = 12 km × (m / 1 t)^(1/3), clamped to 1 … 150 km
 *   m = 1 t → 12.0 km     m = 30 t → 37.3 km     m = 172 t → 66.7 km     m ≥ 1,954 t → 150 km (clamp)
 * </pre>
 *
 * The 12 km per t^(1/3) is a screening convention of Steppe Watch, not a level of concern from a model or a
 * regulation. Zones drawn this way have the level {@value ZoneLevels#SCREENING} (severity tier 1).
 */
final class ScreeningRadius {

    static final double KM_PER_CUBE_ROOT_TONNE = 12.0;
    static final double MIN_RADIUS_KM = 1.0;
    static final double MAX_RADIUS_KM = 150.0;
    static final int SEGMENTS = 72;
    static final String METHOD = "screening radius 12 km × (mass in t)^(1/3): fallback for a volatile substance without AEGL on file";
    static final List<String> CAVEATS = List.of(
            "not a dispersion model: ignores wind and stability",
            "no AEGL on file for this substance, so no level of concern can be drawn",
            "radius scaled from released mass only (airborne fraction, release duration and terrain not considered)",
            "a screening distance, not a level of concern: outside the circle is not proven safe");

    private ScreeningRadius() {
    }

    /** R = 12 km × (massKg / 1000)^(1/3), clamped to 1..150 km. */
    static double radiusKm(double massKg) {
        double r = KM_PER_CUBE_ROOT_TONNE * Math.cbrt(Math.max(0, massKg) / 1000.0);
        return Math.min(MAX_RADIUS_KM, Math.max(MIN_RADIUS_KM, r));
    }

    static HazardZone zone(Point location, String substance, double massKg) {
        return new HazardZone(ZoneLevels.SCREENING, substance, null, null, Geodesy.circle(location, radiusKm(massKg), SEGMENTS),
                METHOD, CAVEATS);
    }
}
