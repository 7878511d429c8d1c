package org.steppewatch.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/** Checks a user-supplied geometry: WGS-84 range, expected type, OGC validity (no self-intersections). */
public final class GeometryChecks {

    private GeometryChecks() {
    }

    /** @return human-readable problems, empty when the geometry is acceptable */
    public static List<String> problems(Geometry geometry, Set<String> allowedTypes) {
        List<String> problems = new ArrayList<>();
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
}
