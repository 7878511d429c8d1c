package org.steppewatch.incident.result;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.ResultRecorded;
import org.steppewatch.eventing.OutboxMessage;
import org.steppewatch.incident.site.SeedFiles;
import org.steppewatch.incident.site.SiteDirectory;
import org.steppewatch.incident.site.SiteSeed;

/**
 * Seeds the published values of {@code kz_sample_results.csv} as results entered by {@code seed}, each announced as
 * a ResultRecorded through the outbox. The n-th data row is {@code seed-<n>} (the file is only ever appended to);
 * a result with that id already stored is left alone, so a restart stores and publishes nothing twice. Values are
 * kept as published (units, statistics, qualifiers): they are not checked like new entries, and analysis-service
 * says which cannot be compared with a limit.
 */
@Component
class ResultSeed {

    private static final Logger log = LoggerFactory.getLogger(ResultSeed.class);
    private static final Pattern YEARS = Pattern.compile("(\\d{4})(?:\\s*[-–]\\s*(\\d{4}))?");
    private static final Pattern COUNT = Pattern.compile("(~)?(\\d+)");

    private final ResultStore store;
    private final SiteDirectory sites;
    private final Clock clock;

    ResultSeed(ResultStore store, SiteDirectory sites, Clock clock) {
        this.store = store;
        this.sites = sites;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(SiteSeed.ORDER + 1)
    void seed() {
        try {
            seedAll();
        } catch (RuntimeException e) {
            // the service serves without its seed (MongoDB out of reach at start); the next start seeds what is missing
            log.error("results seed failed; it runs again at the next start: {}", e.toString());
        }
    }

    private void seedAll() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<CSVRecord> rows = SeedFiles.read(SeedFiles.RESULTS);
        Map<String, Geometry> points = sites.locations(rows.stream().map(r -> SeedFiles.cell(r, "site_id")).distinct().toList());
        int stored = 0;
        for (int i = 0; i < rows.size(); i++) {
            ResultRecorded result = result(i + 1, rows.get(i), points, now);
            if (store.insertIfAbsent(result, OutboxMessage.of(result, now))) {
                stored++;
            }
        }
        if (stored > 0) {
        }
        log.info("results seed: {} of {} published values of {} stored now (the others were there)", stored,
                rows.size(), SeedFiles.RESULTS);
    }

    /** The n-th row (from 1) as a result: as published, the year or years of sampling as days, the site's point. */
    static ResultRecorded result(int n, CSVRecord row, Map<String, Geometry> points, Instant now) {
        String siteId = SeedFiles.cell(row, "site_id");
        String qualifier = SeedFiles.cell(row, "qualifier");
        Double value = number(SeedFiles.cell(row, "value"));
        Double valueMax = number(SeedFiles.cell(row, "value_max"));
        Double detectionLimit = number(SeedFiles.cell(row, "detection_limit"));
        // "<" marks a value below the detection limit; with an upper end it is only the low end of a range
        boolean nonDetect = "<".equals(qualifier) && valueMax == null;
        if (nonDetect) {
            detectionLimit = detectionLimit != null ? detectionLimit : value;
            value = null;
        }
        List<String> notes = new ArrayList<>();
        String basis = basis(SeedFiles.cell(row, "basis"), notes);
        Integer count = count(SeedFiles.cell(row, "n_samples"), notes);
        if (SeedFiles.cell(row, "notes") != null) {
            notes.add(SeedFiles.cell(row, "notes"));
        }
        LocalDate[] years = years(SeedFiles.cell(row, "sampling_year"));
        String statistic = SeedFiles.cell(row, "statistic");
        return new ResultRecorded("seed-" + n, siteId, null, null, points.get(siteId),
                SeedFiles.cell(row, "substance"), SeedFiles.cell(row, "medium"), value, valueMax, qualifier,
                !nonDetect, detectionLimit, null, SeedFiles.cell(row, "unit"), basis,
                statistic == null ? "REPORTED" : statistic.toUpperCase(Locale.ROOT), count, years[0], years[1], null,
                SeedFiles.cell(row, "lab_or_study"), SeedFiles.cell(row, "source_id"),
                SeedFiles.cell(row, "source_status"), notes.isEmpty() ? null : String.join(" ", notes), SiteSeed.BY, now);
    }

    /** "2005" is 2005-01-01 to 2005-12-31, "2010-2018" 2010-01-01 to 2018-12-31; unknown: nulls. */
    static LocalDate[] years(String cell) {
        Matcher m = cell == null ? null : YEARS.matcher(cell);
        if (m == null || !m.matches()) {
            return new LocalDate[] {null, null};
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        return new LocalDate[] {LocalDate.of(from, 1, 1), LocalDate.of(to, 12, 31)};
    }

    /** WET, DRY or FAT where the source says so; otherwise null, with the source's words kept in the notes. */
    private static String basis(String cell, List<String> notes) {
        if (cell == null) {
            return null;
        }
        String lower = cell.toLowerCase(Locale.ROOT);
        if (lower.equals("fat basis")) {
            return "FAT";
        }
        notes.add("Basis as published: " + cell + ".");
        return null;
    }

    /** "~300" is 300, said to be approximate in the notes. */
    private static Integer count(String cell, List<String> notes) {
        Matcher m = cell == null ? null : COUNT.matcher(cell);
        if (m == null || !m.matches()) {
            return null;
        }
        if (m.group(1) != null) {
            notes.add("About " + m.group(2) + " samples.");
        }
        return Integer.valueOf(m.group(2));
    }

    private static Double number(String cell) {
        return cell == null ? null : Double.valueOf(cell);
    }
}
