package org.steppewatch.analysis.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.steppewatch.contracts.GeoJsonModule;
import org.steppewatch.contracts.GeometryChecks;
import org.steppewatch.georef.Settlement;
import org.steppewatch.web.ControlCharacters;
import org.steppewatch.web.FieldProblem;

import tools.jackson.databind.JsonNode;

/**
 * Reads settlements from a GeoJSON FeatureCollection of Points. Feature properties: {@code id} (or the
 * feature's {@code id}; required, unique; a GeoNames place is best given as {@code gn:<geonameid>} so it
 * replaces the shipped record), {@code name} (required), {@code nameRu} / {@code name_ru}, {@code nameKk} /
 * {@code name_kk}, {@code population} (a whole number ≥ 0; missing = unknown), {@code source},
 * {@code alternateNames} (array of strings). Any problem rejects the whole import.
 */
final class SettlementGeoJson {

    static final int MAX_PROBLEMS = 50;
    /** As many as a GeoNames dump may bring ({@link GeoNamesDump#MAX_SETTLEMENTS}). */
    static final int MAX_FEATURES = GeoNamesDump.MAX_SETTLEMENTS;
    static final int MAX_ID = 100;
    static final int MAX_ALTERNATES = 50;
    private static final List<String> NAMES = List.of("name", "nameRu", "name_ru", "nameKk", "name_kk");
    static final String SOURCE = "GeoJSON import";

    private SettlementGeoJson() {
    }

    record Result(List<Settlement> settlements, List<FieldProblem> problems) {
    }

    static Result read(JsonNode root) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!"FeatureCollection".equals(root.path("type").asString(""))) {
            return new Result(List.of(), List.of(new FieldProblem("type", "must be \"FeatureCollection\"")));
        }
        JsonNode features = root.path("features");
        if (!features.isArray() || features.isEmpty()) {
            return new Result(List.of(), List.of(new FieldProblem("features", "must be a non-empty array of Point Features")));
        }
        if (features.size() > MAX_FEATURES) {
            return new Result(List.of(), List.of(new FieldProblem("features",
                    "at most " + MAX_FEATURES + " settlements per import, was " + features.size())));
        }
        List<Settlement> settlements = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < features.size() && problems.size() < MAX_PROBLEMS; i++) {
            JsonNode f = features.get(i);
            String at = "features[" + i + "]";
            JsonNode p = f.path("properties");
            int before = problems.size();
            String id = p.path("id").isValueNode() ? p.path("id").asString("") : f.path("id").isValueNode() ? f.path("id").asString("") : "";
            if (id.isBlank()) {
                problems.add(new FieldProblem(at + ".properties.id", "every settlement needs an id"));
            } else if (id.length() > MAX_ID || ControlCharacters.problem(id, false) != null) {
                problems.add(new FieldProblem(at + ".properties.id", "must be one line of at most " + MAX_ID + " characters"));
            } else if (seen.putIfAbsent(id, i) != null) {
                problems.add(new FieldProblem(at + ".properties.id", "duplicate id '" + id + "' (also features[" + seen.get(id) + "])"));
            }
            String name = text(p, "name");
            if (name == null) {
                problems.add(new FieldProblem(at + ".properties.name", "every settlement needs a name"));
            }
            JsonNode population = p.path("population");
            long people = 0;
            if (!population.isMissingNode() && !population.isNull()) {
                // through Number: Jackson's asDouble() throws on a BigInteger beyond double's range
                double value = population.isNumber() ? population.numberValue().doubleValue() : -1;
                // no place on Earth has ten billion people: anything larger (or Infinity) is not a population
                if (!Double.isFinite(value) || value < 0 || value > 1e10 || value != Math.rint(value)) {
                    problems.add(new FieldProblem(at + ".properties.population", "must be a whole number of at least 0"));
                } else {
                    people = population.asLong();
                }
            }
            Geometry geometry = null;
            try {
                geometry = f.path("geometry").isObject() ? GeoJsonModule.read(f.path("geometry").toString()) : null;
            } catch (RuntimeException e) {
                problems.add(new FieldProblem(at + ".geometry", "is not readable GeoJSON: " + e.getMessage()));
            }
            if (geometry == null && problems.size() == before) {
                problems.add(new FieldProblem(at + ".geometry", "must be a GeoJSON Point"));
            } else if (geometry != null) {
                GeometryChecks.problems(geometry, Set.of("Point")).forEach(problem -> problems.add(new FieldProblem(at + ".geometry", problem)));
            }
            texts(p, at, problems);
            List<String> alternates = new ArrayList<>();
            p.path("alternateNames").forEach(n -> {
                if (n.isString() && !n.asString().isBlank()) {
                    alternates.add(n.asString().strip());
                }
            });
            if (problems.size() > before) {
                continue;
            }
            String source = text(p, "source");
            settlements.add(new Settlement(id, name, first(p, "nameRu", "name_ru"), first(p, "nameKk", "name_kk"),
                    geometry.getCoordinate().x, geometry.getCoordinate().y, people, source == null ? SOURCE : source,
                    people > 0 ? (source == null ? SOURCE : source) : "unknown", alternates));
        }
        return problems.isEmpty() ? new Result(settlements, List.of()) : new Result(List.of(), problems);
    }

    /** Names go into alerts, feeds, mails and pages: one line each, of a sensible length, no control characters. */
    private static void texts(JsonNode p, String at, List<FieldProblem> problems) {
        ImportedText.names(p, at + ".properties", NAMES, problems);
        ImportedText.texts(p, at + ".properties", List.of("source"), problems);
        JsonNode alternates = p.path("alternateNames");
        if (!alternates.isArray()) {
            return;
        }
        if (alternates.size() > MAX_ALTERNATES) {
            problems.add(new FieldProblem(at + ".properties.alternateNames", "at most " + MAX_ALTERNATES + " names"));
            return;
        }
        for (int i = 0; i < alternates.size(); i++) {
            ImportedText.name(alternates.get(i), at + ".properties.alternateNames[" + i + "]", problems);
        }
    }

    private static String first(JsonNode p, String... names) {
        for (String name : names) {
            String value = text(p, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode p, String name) {
        JsonNode n = p.path(name);
        return n.isString() && !n.asString().isBlank() ? n.asString().strip() : null;
    }
}
