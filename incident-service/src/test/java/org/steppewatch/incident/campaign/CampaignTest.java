package org.steppewatch.incident.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.steppewatch.incident.ServiceTestBase;

import tools.jackson.databind.JsonNode;

/** Campaigns → sampling locations (linked to a site or not) → results. */
class CampaignTest extends ServiceTestBase {

    private final String name = "Nura survey " + UUID.randomUUID();

    @Test
    void aResultAtACampaignLocationTakesItsPoint() {
        HttpResponse<String> created = post("/api/v1/campaigns", """
                {"name": "%s", "organisation": "EcoMuseum Karaganda", "siteId": "KZ-HG-NURA", "startedOn": "2026-06-01",
                 "locations": [{"id": "N1", "name": "below the outfall", "location": {"type": "Point", "coordinates": [72.96, 50.06]}},
                               {"name": "Intumak", "location": {"type": "Point", "coordinates": [73.3, 50.2]}}]}"""
                .formatted(name));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode campaign = json(created);
        String id = campaign.path("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/campaigns/" + id);
        assertThat(campaign.path("locations").get(0).path("siteId").asString()).isEqualTo("KZ-HG-NURA");
        assertThat(campaign.path("locations").get(1).path("id").asString()).isEqualTo("loc-2");

        HttpResponse<String> result = post("/api/v1/results", """
                {"campaignId": "%s", "locationId": "N1", "substance": "HG", "medium": "sediment", "value": 120,
                 "unit": "mg/kg", "basis": "DRY", "sampledOn": "2026-06-02"}""".formatted(id));

        assertThat(result.statusCode()).as(result.body()).isEqualTo(201);
        JsonNode recorded = json(result);
        assertThat(recorded.path("locationId").asString()).isEqualTo("N1");
        assertThat(recorded.path("location").path("coordinates").get(0).asDouble()).isEqualTo(72.96);
        assertThat(json(get("/api/v1/campaigns/" + id)).path("name").asString()).isEqualTo(name);
        assertThat(json(get("/api/v1/campaigns")).path("total").asLong()).isPositive();
    }

    @Test
    void aResultAtALocationTheCampaignDoesNotHaveIsRefused() {
        HttpResponse<String> created = post("/api/v1/campaigns", """
                {"name": "%s", "startedOn": "2026-06-01",
                 "locations": [{"id": "A", "name": "a", "location": {"type": "Point", "coordinates": [72.96, 50.06]}}]}"""
                .formatted(name));
        String id = json(created).path("id").asString();

        HttpResponse<String> refused = post("/api/v1/results", """
                {"campaignId": "%s", "locationId": "B", "substance": "HG", "medium": "water", "value": 0.001,
                 "unit": "mg/L", "sampledOn": "2026-06-02"}""".formatted(id));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).path("errors").get(0).path("field").asString()).isEqualTo("locationId");
        assertThat(mongo.count(query(where("campaignId").is(id)), "results")).isZero();
    }

    @Test
    void anInvalidCampaignIsRefusedAndNothingIsStored() {
        HttpResponse<String> refused = post("/api/v1/campaigns", """
                {"name": "%s", "siteId": "KZ-NOWHERE", "startedOn": "2999-01-01", "locations": []}""".formatted(name));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("siteId", "startedOn", "locations");
        assertThat(mongo.count(query(where("name").is(name)), CampaignStore.COLLECTION)).isZero();
    }
}
