package org.steppewatch.incident.site;

import java.util.List;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.steppewatch.contracts.GeometryChecks;
import org.steppewatch.web.ControlCharacters;
import org.steppewatch.web.FieldProblem;
import org.steppewatch.web.Problems;

/** Checks the contamination records (sites, campaigns, results) share: places and free text. */
public final class FieldChecks {

    public static final Set<String> POINT = Set.of("Point");
    public static final Set<String> AREA = Set.of("Polygon", "MultiPolygon");

    /** The largest page a list answers. */
    public static final int MAX_PAGE_SIZE = 500;

    private FieldChecks() {
    }

    /** A valid geometry of one of {@code types}, in or near Kazakhstan. */
    public static void geometry(List<FieldProblem> problems, String field, Geometry geometry, Set<String> types) {
        List<String> found = GeometryChecks.problems(geometry, types);
        for (String problem : found) {
            problems.add(new FieldProblem(field, problem));
        }
        if (found.isEmpty()) {
            String where = Kazakhstan.problem(geometry);
            if (where != null) {
                problems.add(new FieldProblem(field + ".coordinates", where));
            }
        }
    }

    /** Absent, or at most {@code max} characters without control characters (line breaks only if multiline). */
    public static void text(List<FieldProblem> problems, String field, String value, int max, boolean multiline) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters, was " + value.length()));
            return;
        }
        String problem = ControlCharacters.problem(value, multiline);
        if (problem != null) {
            problems.add(new FieldProblem(field, problem));
        }
    }

    /** @return {@code size}, when the page and size are in range; else a 400 naming the one that is not */
    public static int pageSize(int page, int size) {
        if (page < 0) {
            throw Problems.invalid(List.of(new FieldProblem("page", "must be 0 or more, was " + page)));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Problems.invalid(List.of(new FieldProblem("size", "must be 1 to " + MAX_PAGE_SIZE + ", was " + size)));
        }
        return size;
    }
}
