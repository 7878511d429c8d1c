package org.steppewatch.georef;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.steppewatch.contracts.Geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;

/** Distances, bearings and circles on the WGS-84 ellipsoid (GeographicLib), never in degrees. */
public final class Geodesy {

    private static final Geodesic WGS84 = Geodesic.WGS84;

    private Geodesy() {
    }

    public static double distanceKm(Point from, Point to) {
        return distanceKm(from.getX(), from.getY(), to.getX(), to.getY());
    }

    public static double distanceKm(double lon1, double lat1, double lon2, double lat2) {
        return WGS84.Inverse(lat1, lon1, lat2, lon2, GeodesicMask.DISTANCE).s12 / 1000.0;
    }

    /** Initial bearing from {@code from} to {@code to}, degrees clockwise from true north, 0..360. */
    public static double bearingDeg(Point from, Point to) {
        GeodesicData g = WGS84.Inverse(from.getY(), from.getX(), to.getY(), to.getX(), GeodesicMask.AZIMUTH);
        return (g.azi1 + 360.0) % 360.0;
    }

    /** The point reached from {@code from} going {@code distanceKm} along {@code bearingDeg}. */
    public static Coordinate destination(Point from, double bearingDeg, double distanceKm) {
        GeodesicData g = WGS84.Direct(from.getY(), from.getX(), bearingDeg, distanceKm * 1000.0,
                GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
        return new Coordinate(g.lon2, g.lat2);
    }

    /** A geodesic circle as a polygon of {@code segments} vertices. */
    public static Polygon circle(Point centre, double radiusKm, int segments) {
        Coordinate[] ring = new Coordinate[segments + 1];
        for (int i = 0; i < segments; i++) {
            ring[i] = destination(centre, 360.0 * i / segments, radiusKm);
        }
        ring[segments] = ring[0].copy();
        return Geo.FACTORY.createPolygon(ring);
    }
}
