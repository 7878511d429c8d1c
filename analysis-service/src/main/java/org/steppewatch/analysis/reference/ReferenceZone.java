package org.steppewatch.analysis.reference;

import org.locationtech.jts.geom.Geometry;
import org.steppewatch.georef.FallZone;

/**
 * A zone of the reference data: a rocket-stage drop zone ({@value #DROP_ZONE}) or an area of concern
 * ({@value #AREA_OF_CONCERN}: a cosmodrome's leased area, a test site).
 *
 * @param description what the zone is (for drop zones: the stages that fall there)
 * @param approximate the outline is reconstructed (e.g. an ellipse from a centre and axes), not official
 * @param note        how the outline was made, or null
 */
public record ReferenceZone(String id, String name, String kind, String description, Geometry geometry,
                            boolean approximate, String confidence, String source, String note) {

    public static final String DROP_ZONE = "DROP_ZONE";
    public static final String AREA_OF_CONCERN = "AREA_OF_CONCERN";

    /** A drop zone of the geo-reference module. */
    public static ReferenceZone of(FallZone zone) {
        return new ReferenceZone(zone.id(), zone.name(), DROP_ZONE, zone.usedBy(), zone.geometry(), zone.approximate(),
                zone.confidence(), zone.source(), zone.approximate() ? "APPROXIMATE outline" : null);
    }
}
