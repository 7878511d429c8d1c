package org.steppewatch.incident.facility;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.steppewatch.contracts.GeometryChecks;
import org.steppewatch.contracts.SubstanceCodes;
import org.steppewatch.incident.site.Kazakhstan;
import org.steppewatch.web.ControlCharacters;
import org.steppewatch.web.FieldProblem;

/**
 * Checks facilities and their annual releases field by field, for the JSON API ({@code releases[0].year}) and the
 * CSV import ({@code line 3: year}) alike, and turns valid input into stored values (codes normalised).
 */
final class FacilityValidator {

    static final int NAME_MAX = 200;
    static final int SOURCE_MAX = 1_000;
    static final int RELEASES_MAX = 1_000;
    /** Before E-PRTR and its predecessor EPER; an earlier year is a typo. */
    static final int EARLIEST_YEAR = 1990;
    /** 10 Mt a year: more than any facility emits of any Annex II pollutant (the NOx of the largest plants is ~0.1 Mt). */
    static final double AMOUNT_MAX_KG = 10_000_000_000d;
    static final List<String> MEDIA = List.of("air", "water", "land");
    static final List<String> METHODS = List.of("M", "C", "E");
    private static final Pattern ID = Pattern.compile("fac-[a-z0-9]+(-[a-z0-9]+)*");
    private static final int ID_MAX = 100;

    private FacilityValidator() {
    }

    /** @return every problem of the request, empty when it can be registered */
    static List<FieldProblem> problems(FacilityRequest request, int currentYear) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.id() != null) {
            id(problems, "id", request.id());
        }
        required(problems, "name", request.name(), NAME_MAX);
        required(problems, "operator", request.operator(), NAME_MAX);
        optional(problems, "activity", request.activity(), NAME_MAX);
        required(problems, "source", request.source(), SOURCE_MAX);
        location(problems, "location", request.location());
        List<FacilityRequest.Release> releases = request.releases() == null ? List.of() : request.releases();
        if (releases.size() > RELEASES_MAX) {
            problems.add(new FieldProblem("releases", "has " + releases.size() + " entries; at most " + RELEASES_MAX));
            return problems;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < releases.size(); i++) {
            String prefix = "releases[" + i + "]";
            FacilityRequest.Release r = releases.get(i);
            if (r == null) {
                problems.add(new FieldProblem(prefix, "must not be null"));
            } else if (release(problems, name -> prefix + "." + name, r.year(), r.pollutant(), r.medium(), r.amountKg(),
                    r.method(), currentYear)) {
                Integer first = seen.putIfAbsent(key(r.year(), r.pollutant(), r.medium()), i);
                if (first != null) {
                    problems.add(new FieldProblem(prefix, "repeats releases[" + first + "] (same year, pollutant "
                            + "and medium): a facility reports one amount for each"));
                }
            }
        }
        return problems;
    }

    static Facility toFacility(FacilityRequest request, String id, Instant now) {
        List<FacilityRelease> releases = request.releases() == null ? List.of() : request.releases().stream()
                .map(r -> release(r.year(), r.pollutant(), r.medium(), r.amountKg(), r.method()))
                .sorted(ReleaseMerge.ORDER)
                .toList();
        return new Facility(id, 1, request.name().strip(), request.operator().strip(), strip(request.activity()),
                (Point) request.location(), Boolean.TRUE.equals(request.example()), request.source().strip(),
                releases, now, now, 0);
    }

    /** A release that passed {@link #release}, normalised: pollutant and method in upper case, medium in lower. */
    static FacilityRelease release(int year, String pollutant, String medium, double amountKg, String method) {
        return FacilityRelease.unjudged(year, upper(pollutant), medium.strip().toLowerCase(Locale.ROOT), amountKg,
                method == null || method.isBlank() ? null : upper(method));
    }

    static String key(int year, String pollutant, String medium) {
        return year + "|" + upper(pollutant) + "|" + medium.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Checks one annual release; {@code field} names a field for a problem.
     *
     * @return whether it is acceptable
     */
    static boolean release(List<FieldProblem> problems, UnaryOperator<String> field, Integer year, String pollutant,
                           String medium, Double amountKg, String method, int currentYear) {
        int before = problems.size();
        if (year == null) {
            problems.add(new FieldProblem(field.apply("year"), "is required (the reporting year, e.g. 2023)"));
        } else if (year > currentYear) {
            problems.add(new FieldProblem(field.apply("year"), "is in the future: " + year));
        } else if (year < EARLIEST_YEAR) {
            problems.add(new FieldProblem(field.apply("year"), "must be " + EARLIEST_YEAR + " or later, was " + year));
        }
        if (pollutant == null || pollutant.isBlank()) {
            problems.add(new FieldProblem(field.apply("pollutant"), "is required; known codes: " + knownCodes()));
        } else if (pollutant.length() > NAME_MAX || !SubstanceCodes.isKnown(pollutant.strip())) {
            problems.add(new FieldProblem(field.apply("pollutant"), "unknown pollutant"
                    + (pollutant.length() > 40 ? "" : " '" + pollutant + "'") + "; known codes: " + knownCodes()));
        }
        if (medium == null || medium.isBlank()) {
            problems.add(new FieldProblem(field.apply("medium"), "is required; one of " + String.join(", ", MEDIA)));
        } else if (!MEDIA.contains(medium.strip().toLowerCase(Locale.ROOT))) {
            problems.add(new FieldProblem(field.apply("medium"), "must be one of " + String.join(", ", MEDIA)
                    + (medium.length() > 40 ? "" : ", was '" + medium + "'")));
        }
        if (amountKg == null) {
            problems.add(new FieldProblem(field.apply("amountKg"), "is required (kg/year)"));
        } else if (!Double.isFinite(amountKg) || amountKg < 0) {
            problems.add(new FieldProblem(field.apply("amountKg"), "must be a finite number >= 0, was " + amountKg));
        } else if (amountKg > AMOUNT_MAX_KG) {
            problems.add(new FieldProblem(field.apply("amountKg"), "must be at most 10 Mt (1e10 kg), was " + amountKg));
        }
        if (method != null && !method.isBlank() && !METHODS.contains(method.strip().toUpperCase(Locale.ROOT))) {
            problems.add(new FieldProblem(field.apply("method"), "must be M (measured), C (calculated) or E (estimated)"
                    + (method.length() > 40 ? "" : ", was '" + method + "'")));
        }
        return problems.size() == before;
    }

    static void id(List<FieldProblem> problems, String field, String id) {
        if (id.length() > ID_MAX || !ID.matcher(id).matches()) {
            problems.add(new FieldProblem(field, "must be fac- followed by lower-case letters, digits and single "
                    + "hyphens (at most " + ID_MAX + " characters)" + (id.length() > 40 ? "" : ", was '" + id + "'")));
        }
    }

    static void location(List<FieldProblem> problems, String field, Geometry location) {
        if (location == null) {
            problems.add(new FieldProblem(field, "is required (GeoJSON Point [lon, lat])"));
            return;
        }
        List<String> invalid = GeometryChecks.problems(location, Set.of("Point"));
        for (String problem : invalid) {
            problems.add(new FieldProblem(problem.startsWith("must be a GeoJSON") ? field + ".type"
                    : problem.startsWith("longitude") || problem.startsWith("latitude") ? field + ".coordinates" : field,
                    problem));
        }
        String outside = invalid.isEmpty() ? Kazakhstan.problem(location) : null;
        if (outside != null) {
            problems.add(new FieldProblem(field + ".coordinates", outside));
        }
    }

    /** @return whether the value is present and acceptable */
    static boolean required(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
            return false;
        }
        return optional(problems, field, value, max);
    }

    /** @return whether the value is absent or acceptable */
    static boolean optional(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null) {
            return true;
        }
        if (value.strip().length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
            return false;
        }
        // control characters and bidi overrides never get in: the names reach maps, CSV and GeoJSON downloads
        String problem = ControlCharacters.problem(value, false);
        if (problem != null) {
            problems.add(new FieldProblem(field, problem));
        }
        return problem == null;
    }

    static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String upper(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    private static String knownCodes() {
        return String.join(", ", SubstanceCodes.all().keySet());
    }
}
