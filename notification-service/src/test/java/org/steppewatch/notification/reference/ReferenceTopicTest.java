package org.steppewatch.notification.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.steppewatch.contracts.ReferenceDataPublished;
import org.steppewatch.eventing.reference.ReferenceEdition;
import org.steppewatch.georef.SettlementCatalog;
import org.steppewatch.notification.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Editions of the reference data on reference.v1 (a real broker) reach the settlements this service accepts and
 * the community page's search within seconds, without a restart; an older or redelivered edition takes nothing back.
 */
class ReferenceTopicTest extends IntegrationTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    @Autowired
    CurrentSettlements current;

    @Test
    void aSettlementOfANewEditionIsAcceptedAndFoundWithinSecondsAndAnOlderEditionDoesNotTakeItBack() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String id = "gn:97" + Math.abs(run.hashCode() % 1_000_000);
        // typed with a K, stored with a Q: the search folds them together, as for the shipped names
        String name = "Qarasu" + run;
        Map<String, Object> subscription = webhookSubscription("Karasu school " + run, Map.of("settlementId", id),
                "http://127.0.0.1:9/alerts", null, "kk", "Severe");
        assertProblem(postJson("/api/v1/subscriptions", JSON.writeValueAsString(subscription)), 400);

        long revision = current.edition().revision() + 10;
        List<ReferenceDataPublished.Settlement> with = new ArrayList<>(shipped());
        with.add(new ReferenceDataPublished.Settlement(id, name, "Карасу" + run, "Қарасу" + run, 66.2, 44.9, 1800,
                "GeoNames KZ dump (CC BY 4.0)", "GeoNames", List.of()));
        publish(new ReferenceEdition(revision, "sha256:00000000000000a1", with, List.of(), List.of(), Instant.now()));

        await().atMost(WITHIN).untilAsserted(() -> assertThat(subscribe(subscription).path("area").path("settlementId")
                .asString()).isEqualTo(id));
        assertThat(search("Karasu" + run)).containsExactly(id);
        assertThat(search("Қарасу" + run)).containsExactly(id);
        assertThat(current.edition().version()).isEqualTo("sha256:00000000000000a1");

        // an older edition without it, then the same edition again (a redelivery)
        publish(new ReferenceEdition(revision - 1, "sha256:00000000000000a0", shipped(), List.of(), List.of(), Instant.now()));
        publish(new ReferenceEdition(revision, "sha256:00000000000000a1", with, List.of(), List.of(), Instant.now()));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                current.edition().revision() == revision && current.catalog().byId(id).isPresent());
        assertThat(search("Karasu" + run)).containsExactly(id);
        assertThat(subscribe(subscription).path("area").path("settlementId").asString()).isEqualTo(id);
    }

    private List<String> search(String query) throws Exception {
        HttpResponse<String> response = get("/api/v1/community/settlements?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode hit : json(response)) {
            ids.add(hit.path("id").asString());
        }
        return ids;
    }

    private static List<ReferenceDataPublished.Settlement> shipped() {
        return SettlementCatalog.shipped().all().stream().map(s -> new ReferenceDataPublished.Settlement(s.id(), s.name(),
                s.nameRu(), s.nameKk(), s.lon(), s.lat(), s.population(), s.source(), s.populationSource(),
                s.alternateNames())).toList();
    }
}
