package org.steppewatch.incident.site;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.Geo;

/**
 * Seeds the register from {@code kz_contaminated_sites.csv} when the service is ready: each site is stored unless
 * one with its id exists, so a restart (or a second instance) stores nothing twice and never overwrites a site.
 * Before the results seed, which places its results at their site's point.
 */
@Component
public class SiteSeed {

    /** Who entered what was seeded. */
    public static final String BY = "seed";
    /** The results seed runs after this one. */
    public static final int ORDER = 0;
    private static final Logger log = LoggerFactory.getLogger(SiteSeed.class);

    private final SiteStore store;
    private final Clock clock;

    SiteSeed(SiteStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(ORDER)
    void seed() {
        try {
            seedAll();
        } catch (RuntimeException e) {
            // the service serves without its seed (MongoDB out of reach at start); the next start seeds what is missing
            log.error("sites seed failed; it runs again at the next start: {}", e.toString());
        }
    }

    private void seedAll() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int stored = 0;
        List<CSVRecord> rows = SeedFiles.read(SeedFiles.SITES);
        for (CSVRecord row : rows) {
            if (store.insertIfAbsent(site(row, now))) {
                stored++;
            }
        }
        log.info("sites seed: {} of {} sites of {} stored now (the others were there)", stored, rows.size(), SeedFiles.SITES);
    }

    static Site site(CSVRecord row, Instant now) {
        String lat = SeedFiles.cell(row, "lat");
        String lon = SeedFiles.cell(row, "lon");
        return new Site(SeedFiles.cell(row, "id"),
                new Site.Names(SeedFiles.cell(row, "name_en"), SeedFiles.cell(row, "name_ru"), null),
                lat == null || lon == null ? null : Geo.point(Double.parseDouble(lon), Double.parseDouble(lat)), null,
                SeedFiles.cell(row, "coordinate_confidence"), SeedFiles.cell(row, "region"),
                SeedFiles.list(row, "main_pollutants"), SeedFiles.list(row, "media"), null,
                SeedFiles.cell(row, "description"), SeedFiles.cell(row, "notes"), SeedFiles.list(row, "source_ids"),
                List.of(new Site.Change(now, BY, "seeded from " + SeedFiles.SITES
                        + ", a compilation of published sources (see DATA-SOURCES.md)")), now);
    }
}
