package org.steppewatch.incident.result;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.steppewatch.contracts.SubstanceCodes;
import org.steppewatch.incident.incident.SampleUnits;
import org.steppewatch.incident.site.FieldChecks;
import org.steppewatch.incident.site.Media;
import org.steppewatch.web.FieldProblem;

/**
 * Checks a new result, entered or imported (seeded published values are kept as published and not checked): a
 * known substance and medium, a unit that can measure the substance in the medium (the table incidents use), a
 * value or a non-detect with its detection limit, a sampling day not in the future, a site or campaign that
 * exists, a place in or near Kazakhstan.
 */
final class ResultValidator {

    static final List<String> BASES = List.of("WET", "DRY", "FAT");
    static final int TEXT_MAX = 300;
    static final int NOTES_MAX = 5_000;
    /** Before any rocket or atomic test on the steppe; earlier is a typo. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final SampleUnits UNITS = SampleUnits.standard();

    /** What the validator looks up: sites and campaigns. */
    interface Known {
        boolean site(String siteId);

        Optional<Map<String, Geometry>> campaign(String campaignId);
    }

    private ResultValidator() {
    }

    /**
     * @param prefix what each field name starts with ("" for a request, "line 3." for a row of an import)
     * @param today  the latest sampling day accepted (today in Kazakhstan)
     */
    static List<FieldProblem> problems(ResultRequest r, String prefix, LocalDate today, Known known) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean substance = r.substance() != null && r.substance().length() <= TEXT_MAX
                && SubstanceCodes.isKnown(r.substance().strip().toUpperCase(Locale.ROOT));
        if (!substance) {
            problems.add(new FieldProblem(prefix + "substance", (r.substance() == null || r.substance().isBlank()
                    ? "is required" : "unknown substance" + quoted(r.substance()))
                    + "; known codes: " + String.join(", ", SubstanceCodes.all().keySet())));
        }
        String medium = Media.code(r.medium());
        if (medium == null) {
            problems.add(new FieldProblem(prefix + "medium", (r.medium() == null || r.medium().isBlank() ? "is required"
                    : "unknown medium" + quoted(r.medium())) + "; one of " + Media.known()));
        }
        if (r.unit() == null || r.unit().isBlank()) {
            problems.add(new FieldProblem(prefix + "unit", "is required (e.g. mg/kg, mg/L, Bq/kg)"));
        } else if (r.unit().length() > TEXT_MAX) {
            problems.add(new FieldProblem(prefix + "unit", "unknown unit"));
        } else if (substance && medium != null) {
            String problem = UNITS.problem(r.substance().strip().toUpperCase(Locale.ROOT), medium.toUpperCase(Locale.ROOT),
                    r.unit().strip());
            if (problem != null) {
                problems.add(new FieldProblem(prefix + "unit", problem));
            }
        } else if (org.steppewatch.units.SampleUnits.of(r.unit()).isEmpty()) {
            problems.add(new FieldProblem(prefix + "unit", "unknown unit" + quoted(r.unit()) + "; one of "
                    + String.join(", ", org.steppewatch.units.SampleUnits.symbols())));
        }
        detection(problems, prefix, r);
        if (r.basis() != null && !BASES.contains(r.basis().strip().toUpperCase(Locale.ROOT))) {
            problems.add(new FieldProblem(prefix + "basis", "must be one of " + String.join(", ", BASES) + " or absent"
                    + quoted(r.basis())));
        }
        if (r.sampledOn() == null) {
            problems.add(new FieldProblem(prefix + "sampledOn", "is required (the day of sampling, e.g. 2026-11-20)"));
        } else if (r.sampledOn().isAfter(today)) {
            problems.add(new FieldProblem(prefix + "sampledOn", "is in the future: " + r.sampledOn()
                    + " (today is " + today + " in Kazakhstan)"));
        } else if (r.sampledOn().isBefore(EARLIEST)) {
            problems.add(new FieldProblem(prefix + "sampledOn", "must be after " + EARLIEST + ", was " + r.sampledOn()));
        }
        place(problems, prefix, r, known);
        FieldChecks.text(problems, prefix + "method", r.method(), TEXT_MAX, false);
        FieldChecks.text(problems, prefix + "laboratory", r.laboratory(), TEXT_MAX, false);
        FieldChecks.text(problems, prefix + "notes", r.notes(), NOTES_MAX, true);
        return problems;
    }

    /**
     * A detect (detected absent or true) needs a value of 0 or more; a non-detect (detected false) a detection limit
     * above 0 and no value: a result below the detection limit is not a zero.
     */
    private static void detection(List<FieldProblem> problems, String prefix, ResultRequest r) {
        boolean nonDetect = Boolean.FALSE.equals(r.detected());
        if (nonDetect && r.detectionLimit() == null) {
            problems.add(new FieldProblem(prefix + "detectionLimit", "is required for a non-detect (detected false)"));
        }
        positive(problems, prefix + "detectionLimit", r.detectionLimit());
        positive(problems, prefix + "quantitationLimit", r.quantitationLimit());
        if (r.detectionLimit() != null && r.quantitationLimit() != null && r.quantitationLimit() < r.detectionLimit()) {
            problems.add(new FieldProblem(prefix + "quantitationLimit", "must not be below the detection limit "
                    + r.detectionLimit()));
        }
        if (nonDetect) {
            if (r.value() != null) {
                problems.add(new FieldProblem(prefix + "value", "must be absent for a non-detect (detected false): a "
                        + "result below the detection limit is not a value; give the limit as detectionLimit"));
            }
        } else if (r.value() == null) {
            problems.add(new FieldProblem(prefix + "value", "is required (for a result below the detection limit, "
                    + "give detected false and detectionLimit)"));
        } else if (!Double.isFinite(r.value()) || r.value() < 0) {
            problems.add(new FieldProblem(prefix + "value", "must be a finite number >= 0, was " + r.value()));
        }
    }

    private static void positive(List<FieldProblem> problems, String field, Double limit) {
        if (limit != null && (!Double.isFinite(limit) || limit <= 0)) {
            problems.add(new FieldProblem(field, "must be a finite number > 0, was " + limit));
        }
    }

    /** Where: a site that exists, a campaign location that exists, or a point; at least one of them. */
    private static void place(List<FieldProblem> problems, String prefix, ResultRequest r, Known known) {
        if (r.siteId() != null && (r.siteId().length() > TEXT_MAX || !known.site(r.siteId()))) {
            problems.add(new FieldProblem(prefix + "siteId", "no site" + quoted(r.siteId())
                    + " (GET /api/v1/sites lists them)"));
        }
        boolean campaignPlace = false;
        if (r.campaignId() != null) {
            var campaign = r.campaignId().length() > TEXT_MAX ? Optional.<Map<String, Geometry>>empty()
                    : known.campaign(r.campaignId());
            if (campaign.isEmpty()) {
                problems.add(new FieldProblem(prefix + "campaignId", "no campaign" + quoted(r.campaignId())));
            } else if (r.locationId() != null) {
                campaignPlace = campaign.get().containsKey(r.locationId());
                if (!campaignPlace) {
                    problems.add(new FieldProblem(prefix + "locationId", "campaign " + r.campaignId()
                            + " has no sampling location" + quoted(r.locationId()) + "; it has "
                            + String.join(", ", campaign.get().keySet())));
                }
            }
        } else if (r.locationId() != null) {
            problems.add(new FieldProblem(prefix + "locationId", "names a sampling location of a campaign: give campaignId"));
        }
        if (r.location() != null) {
            FieldChecks.geometry(problems, prefix + "location", r.location(), FieldChecks.POINT);
        } else if (r.siteId() == null && !campaignPlace) {
            problems.add(new FieldProblem(prefix + "location", "is required without a siteId or a campaign's "
                    + "locationId (GeoJSON Point [lon, lat])"));
        }
    }

    private static String quoted(String value) {
        return value == null || value.length() > 60 ? "" : " '" + value + "'";
    }
}
