package org.steppewatch.web.opendata;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.locationtech.jts.geom.Geometry;

/** One geometry for a row that has several, e.g. an alert's or an assessment's hazard zones. */
public final class Areas {

    private Areas() {
    }

    /**
     * The area the geometries cover together (their union), or null when there are none; geometries JTS cannot
     * merge (e.g. an invalid ring) are kept side by side in a collection instead.
     */
    public static Geometry union(Collection<? extends Geometry> geometries) {
        List<Geometry> present = geometries.stream().filter(Objects::nonNull).filter(g -> !g.isEmpty())
                .map(Geometry.class::cast).toList();
        if (present.isEmpty()) {
            return null;
        }
        Geometry all = present.get(0).getFactory().buildGeometry(present);
        try {
            return all.union();
        } catch (RuntimeException e) {
            return all;
        }
    }
}
