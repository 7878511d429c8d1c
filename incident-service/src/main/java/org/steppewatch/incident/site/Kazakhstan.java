package org.steppewatch.incident.site;

import org.locationtech.jts.geom.Geometry;

/**
 * Whether a point lies in or near Kazakhstan: its extreme points (46.49–87.36 E, 40.57–55.44 N) widened by about
 * half a degree, so a sample on the far bank of a border river is accepted and a swapped latitude and longitude
 * (Temirtau written as [50.05, 72.95]) is not.
 */
public final class Kazakhstan {

    static final double WEST = 46.0;
    static final double EAST = 88.0;
    static final double SOUTH = 40.0;
    static final double NORTH = 56.0;

    private Kazakhstan() {
    }

    /** @return why the geometry is not in or near Kazakhstan, or null when every vertex is */
    public static String problem(Geometry geometry) {
        for (var c : geometry.getCoordinates()) {
            String problem = problem(c.x, c.y);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** @return why the point is not in or near Kazakhstan, or null when it is */
    public static String problem(double lon, double lat) {
        if (lon >= WEST && lon <= EAST && lat >= SOUTH && lat <= NORTH) {
            return null;
        }
        return "[" + lon + ", " + lat + "] is not in or near Kazakhstan (longitude " + WEST + " to " + EAST
                + ", latitude " + SOUTH + " to " + NORTH + "; GeoJSON order is [longitude, latitude])";
    }
}
