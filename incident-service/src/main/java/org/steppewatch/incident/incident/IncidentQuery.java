package org.steppewatch.incident.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.web.FieldProblem;
import org.steppewatch.web.Problems;

/**
 * The filters of {@code GET /api/v1/incidents}, checked together. {@code since} is inclusive,
 * {@code until} exclusive; a date as {@code until} means the whole of that day is included.
 */
record IncidentQuery(IncidentCategory category, IncidentStatus status, Instant since, Instant until, BoundingBox bbox,
                     int page, int size) {

    static final int MAX_SIZE = 200;

    record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {
    }

    /** @throws org.springframework.web.ErrorResponseException a 400 problem listing every bad parameter */
    static IncidentQuery parse(String category, String status, String since, String until, String bbox, int page,
                               int size) {
        List<FieldProblem> problems = new ArrayList<>();
        IncidentCategory parsedCategory = null;
        if (category != null && !category.isBlank()) {
            parsedCategory = IncidentValidator.category(category);
            if (parsedCategory == null) {
                problems.add(new FieldProblem("category", "unknown category '" + category + "'; one of "
                        + String.join(", ", Arrays.stream(IncidentCategory.values()).map(Enum::name).toList())));
            }
        }
        IncidentStatus parsedStatus = null;
        if (status != null && !status.isBlank()) {
            parsedStatus = Arrays.stream(IncidentStatus.values())
                    .filter(s -> s.name().equals(status.strip().toUpperCase(Locale.ROOT))).findFirst().orElse(null);
            if (parsedStatus == null) {
                problems.add(new FieldProblem("status", "unknown status '" + status + "'; one of "
                        + String.join(", ", Arrays.stream(IncidentStatus.values()).map(Enum::name).toList())));
            }
        }
        Instant parsedSince = null;
        if (since != null && !since.isBlank()) {
            parsedSince = instant(since.strip());
            if (parsedSince == null) {
                problems.add(new FieldProblem("since",
                        "'" + since + "' is not an ISO-8601 instant or date (e.g. 2013-07-02T00:00:00Z or 2013-07-02)"));
            }
        }
        Instant parsedUntil = null;
        if (until != null && !until.isBlank()) {
            parsedUntil = instant(until.strip());
            if (parsedUntil == null) {
                problems.add(new FieldProblem("until",
                        "'" + until + "' is not an ISO-8601 instant or date (e.g. 2013-07-03T00:00:00Z or 2013-07-02)"));
            } else if (isDate(until.strip())) {
                // "until 2013-07-02" reads as "up to and including that day"
                parsedUntil = parsedUntil.plus(1, java.time.temporal.ChronoUnit.DAYS);
            }
        }
        if (parsedSince != null && parsedUntil != null && !parsedSince.isBefore(parsedUntil)) {
            problems.add(new FieldProblem("until", "must be after since"));
        }
        BoundingBox parsedBbox = null;
        if (bbox != null && !bbox.isBlank()) {
            parsedBbox = bbox(bbox, problems);
        }
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be >= 0, was " + page));
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + MAX_SIZE + ", was " + size));
        }
        if (!problems.isEmpty()) {
            throw Problems.invalid("Invalid query parameters.", problems);
        }
        return new IncidentQuery(parsedCategory, parsedStatus, parsedSince, parsedUntil, parsedBbox, page, size);
    }

    /** Years 0000 to 9999 only: MongoDB dates (milliseconds in a long) cannot hold year -999999999. */
    private static Instant instant(String value) {
        Instant parsed;
        try {
            parsed = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                parsed = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
        return parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST) ? null : parsed;
    }

    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static BoundingBox bbox(String value, List<FieldProblem> problems) {
        String[] parts = value.split(",", -1);
        if (parts.length != 4) {
            problems.add(new FieldProblem("bbox", "must be minLon,minLat,maxLon,maxLat, was '" + value + "'"));
            return null;
        }
        double[] numbers = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                numbers[i] = Double.NaN;
            }
            if (!Double.isFinite(numbers[i])) {
                problems.add(new FieldProblem("bbox", "'" + parts[i] + "' is not a number; expected minLon,minLat,maxLon,maxLat"));
                return null;
            }
        }
        BoundingBox box = new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
        int before = problems.size();
        if (box.minLon() < -180 || box.maxLon() > 180) {
            problems.add(new FieldProblem("bbox", "longitudes must be within -180..180"));
        }
        if (box.minLat() < -90 || box.maxLat() > 90) {
            problems.add(new FieldProblem("bbox", "latitudes must be within -90..90"));
        }
        if (box.minLon() > box.maxLon()) {
            problems.add(new FieldProblem("bbox", "minLon " + box.minLon() + " is greater than maxLon " + box.maxLon()));
        }
        if (box.minLat() > box.maxLat()) {
            problems.add(new FieldProblem("bbox", "minLat " + box.minLat() + " is greater than maxLat " + box.maxLat()));
        }
        return problems.size() == before ? box : null;
    }
}
