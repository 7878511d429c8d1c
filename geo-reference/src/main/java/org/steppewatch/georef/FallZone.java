package org.steppewatch.georef;

import org.locationtech.jts.geom.Geometry;

/**
 * A designated rocket-stage drop zone.
 *
 * @param approximate true when the outline is reconstructed (e.g. an ellipse from a published centre
 *                    and axes) rather than an official polygon: show it as approximate
 */
public record FallZone(String id, String name, String usedBy, Geometry geometry, boolean approximate,
                       String confidence, String source) {
}
