package org.steppewatch.contracts;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/** The one geometry factory: WGS-84 (SRID 4326), x = longitude, y = latitude. */
public final class Geo {

    public static final int WGS84 = 4326;
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), WGS84);

    public static Point point(double lon, double lat) {
        return FACTORY.createPoint(new Coordinate(lon, lat));
    }

    private Geo() {
    }
}
