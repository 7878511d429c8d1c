package org.steppewatch.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Checks a user-supplied geometry: size, WGS-84 range, expected type, OGC validity (no self-intersections).
 */
public final class GeometryChecks {

    /**
     * Vertices one geometry may have: a municipality's outline traced from OpenStreetMap has a few thousand,
     * a crash footprint a few dozen. Validity checking is O(n log n) and every assessment re-tests the area,
     * so a million-vertex polygon is refused before anything looks at it.
     */
    public static final int MAX_VERTICES = 10_000;
    /** Rings (outer and holes, over all parts of a MultiPolygon) one geometry may have. */
    public static final int MAX_RINGS = 500;

    private GeometryChecks() {
    }

    /** @return human-readable problems, empty when the geometry is acceptable */
    public static List<String> problems(Geometry geometry, Set<String> allowedTypes) {
        List<String> problems = new ArrayList<>();
        int vertices = geometry.getNumPoints();
        if (vertices > MAX_VERTICES) {
            problems.add("has " + vertices + " vertices; at most " + MAX_VERTICES + " are accepted");
            return problems;
        }
        int rings = rings(geometry);
        if (rings > MAX_RINGS) {
            problems.add("has " + rings + " rings; at most " + MAX_RINGS + " are accepted");
            return problems;
        }
        if (!allowedTypes.contains(geometry.getGeometryType())) {
            problems.add("must be a GeoJSON " + String.join(" or ", allowedTypes.stream().sorted().toList())
                    + ", was " + geometry.getGeometryType());
            return problems;
        }
        if (geometry.isEmpty()) {
            problems.add("must not be empty");
            return problems;
        }
        for (Coordinate c : geometry.getCoordinates()) {
            if (!Double.isFinite(c.x) || c.x < -180 || c.x > 180) {
                problems.add("longitude " + c.x + " is outside -180..180");
                return problems;
            }
            if (!Double.isFinite(c.y) || c.y < -90 || c.y > 90) {
                problems.add("latitude " + c.y + " is outside -90..90");
                return problems;
            }
        }
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            problems.add("is not a valid " + geometry.getGeometryType() + ": " + error.getMessage()
                    + (at == null ? "" : " at [" + at.x + ", " + at.y + "]"));
        }
        return problems;
    }

    private static int rings(Geometry geometry) {
        int rings = 0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon polygon) {
                rings += 1 + polygon.getNumInteriorRing();
            }
        }
        return rings;
    }
}
