package org.steppewatch.incident.facility;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.Geo;
import org.steppewatch.georef.Settlement;
import org.steppewatch.georef.SettlementCatalog;
import org.steppewatch.security.Actor;
import org.steppewatch.web.FieldProblem;

/**
 * Seeds the register with EXAMPLE facilities ({@value #FILE}) so the public facility map is not empty: the project
 * has no real Kazakh facility release data. Every figure is made up; the facilities are named for what they are
 * ("Example: copper smelter, Balkhash"), never for a real operator, flagged {@code example=true} and placed at the
 * GeoNames coordinates of a real industrial town. Each is registered like any other (version 1, FacilityReported, so
 * analysis-service judges it) unless a facility with its id exists: a restart adds nothing and changes nothing.
 * {@code steppewatch.facilities.seed-examples=false} leaves them out.
 */
@Component
class ExampleFacilities {

    static final String FILE = "example-facilities.csv";
    static final String OPERATOR = "Example operator (illustrative)";
    static final String SOURCE = "Illustrative figures made up for the demonstration; not a real report";
    /** Recorded as the author of the seeded versions. */
    static final Actor SEED = new Actor("steppewatch-example-seed", "example seed", Set.of());
    private static final Logger log = LoggerFactory.getLogger(ExampleFacilities.class);

    private final FacilityService facilities;
    private final FacilityStore store;
    private final boolean enabled;

    ExampleFacilities(FacilityService facilities, FacilityStore store,
                      @Value("${steppewatch.facilities.seed-examples:true}") boolean enabled) {
        this.facilities = facilities;
        this.store = store;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!enabled) {
            return;
        }
        try {
            int added = 0;
            for (FacilityRequest example : examples()) {
                if (!store.exists(example.id())
                        && facilities.insert(FacilityValidator.toFacility(example, example.id(), facilities.now()), SEED)) {
                    added++;
                }
            }
            log.info("example facilities: {} added", added);
        } catch (RuntimeException e) {
            // the register still works without them; the next start tries again
            log.warn("could not seed the example facilities: {}", e.getMessage());
        }
    }

    /** The shipped examples as registration requests, each checked like one that came through the API. */
    List<FacilityRequest> examples() {
        SettlementCatalog towns = SettlementCatalog.shipped();
        Map<String, List<CSVRecord>> byId = new LinkedHashMap<>();
        for (CSVRecord r : read()) {
            byId.computeIfAbsent(r.get("facility_id"), id -> new ArrayList<>()).add(r);
        }
        List<FacilityRequest> examples = new ArrayList<>();
        byId.forEach((id, rows) -> {
            CSVRecord first = rows.get(0);
            Settlement town = towns.byId("gn:" + first.get("geonames_id")).orElseThrow(() ->
                    new IllegalStateException(FILE + ": no GeoNames place " + first.get("geonames_id")));
            List<FacilityRequest.Release> releases = rows.stream().map(r -> new FacilityRequest.Release(
                    Integer.valueOf(r.get("year")), r.get("pollutant"), r.get("medium"),
                    Double.valueOf(r.get("amount_kg")), r.get("method"))).toList();
            FacilityRequest example = new FacilityRequest(id, first.get("facility_name"), OPERATOR,
                    first.get("activity"), Geo.point(town.lon(), town.lat()), true, SOURCE, releases);
            List<FieldProblem> problems = FacilityValidator.problems(example, facilities.currentYear());
            if (!problems.isEmpty()) {
                throw new IllegalStateException(FILE + ": example " + id + " is invalid: " + problems);
            }
            examples.add(example);
        });
        return examples;
    }

    private static List<CSVRecord> read() {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                .setIgnoreEmptyLines(true).get();
        try (Reader in = new InputStreamReader(ExampleFacilities.class.getResourceAsStream(FILE), UTF_8)) {
            return format.parse(in).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
