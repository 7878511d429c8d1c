package org.steppewatch.incident.facility;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.steppewatch.web.FieldProblem;

/**
 * Reads the CSV of annual releases (RFC 4180, a header line naming the columns, UTF-8): one row per facility,
 * year, pollutant and medium. Numbers and flags are parsed here; what they mean is checked by {@link FacilityImport}.
 * Problems name the line of the file (the header is line 1) and the column.
 */
final class FacilityCsv {

    static final List<String> COLUMNS = List.of("facility_id", "facility_name", "operator", "activity", "lat", "lon",
            "example", "source", "year", "pollutant", "medium", "amount_kg", "method");
    /** The columns every file has; the others may be left out when all rows are of registered facilities. */
    static final List<String> REQUIRED = List.of("facility_id", "year", "pollutant", "medium", "amount_kg");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true).setIgnoreEmptyLines(true).setTrim(true).get();

    private FacilityCsv() {
    }

    /** One row, its numbers parsed (null where empty or not a number: the problem is already recorded). */
    record Row(int line, String facilityId, String name, String operator, String activity, Double lat, Double lon,
               Boolean example, String source, Integer year, String pollutant, String medium, Double amountKg,
               String method) {

        String field(String column) {
            return field(line, column);
        }

        static String field(int line, String column) {
            return "line " + line + ": " + column;
        }
    }

    record Parsed(List<Row> rows, List<FieldProblem> problems) {
    }

    static Parsed parse(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv; // a spreadsheet's byte order mark
        List<FieldProblem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(new FieldProblem(Row.field(1, "header"), "lacks the column" + (missing.size() == 1 ? " " : "s ")
                        + String.join(", ", missing) + "; the columns are " + String.join(", ", COLUMNS)));
                return new Parsed(rows, problems);
            }
            LineNumbers lines = new LineNumbers(text);
            for (CSVRecord record : parser) {
                rows.add(row(record, lines.of(record.getCharacterPosition()), problems));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // commons-csv's words for a malformed file (an unclosed quote, a duplicate header); reading a String
            // fails in no other way (an unclosed quote in the header line is a CSVException, an IOException)
            problems.add(new FieldProblem("file", "is not valid CSV: " + e.getMessage()));
            return new Parsed(List.of(), problems);
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem("file", "has no rows after the header line"));
        }
        return new Parsed(rows, problems);
    }

    private static Row row(CSVRecord r, int line, List<FieldProblem> problems) {
        Double lat = number(r, "lat", line, problems);
        Double lon = number(r, "lon", line, problems);
        Double amount = number(r, "amount_kg", line, problems);
        Integer year = null;
        String yearText = text(r, "year");
        if (yearText != null) {
            try {
                year = Integer.valueOf(yearText);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(Row.field(line, "year"), "must be a year such as 2023"
                        + (yearText.length() > 20 ? "" : ", was '" + yearText + "'")));
            }
        }
        Boolean example = null;
        String exampleText = text(r, "example");
        if (exampleText != null) {
            String flag = exampleText.toLowerCase(Locale.ROOT);
            if (flag.equals("true") || flag.equals("false")) {
                example = flag.equals("true");
            } else {
                problems.add(new FieldProblem(Row.field(line, "example"), "must be true or false (empty = false)"));
            }
        }
        return new Row(line, text(r, "facility_id"), text(r, "facility_name"), text(r, "operator"),
                text(r, "activity"), lat, lon, example, text(r, "source"), year, text(r, "pollutant"), text(r, "medium"),
                amount, text(r, "method"));
    }

    private static Double number(CSVRecord r, String column, int line, List<FieldProblem> problems) {
        String value = text(r, column);
        if (value == null) {
            return null;
        }
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(Row.field(line, column), "must be a number (decimal point, no thousands "
                    + "separator)" + (value.length() > 20 ? "" : ", was '" + value + "'")));
            return null;
        }
    }

    /** The cell, or null when the column is absent, the row short, or the cell empty. */
    private static String text(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String value = r.get(column);
        return value == null || value.isBlank() ? null : value;
    }

    /** Line numbers from character positions, so a quoted cell spanning lines does not shift later rows. */
    private static final class LineNumbers {

        private final List<Long> starts = new ArrayList<>();
        private final String text;

        LineNumbers(String text) {
            this.text = text;
            starts.add(0L);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1L);
                }
            }
        }

        int of(long recordPosition) {
            // a record read after ignored empty lines starts where they start
            long position = recordPosition;
            while (position < text.length() && (text.charAt((int) position) == '\n' || text.charAt((int) position) == '\r')) {
                position++;
            }
            int low = 0;
            int high = starts.size() - 1;
            while (low < high) {
                int mid = (low + high + 1) >>> 1;
                if (starts.get(mid) <= position) {
                    low = mid;
                } else {
                    high = mid - 1;
                }
            }
            return low + 1;
        }
    }
}
