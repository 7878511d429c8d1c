package org.steppewatch.analysis.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.steppewatch.contracts.GeoJsonModule;
import org.steppewatch.contracts.GeometryChecks;
import org.steppewatch.web.FieldProblem;

import tools.jackson.databind.JsonNode;

/**
 * Reads zones from a GeoJSON FeatureCollection of Polygons or MultiPolygons (the shipped areas of concern
 * and {@code PUT /api/v1/fall-zones}). Feature properties: {@code id} (or the feature's {@code id}; required,
 * unique), {@code kind} ({@value ReferenceZone#DROP_ZONE}, the default, or {@value ReferenceZone#AREA_OF_CONCERN}),
 * {@code name}, {@code description} (or {@code usedBy} / {@code used_by}), {@code approximate} (boolean,
 * default false), {@code confidence}, {@code source}, {@code note} (or {@code geometry_note}).
 */
final class ZoneGeoJson {

    static final int MAX_FEATURES = 5_000;
    static final int MAX_PROBLEMS = 50;
    private static final Set<String> AREAL = Set.of("Polygon", "MultiPolygon");
    private static final List<String> NAMES = List.of("id", "name", "confidence");
    private static final List<String> TEXTS = List.of("description", "usedBy", "used_by", "source", "note", "geometry_note");
    private static final Set<String> KINDS = Set.of(ReferenceZone.DROP_ZONE, ReferenceZone.AREA_OF_CONCERN);

    private ZoneGeoJson() {
    }

    /** The zones read, or the problems found (then no zone is returned). */
    record Result(List<ReferenceZone> zones, List<FieldProblem> problems) {
    }

    static Result read(JsonNode root, String defaultSource) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!"FeatureCollection".equals(root.path("type").asString(""))) {
            problems.add(new FieldProblem("type", "must be \"FeatureCollection\""));
            return new Result(List.of(), problems);
        }
        JsonNode features = root.path("features");
        if (!features.isArray() || features.isEmpty()) {
            problems.add(new FieldProblem("features", "must be a non-empty array of Features"));
            return new Result(List.of(), problems);
        }
        if (features.size() > MAX_FEATURES) {
            problems.add(new FieldProblem("features", "at most " + MAX_FEATURES + " zones, was " + features.size()));
            return new Result(List.of(), problems);
        }
        List<ReferenceZone> zones = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < features.size() && problems.size() < MAX_PROBLEMS; i++) {
            JsonNode f = features.get(i);
            String at = "features[" + i + "]";
            JsonNode p = f.path("properties");
            String id = p.path("id").isValueNode() ? p.path("id").asString("") : f.path("id").isValueNode() ? f.path("id").asString("") : "";
            int before = problems.size();
            if (id.isBlank()) {
                problems.add(new FieldProblem(at + ".properties.id", "every zone needs an id"));
            } else if (seen.containsKey(id)) {
                problems.add(new FieldProblem(at + ".properties.id", "duplicate id '" + id + "' (also features[" + seen.get(id) + "])"));
            } else {
                seen.put(id, i);
            }
            ImportedText.names(p, at + ".properties", NAMES, problems);
            ImportedText.texts(p, at + ".properties", TEXTS, problems);
            ImportedText.name(f.path("id"), at + ".id", problems);
            String kind = p.path("kind").asString(ReferenceZone.DROP_ZONE);
            if (!KINDS.contains(kind)) {
                problems.add(new FieldProblem(at + ".properties.kind", "must be DROP_ZONE or AREA_OF_CONCERN"));
            }
            JsonNode approximate = p.path("approximate");
            if (!approximate.isMissingNode() && !approximate.isBoolean()) {
                problems.add(new FieldProblem(at + ".properties.approximate", "must be true or false"));
            }
            Geometry geometry = null;
            if (!f.path("geometry").isObject()) {
                problems.add(new FieldProblem(at + ".geometry", "must be a GeoJSON Polygon or MultiPolygon"));
            } else {
                try {
                    geometry = GeoJsonModule.read(f.path("geometry").toString());
                    for (String problem : GeometryChecks.problems(geometry, AREAL)) {
                        problems.add(new FieldProblem(at + ".geometry", problem));
                    }
                } catch (RuntimeException e) {
                    problems.add(new FieldProblem(at + ".geometry", "is not readable GeoJSON: " + e.getMessage()));
                }
            }
            if (problems.size() > before) {
                continue;
            }
            String description = first(p, "description", "usedBy", "used_by");
            zones.add(new ReferenceZone(id, first(p, "name") == null ? id : first(p, "name"), kind, description, geometry,
                    approximate.asBoolean(false), p.path("confidence").asString("unknown"),
                    first(p, "source") == null ? defaultSource : first(p, "source"), first(p, "note", "geometry_note")));
        }
        return problems.isEmpty() ? new Result(zones, List.of()) : new Result(List.of(), problems);
    }

    private static String first(JsonNode properties, String... names) {
        for (String name : names) {
            JsonNode n = properties.path(name);
            if (n.isValueNode() && !n.isNull() && !n.asString("").isBlank()) {
                return n.asString();
            }
        }
        return null;
    }
}
