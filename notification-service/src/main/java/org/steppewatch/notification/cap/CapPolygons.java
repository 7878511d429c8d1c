package org.steppewatch.notification.cap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Hazard zones as CAP {@code <polygon>}s: one closed ring per polygon of "lat,lon" pairs (CAP puts
 * latitude first, GeoJSON and JTS longitude first) separated by spaces, WGS-84, at most
 * {@code maxPoints} points, five decimals (about a metre). CAP polygons have no holes: the outer ring
 * is used, which can only make the area larger, never hide a part of it.
 */
public final class CapPolygons {

    /** First simplification tolerance in degrees (about 10 m); doubled until the ring is small enough. */
    private static final double FIRST_TOLERANCE = 1e-4;

    private CapPolygons() {
    }

    public static List<String> of(Geometry geometry, int maxPoints) {
        List<String> rings = new ArrayList<>();
        if (geometry == null || geometry.isEmpty()) {
            return rings;
        }
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon polygon && !polygon.isEmpty()) {
                rings.add(ring(simplified(polygon, maxPoints).getExteriorRing()));
            }
        }
        return rings;
    }

    /** Douglas–Peucker that keeps the ring valid, with a growing tolerance until the outer ring fits. */
    static Polygon simplified(Polygon polygon, int maxPoints) {
        Polygon shell = polygon.getFactory().createPolygon(polygon.getExteriorRing().getCoordinates());
        double tolerance = FIRST_TOLERANCE;
        Polygon current = shell;
        while (current.getExteriorRing().getNumPoints() > maxPoints) {
            Geometry simpler = TopologyPreservingSimplifier.simplify(shell, tolerance);
            if (simpler instanceof Polygon p && !p.isEmpty() && p.getExteriorRing().getNumPoints() >= 4) {
                current = p;
            }
            tolerance *= 2;
            if (tolerance > 10) {
                // cannot happen for a real zone; a bounding box is still a truthful superset
                return (Polygon) shell.getEnvelope();
            }
        }
        return current;
    }

    private static String ring(LinearRing ring) {
        StringBuilder out = new StringBuilder();
        Coordinate[] coordinates = ring.getCoordinates();
        for (Coordinate c : coordinates) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(decimal(c.y)).append(',').append(decimal(c.x));
        }
        return out.toString();
    }

    static String decimal(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(5, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
