package org.steppewatch.incident.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.steppewatch.incident.site.FieldChecks;
import org.steppewatch.web.FieldProblem;

/** Checks a new campaign and its sampling locations, every problem at once. */
final class CampaignValidator {

    static final int TEXT_MAX = 300;
    static final int LOCATIONS_MAX = 1_000;
    static final Pattern LOCATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private CampaignValidator() {
    }

    static List<FieldProblem> problems(CampaignRequest r, LocalDate today, Predicate<String> siteExists) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.name() == null || r.name().isBlank()) {
            problems.add(new FieldProblem("name", "is required"));
        }
        FieldChecks.text(problems, "name", r.name(), TEXT_MAX, false);
        FieldChecks.text(problems, "organisation", r.organisation(), TEXT_MAX, false);
        site(problems, "siteId", r.siteId(), siteExists);
        if (r.startedOn() == null) {
            problems.add(new FieldProblem("startedOn", "is required (e.g. 2026-06-01)"));
        } else if (r.startedOn().isAfter(today)) {
            problems.add(new FieldProblem("startedOn", "is in the future: " + r.startedOn() + " (record a campaign once "
                    + "it has begun)"));
        }
        if (r.endedOn() != null && r.startedOn() != null && r.endedOn().isBefore(r.startedOn())) {
            problems.add(new FieldProblem("endedOn", "is before startedOn " + r.startedOn()));
        }
        if (r.locations() == null || r.locations().isEmpty()) {
            problems.add(new FieldProblem("locations", "is required: at least one sampling location"));
            return problems;
        }
        if (r.locations().size() > LOCATIONS_MAX) {
            problems.add(new FieldProblem("locations", "at most " + LOCATIONS_MAX + " sampling locations"));
            return problems;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < r.locations().size(); i++) {
            String field = "locations[" + i + "]";
            CampaignRequest.Location l = r.locations().get(i);
            if (l == null) {
                problems.add(new FieldProblem(field, "must not be null"));
                continue;
            }
            if (l.id() != null && !LOCATION_ID.matcher(l.id()).matches()) {
                problems.add(new FieldProblem(field + ".id", "letters, digits, '.', '_' and '-', at most 64; or absent"));
            } else if (l.id() != null && !ids.add(l.id())) {
                problems.add(new FieldProblem(field + ".id", "'" + l.id() + "' is used by another location"));
            }
            if (l.name() == null || l.name().isBlank()) {
                problems.add(new FieldProblem(field + ".name", "is required"));
            }
            FieldChecks.text(problems, field + ".name", l.name(), TEXT_MAX, false);
            if (l.location() == null) {
                problems.add(new FieldProblem(field + ".location", "is required (GeoJSON Point [lon, lat])"));
            } else {
                FieldChecks.geometry(problems, field + ".location", l.location(), FieldChecks.POINT);
            }
            site(problems, field + ".siteId", l.siteId(), siteExists);
        }
        return problems;
    }

    private static void site(List<FieldProblem> problems, String field, String siteId, Predicate<String> siteExists) {
        if (siteId != null && (siteId.length() > TEXT_MAX || !siteExists.test(siteId))) {
            problems.add(new FieldProblem(field, "no site" + (siteId.length() > 60 ? "" : " '" + siteId + "'")));
        }
    }
}
