package org.steppewatch.georef;

import java.util.List;

import org.locationtech.jts.geom.Point;
import org.steppewatch.contracts.Geo;

/**
 * A populated place.
 *
 * @param id         stable id: {@code gn:<GeoNames id>}, {@code sm:<SimpleMaps id>} or {@code dp:<domain point id>}
 * @param name       English (Latin) name
 * @param nameRu     Russian name, or null where unknown
 * @param nameKk     Kazakh name (Cyrillic), or null where unknown
 * @param population latest figure of {@code populationSource}
 * @param alternateNames other names the place goes by in the merged sources (e.g. Atasu for Zhangaarqa)
 */
public record Settlement(String id, String name, String nameRu, String nameKk, double lon, double lat,
                         long population, String source, String populationSource, List<String> alternateNames) {

    public Settlement {
        alternateNames = alternateNames == null ? List.of() : List.copyOf(alternateNames);
    }

    Settlement withAlternateName(String alternate) {
        if (alternate.equals(name) || alternateNames.contains(alternate)) {
            return this;
        }
        List<String> names = new java.util.ArrayList<>(alternateNames);
        names.add(alternate);
        return new Settlement(id, name, nameRu, nameKk, lon, lat, population, source, populationSource, names);
    }

    public Point point() {
        return Geo.point(lon, lat);
    }
}
