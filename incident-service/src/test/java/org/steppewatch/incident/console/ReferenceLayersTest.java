package org.steppewatch.incident.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.GeoJsonModule;
import org.steppewatch.contracts.ReferenceDataPublished;
import org.steppewatch.contracts.Topics;
import org.steppewatch.eventing.reference.ReferenceChunks;
import org.steppewatch.eventing.reference.ReferenceEdition;
import org.steppewatch.georef.FallZoneCatalog;
import org.steppewatch.georef.SettlementCatalog;
import org.steppewatch.incident.KafkaPeer;
import org.steppewatch.incident.ServiceTestBase;

import tools.jackson.databind.JsonNode;

/**
 * The console map's settlements, drop zones and areas of concern follow the editions of reference.v1 (a real
 * broker) within seconds, are revalidated by browsers on every load, and an older or redelivered edition takes
 * nothing back.
 */
class ReferenceLayersTest extends ServiceTestBase {

    private static final Duration WITHIN = Duration.ofSeconds(10);
    private final KafkaPeer kafka = new KafkaPeer(Topics.REFERENCE);

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aNewEditionReachesTheMapLayersWithinSecondsAndAnOlderOneDoesNotTakeItBack() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String settlement = "gn:98" + Math.abs(run.hashCode() % 1_000_000);
        String area = "AOC-" + run;
        assertThat(ids("/api/v1/map/settlements")).doesNotContain(settlement);
        assertThat(get("/api/v1/map/settlements").headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-cache"));

        List<ReferenceDataPublished.Settlement> with = new ArrayList<>(shippedSettlements());
        with.add(new ReferenceDataPublished.Settlement(settlement, "Kosagash " + run, "Косагаш", null, 64.2, 47.1, 312,
                "GeoNames KZ dump (CC BY 4.0)", "GeoNames", List.of()));
        List<ReferenceDataPublished.Zone> areas = List.of(new ReferenceDataPublished.Zone(area, "Test range " + run,
                "AREA_OF_CONCERN", "a test range", GeoJsonModule.read(
                        "{\"type\":\"Polygon\",\"coordinates\":[[[70,47],[71,47],[71,48],[70,47]]]}"), true, "LOW", "compiled", null));
        long revision = System.currentTimeMillis();
        publish(new ReferenceEdition(revision, "sha256:00000000000000b1", with, shippedZones(), areas, Instant.now()));

        await().atMost(WITHIN).until(() -> ids("/api/v1/map/settlements").contains(settlement));
        assertThat(ids("/api/v1/map/areas-of-concern")).containsExactly(area);
        assertThat(ids("/api/v1/map/fall-zones")).containsExactly("RP-15", "RP-25");
        JsonNode kosagash = feature("/api/v1/map/settlements", settlement);
        assertThat(kosagash.path("properties").path("nameRu").asString()).isEqualTo("Косагаш");
        assertThat(kosagash.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(64.2);

        publish(new ReferenceEdition(revision - 1, "sha256:00000000000000b0", shippedSettlements(), shippedZones(), List.of(),
                Instant.now()));
        publish(new ReferenceEdition(revision, "sha256:00000000000000b1", with, shippedZones(), areas, Instant.now()));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                ids("/api/v1/map/settlements").contains(settlement) && ids("/api/v1/map/areas-of-concern").contains(area));
    }

    private void publish(ReferenceEdition edition) {
        for (ReferenceDataPublished chunk : ReferenceChunks.of(edition, ReferenceChunks.MAX_CHUNK_BYTES)) {
            kafka.publish(chunk.topic(), chunk.key(), chunk.eventType(), EventJson.mapper().writeValueAsString(chunk),
                    UUID.randomUUID().toString());
        }
    }

    private List<String> ids(String path) {
        List<String> ids = new ArrayList<>();
        json(get(path)).path("features").forEach(f -> ids.add(f.path("id").asString()));
        return ids;
    }

    private JsonNode feature(String path, String id) {
        for (JsonNode f : json(get(path)).path("features")) {
            if (f.path("id").asString().equals(id)) {
                return f;
            }
        }
        throw new AssertionError(id + " not in " + path);
    }

    private static List<ReferenceDataPublished.Settlement> shippedSettlements() {
        return SettlementCatalog.shipped().all().stream().map(s -> new ReferenceDataPublished.Settlement(s.id(), s.name(),
                s.nameRu(), s.nameKk(), s.lon(), s.lat(), s.population(), s.source(), s.populationSource(),
                s.alternateNames())).toList();
    }

    private static List<ReferenceDataPublished.Zone> shippedZones() {
        return FallZoneCatalog.shipped().zones().stream().map(z -> new ReferenceDataPublished.Zone(z.id(), z.name(),
                "DROP_ZONE", z.usedBy(), z.geometry(), z.approximate(), z.confidence(), z.source(), null)).toList();
    }
}
