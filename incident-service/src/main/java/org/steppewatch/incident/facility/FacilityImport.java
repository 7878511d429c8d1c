package org.steppewatch.incident.facility;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.steppewatch.contracts.Geo;
import org.steppewatch.incident.site.Kazakhstan;
import org.steppewatch.security.Actor;
import org.steppewatch.web.FieldProblem;
import org.steppewatch.web.Problems;

/**
 * Imports a CSV of annual releases ({@link FacilityCsv}), all or nothing: every row is checked before anything is
 * written, and one 400 names the line and column of every problem. Rows of an unknown facility_id register it
 * (then its name, operator, source, lat and lon are required, and its rows must agree on them); rows of a registered
 * facility add or correct its releases (their register columns are ignored, but a location given must still lie in
 * Kazakhstan). Each facility changed gets one new version and one FacilityReported.
 */
@Component
class FacilityImport {

    private final FacilityService facilities;
    private final FacilityStore store;

    FacilityImport(FacilityService facilities, FacilityStore store) {
        this.facilities = facilities;
        this.store = store;
    }

    record Result(int imported, List<String> facilityIds) {
    }

    Result importCsv(String csv) {
        FacilityCsv.Parsed parsed = FacilityCsv.parse(csv);
        List<FieldProblem> problems = new ArrayList<>(parsed.problems());
        int year = facilities.currentYear();
        Map<String, List<FacilityCsv.Row>> byFacility = new LinkedHashMap<>();
        for (FacilityCsv.Row row : parsed.rows()) {
            check(row, year, problems);
            if (row.facilityId() != null) {
                byFacility.computeIfAbsent(row.facilityId(), id -> new ArrayList<>()).add(row);
            }
        }
        Map<String, Boolean> registered = new HashMap<>();
        byFacility.forEach((id, rows) -> {
            Optional<Facility> stored = store.find(id);
            registered.put(id, stored.isPresent());
            if (stored.isEmpty()) {
                checkNewFacility(rows, problems);
            }
            checkRepeats(rows, stored.map(Facility::releases).orElse(List.of()), problems);
        });
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(FacilityImport::lineOf));
            throw Problems.invalid("The import has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                    + "; nothing was stored.", problems);
        }
        Actor by = FacilityService.caller();
        List<String> ids = new ArrayList<>();
        byFacility.forEach((id, rows) -> {
            List<FacilityRelease> releases = rows.stream().map(FacilityImport::release).toList();
            if (registered.get(id)) {
                facilities.addReleases(id, releases, by);
            } else if (!facilities.insert(newFacility(id, rows, releases), by)) {
                // registered by someone else since the check: add the releases to theirs
                facilities.addReleases(id, releases, by);
            }
            ids.add(id);
        });
        return new Result(parsed.rows().size(), ids);
    }

    private static void check(FacilityCsv.Row row, int currentYear, List<FieldProblem> problems) {
        if (row.facilityId() == null) {
            problems.add(new FieldProblem(row.field("facility_id"), "is required"));
        } else {
            FacilityValidator.id(problems, row.field("facility_id"), row.facilityId());
        }
        List<FieldProblem> release = new ArrayList<>();
        FacilityValidator.release(release, name -> row.field(name.equals("amountKg") ? "amount_kg" : name), row.year(),
                row.pollutant(), row.medium(), row.amountKg(), row.method(), currentYear);
        // a year or amount that is not a number was named by the parser: do not call it missing as well
        release.stream().filter(p -> problems.stream().noneMatch(named -> named.field().equals(p.field())))
                .forEach(problems::add);
        if (row.lat() != null && row.lon() != null) {
            double lat = row.lat();
            double lon = row.lon();
            String outside = Kazakhstan.problem(lon, lat);
            if (outside != null) {
                problems.add(new FieldProblem(row.field("lat"), outside));
            }
        }
        FacilityValidator.optional(problems, row.field("facility_name"), row.name(), FacilityValidator.NAME_MAX);
        FacilityValidator.optional(problems, row.field("operator"), row.operator(), FacilityValidator.NAME_MAX);
        FacilityValidator.optional(problems, row.field("activity"), row.activity(), FacilityValidator.NAME_MAX);
        FacilityValidator.optional(problems, row.field("source"), row.source(), FacilityValidator.SOURCE_MAX);
    }

    /** A new facility's rows: the register columns required on its first row, and the same on every row. */
    private static void checkNewFacility(List<FacilityCsv.Row> rows, List<FieldProblem> problems) {
        FacilityCsv.Row first = rows.get(0);
        for (String column : List.of("facility_name", "operator", "source", "lat", "lon")) {
            if (value(first, column) == null) {
                problems.add(new FieldProblem(first.field(column), "is required to register facility "
                        + first.facilityId()));
            }
        }
        for (FacilityCsv.Row row : rows.subList(1, rows.size())) {
            for (String column : List.of("facility_name", "operator", "activity", "source", "lat", "lon", "example")) {
                if (!Objects.equals(value(row, column), value(first, column))) {
                    problems.add(new FieldProblem(row.field(column), "differs from line " + first.line()
                            + " for the same facility_id " + first.facilityId()));
                }
            }
        }
    }

    /** No two rows for one release; at most {@value FacilityValidator#RELEASES_MAX} releases with those stored. */
    private static void checkRepeats(List<FacilityCsv.Row> rows, List<FacilityRelease> stored,
                                     List<FieldProblem> problems) {
        Set<String> releases = new HashSet<>();
        stored.forEach(r -> releases.add(FacilityValidator.key(r.year(), r.pollutant(), r.medium())));
        Map<String, Integer> seen = new HashMap<>();
        for (FacilityCsv.Row row : rows) {
            if (row.year() == null || row.pollutant() == null || row.medium() == null) {
                continue;
            }
            String key = FacilityValidator.key(row.year(), row.pollutant(), row.medium());
            Integer earlier = seen.putIfAbsent(key, row.line());
            if (earlier != null) {
                problems.add(new FieldProblem(row.field("year"), "repeats line " + earlier + " (same facility, year, "
                        + "pollutant and medium): a facility reports one amount for each"));
            } else if (releases.add(key) && releases.size() == FacilityValidator.RELEASES_MAX + 1) {
                problems.add(new FieldProblem(row.field("facility_id"), "facility " + row.facilityId()
                        + " would have more than " + FacilityValidator.RELEASES_MAX + " releases"));
            }
        }
    }

    private static Object value(FacilityCsv.Row row, String column) {
        return switch (column) {
            case "facility_name" -> row.name();
            case "operator" -> row.operator();
            case "activity" -> row.activity();
            case "source" -> row.source();
            case "lat" -> row.lat();
            case "lon" -> row.lon();
            case "example" -> Boolean.TRUE.equals(row.example());
            default -> throw new IllegalArgumentException(column);
        };
    }

    private static FacilityRelease release(FacilityCsv.Row row) {
        return FacilityValidator.release(row.year(), row.pollutant(), row.medium(), row.amountKg(), row.method());
    }

    private Facility newFacility(String id, List<FacilityCsv.Row> rows, List<FacilityRelease> releases) {
        FacilityCsv.Row first = rows.get(0);
        var now = facilities.now();
        return new Facility(id, 1, first.name().strip(), first.operator().strip(), FacilityValidator.strip(first.activity()),
                Geo.point(first.lon(), first.lat()), Boolean.TRUE.equals(first.example()), first.source().strip(),
                releases.stream().sorted(ReleaseMerge.ORDER).toList(), now, now, 0);
    }

    private static int lineOf(FieldProblem problem) {
        String field = problem.field();
        if (!field.startsWith("line ")) {
            return 0;
        }
        return Integer.parseInt(field.substring("line ".length(), field.indexOf(':')));
    }
}
