package org.steppewatch.incident.site;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The contamination seed files shipped in this jar ({@code contamination/}, RFC 4180 with a header row). */
public final class SeedFiles {

    public static final String SITES = "kz_contaminated_sites.csv";
    public static final String RESULTS = "kz_sample_results.csv";
    private static final String FOLDER = "/org/steppewatch/incident/contamination/";

    private SeedFiles() {
    }

    public static List<CSVRecord> read(String name) {
        var in = SeedFiles.class.getResourceAsStream(FOLDER + name);
        if (in == null) {
            throw new IllegalStateException(FOLDER + name + " is not in the jar");
        }
        try (var reader = new InputStreamReader(in, UTF_8);
             var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell, or null when it is blank. */
    public static String cell(CSVRecord row, String column) {
        String value = row.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A cell of {@code ;}-separated values, or an empty list. */
    public static List<String> list(CSVRecord row, String column) {
        String value = cell(row, column);
        return value == null ? List.of() : List.of(value.split(";")).stream().map(String::strip)
                .filter(v -> !v.isEmpty()).toList();
    }
}
