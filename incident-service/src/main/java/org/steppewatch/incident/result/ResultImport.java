package org.steppewatch.incident.result;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Geometry;
import org.steppewatch.contracts.Geo;
import org.steppewatch.web.FieldProblem;
import org.steppewatch.web.Problems;

/**
 * Reads a results CSV (RFC 4180, UTF-8, a header row naming the columns in any order; docs/contamination.md): one
 * {@link ResultRequest} per row with the problems of cells that are not even a number, a date or a boolean. Line
 * numbers count the header as line 1.
 */
final class ResultImport {

    static final List<String> COLUMNS = List.of("siteId", "campaignId", "locationId", "lon", "lat", "substance",
            "medium", "value", "detected", "detectionLimit", "quantitationLimit", "unit", "basis", "method",
            "laboratory", "sampledOn", "notes");
    static final List<String> REQUIRED = List.of("substance", "medium", "unit", "sampledOn");
    private static final Set<String> TRUE = Set.of("true", "yes", "1");
    private static final Set<String> FALSE = Set.of("false", "no", "0");

    /** A row as read, with the problems of its cells. */
    record Row(int line, ResultRequest request, List<FieldProblem> problems) {
    }

    private ResultImport() {
    }

    static String prefix(int line) {
        return "line " + line + ".";
    }

    static List<Row> parse(String csv) {
        String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv; // a BOM from a spreadsheet
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(text))) {
            header(parser.getHeaderNames());
            List<Row> rows = new ArrayList<>();
            long end = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                int line = (int) end + 1;
                end = parser.getCurrentLineNumber();
                rows.add(row(record, line));
            }
            if (rows.isEmpty()) {
                throw Problems.invalid("The CSV has a header but no rows; nothing was stored.",
                        List.of(new FieldProblem("line 2", "no rows")));
            }
            return rows;
        } catch (IOException | IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            throw Problems.invalid("The body is not a readable CSV (" + e.getMessage() + "); nothing was stored.",
                    List.of(new FieldProblem("csv", String.valueOf(e.getMessage()))));
        }
    }

    private static void header(List<String> names) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String name : names) {
            if (!COLUMNS.contains(name)) {
                problems.add(new FieldProblem("line 1." + name, "unknown column; the columns are " + String.join(",", COLUMNS)));
            }
        }
        for (String required : REQUIRED) {
            if (!names.contains(required)) {
                problems.add(new FieldProblem("line 1." + required, "the header must name this column"));
            }
        }
        if (!problems.isEmpty()) {
            throw Problems.invalid("The CSV header is not the documented one (docs/contamination.md); nothing was "
                    + "stored.", problems);
        }
    }

    private static Row row(CSVRecord record, int line) {
        String prefix = prefix(line);
        List<FieldProblem> problems = new ArrayList<>();
        Cells cells = new Cells(record, prefix, problems);
        Double lon = cells.number("lon");
        Double lat = cells.number("lat");
        Geometry location = null;
        if (lon != null && lat != null) {
            location = Geo.point(lon, lat);
        } else if (lon != null || lat != null) {
            problems.add(new FieldProblem(prefix + (lon == null ? "lon" : "lat"), "is required with "
                    + (lon == null ? "lat" : "lon")));
        }
        ResultRequest request = new ResultRequest(cells.text("siteId"), cells.text("campaignId"),
                cells.text("locationId"), location, cells.text("substance"), cells.text("medium"), cells.number("value"),
                cells.bool("detected"), cells.number("detectionLimit"), cells.number("quantitationLimit"),
                cells.text("unit"), cells.text("basis"), cells.text("method"), cells.text("laboratory"),
                cells.date("sampledOn"), cells.text("notes"));
        return new Row(line, request, problems);
    }

    /** The cells of one record; a cell that does not parse adds its problem and reads as absent. */
    private record Cells(CSVRecord record, String prefix, List<FieldProblem> problems) {

        String text(String column) {
            if (!record.isMapped(column) || !record.isSet(column)) {
                return null;
            }
            String value = record.get(column);
            return value.isBlank() ? null : value.strip();
        }

        Double number(String column) {
            String value = text(column);
            try {
                return value == null ? null : Double.valueOf(value);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(prefix + column, "is not a number" + shown(value)
                        + " (a decimal point, no thousands separators)"));
                return null;
            }
        }

        Boolean bool(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            String lower = value.toLowerCase(Locale.ROOT);
            if (TRUE.contains(lower) || FALSE.contains(lower)) {
                return TRUE.contains(lower);
            }
            problems.add(new FieldProblem(prefix + column, "must be true or false" + shown(value)));
            return null;
        }

        LocalDate date(String column) {
            String value = text(column);
            try {
                return value == null ? null : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(prefix + column, "is not a date YYYY-MM-DD" + shown(value)));
                return null;
            }
        }

        private static String shown(String value) {
            return value.length() > 40 ? "" : ": '" + value + "'";
        }
    }
}
