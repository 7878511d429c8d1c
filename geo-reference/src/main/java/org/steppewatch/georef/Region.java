package org.steppewatch.georef;

import org.locationtech.jts.geom.Geometry;

/**
 * A first-level administrative region of Kazakhstan (oblys, or a city of republican significance).
 *
 * @param id     OpenStreetMap relation id, e.g. {@code osm:85106}
 * @param name   English name
 * @param nameKk Kazakh name (Cyrillic)
 * @param nameRu Russian name
 */
public record Region(String id, String name, String nameKk, String nameRu, Geometry geometry) {
}
