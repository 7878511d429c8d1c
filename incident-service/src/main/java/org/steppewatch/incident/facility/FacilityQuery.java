package org.steppewatch.incident.facility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.steppewatch.contracts.SubstanceCodes;
import org.steppewatch.web.FieldProblem;
import org.steppewatch.web.Problems;

/**
 * The filters of {@code GET /api/v1/facilities}. A pollutant or a year keeps the facilities with a matching release
 * and shows only the matching releases; {@code aboveThreshold=true} keeps only releases judged above their E-PRTR
 * threshold (a release not judged yet is not above).
 */
record FacilityQuery(String pollutant, Integer year, boolean aboveThreshold, int page, int size) {

    static final int MAX_SIZE = 500;

    boolean filtersReleases() {
        return pollutant != null || year != null || aboveThreshold;
    }

    static FacilityQuery parse(String aboveThreshold, String pollutant, String year, int page, int size) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean above = false;
        if (aboveThreshold != null && !aboveThreshold.isBlank()) {
            String value = aboveThreshold.strip().toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                problems.add(new FieldProblem("aboveThreshold", "must be true or false"));
            }
            above = value.equals("true");
        }
        String code = null;
        if (pollutant != null && !pollutant.isBlank()) {
            code = pollutant.strip().toUpperCase(Locale.ROOT);
            if (!SubstanceCodes.isKnown(code)) {
                problems.add(new FieldProblem("pollutant", "unknown pollutant; known codes: "
                        + String.join(", ", SubstanceCodes.all().keySet())));
            }
        }
        Integer parsedYear = null;
        if (year != null && !year.isBlank()) {
            try {
                parsedYear = Integer.valueOf(year.strip());
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("year", "must be a year such as 2023"));
            }
        }
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
        return new FacilityQuery(code, parsedYear, above, page, size);
    }
}
