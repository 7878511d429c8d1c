package org.steppewatch.incident.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.steppewatch.incident.ServiceTestBase;
import org.steppewatch.testsupport.TestIssuer;

import tools.jackson.databind.JsonNode;

/** Registering a site: 201 with its Location, or a problem naming every bad field with nothing stored. */
class SiteRegisterTest extends ServiceTestBase {

    private final String id = "KZ-REG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    private long stored() {
        return mongo.count(query(where("_id").is(id)), SiteStore.COLLECTION);
    }

    @Test
    void aSiteIsRegisteredWithWhoRegisteredIt() {
        HttpResponse<String> created = post("/api/v1/sites", """
                {"id": "%s", "name": {"en": "Balkhash smelter slag", "ru": "Шлаки Балхашского завода"},
                 "location": {"type": "Point", "coordinates": [74.98, 46.85]}, "coordinateConfidence": "Medium",
                 "region": "Karaganda Region", "pollutants": ["cu", "PB"], "media": ["SOIL"], "sources": ["own survey"]}"""
                .formatted(id));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/sites/" + id);
        JsonNode site = json(get("/api/v1/sites/" + id));
        assertThat(site.path("name").path("ru").asString()).isEqualTo("Шлаки Балхашского завода");
        assertThat(site.path("coordinateConfidence").asString()).isEqualTo("medium");
        assertThat(site.path("pollutants").get(0).asString()).isEqualTo("CU");
        assertThat(site.path("media").get(0).asString()).isEqualTo("soil");
        assertThat(site.path("history").get(0).path("by").asString()).isEqualTo("analyst-test");
        assertThat(site.path("resultCount").asLong()).isZero();
    }

    @Test
    void anInvalidSiteIsRefusedNamingEveryFieldAndNothingIsStored() {
        HttpResponse<String> refused = post("/api/v1/sites", """
                {"id": "%s", "name": {"ru": "без английского"}, "location": {"type": "Point", "coordinates": [50.05, 72.95]},
                 "coordinateConfidence": "exact", "pollutants": ["KRYPTONITE"], "media": []}""".formatted(id));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        json(refused).path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("name.en", "location.coordinates", "coordinateConfidence",
                "pollutants[0]", "media");
        assertThat(stored()).isZero();
    }

    @Test
    void aTakenIdIsAConflict() {
        HttpResponse<String> taken = post("/api/v1/sites", """
                {"id": "KZ-HG-NURA", "name": {"en": "Nura again"}, "location": {"type": "Point", "coordinates": [72.9, 50.0]},
                 "coordinateConfidence": "low", "pollutants": ["HG"], "media": ["water"]}""");

        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(409);
        assertThat(json(get("/api/v1/sites/KZ-HG-NURA")).path("name").path("en").asString()).startsWith("Nura River");
    }

    @Test
    void anAnonymousSiteIsRefusedWith401() {
        HttpResponse<String> refused = send(request("/api/v1/sites").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")), null);
        HttpResponse<String> wrongRole = send(request("/api/v1/sites").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")), TestIssuer.get().bearer("root", "admin"));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(wrongRole.statusCode()).isEqualTo(403);
    }
}
