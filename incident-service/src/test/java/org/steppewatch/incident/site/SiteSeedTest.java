package org.steppewatch.incident.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;
import org.steppewatch.incident.ServiceTestBase;

import tools.jackson.databind.JsonNode;

/**
 * The shipped register is there once the service is ready, and seeding again (a restart) stores nothing twice.
 * Expected values are those of the first row of kz_contaminated_sites.csv and of its Dnepr 2006 row.
 */
class SiteSeedTest extends ServiceTestBase {

    @Autowired
    SiteSeed seed;

    @Test
    void theSitesAreSeededWithTheirNamesPointsAndSources() {
        JsonNode nura = json(get("/api/v1/sites/KZ-HG-NURA"));

        assertThat(nura.path("name").path("ru").asString()).startsWith("Река Нура ниже бывшего АО «Карбид»");
        assertThat(nura.path("location").path("coordinates").get(0).asDouble()).isEqualTo(72.95497);
        assertThat(nura.path("location").path("coordinates").get(1).asDouble()).isEqualTo(50.05197);
        assertThat(nura.path("coordinateConfidence").asString()).isEqualTo("medium");
        assertThat(nura.path("region").asString()).isEqualTo("Karaganda Region");
        assertThat(nura.path("pollutants").get(0).asString()).isEqualTo("HG");
        assertThat(nura.path("media").size()).isEqualTo(5);
        assertThat(nura.path("sources").get(0).asString()).isEqualTo("SRC_HEAVEN2000A");
        assertThat(nura.path("history").get(0).path("by").asString()).isEqualTo("seed");
        // the seeded published values of the site, counted per series
        assertThat(nura.path("resultCount").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(nura.path("series").get(0).path("substance").asString()).isEqualTo("HG");
        // the Dnepr 2006 crash site is in no source with coordinates
        JsonNode dnepr = json(get("/api/v1/sites/KZ-UDMH-DNEPR2006"));
        assertThat(dnepr.path("location").isNull()).isTrue();
        assertThat(dnepr.path("coordinateConfidence").asString()).isEqualTo("none");
    }

    @Test
    void seedingAgainStoresNothingTwice() {
        long before = mongo.count(new Query(), SiteStore.COLLECTION);

        seed.seed();

        assertThat(mongo.count(new Query(), SiteStore.COLLECTION)).isEqualTo(before);
        assertThat(json(get("/api/v1/sites/KZ-HG-NURA")).path("history").size()).isOne();
    }
}
