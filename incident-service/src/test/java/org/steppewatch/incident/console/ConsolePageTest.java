package org.steppewatch.incident.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.steppewatch.incident.ServiceTestBase;
import org.steppewatch.testsupport.TestIssuer;

import tools.jackson.databind.JsonNode;

/** The analyst console's page, its map library and its offline layers, as a browser fetches them. */
class ConsolePageTest extends ServiceTestBase {

    @Test
    void theConsoleIsServedAtTheRootFromItsOwnLocation() {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("Steppe Watch").contains("analyst console");
        assertThat(get("/console.js").statusCode()).isEqualTo(200);
    }

    @Test
    void theConsoleForbidsInlineScriptsAndMayCallTheNotificationServiceAndTheSignInProvider() {
        HttpResponse<String> page = get("/");

        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy.split("; ")).contains("script-src 'self'", "object-src 'none'", "base-uri 'none'",
                "frame-ancestors 'none'", "connect-src 'self' http://localhost:8083 http://localhost:8084");
        assertThat(policy).doesNotContain("'unsafe-inline'");
        // nothing in the page needs what the policy forbids: no inline script, handler or style attribute
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContainPattern("\\son[a-z]+=")
                .doesNotContain("style=");
        assertThat(get("/api/v1/incidents").headers().firstValue("Content-Security-Policy")).isEmpty();
    }

    @Test
    void leafletComesFromItsWebJarUnderAVersionlessPath() {
        HttpResponse<String> script = get("/webjars/leaflet/dist/leaflet.js");
        HttpResponse<String> css = get("/webjars/leaflet/dist/leaflet.css");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("Leaflet");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains(".leaflet-container");
    }

    @Test
    void theRegionsAreSimplifiedGeoJsonThatBrowsersCacheAndRevalidate() {
        HttpResponse<String> regions = get("/api/v1/map/regions");

        assertThat(regions.statusCode()).isEqualTo(200);
        assertThat(regions.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/geo+json"));
        assertThat(regions.headers().firstValue("Cache-Control")).hasValueSatisfying(
                c -> assertThat(c).contains("max-age=86400"));
        JsonNode collection = json(regions);
        assertThat(collection.path("features")).hasSize(20);
        assertThat(regions.body().length()).isLessThan(300_000);
        assertThat(regions.body()).contains("Ұлытау облысы");

        String etag = regions.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/map/regions"))
                .header("If-None-Match", etag).build());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void settlementsDropZonesAndSitesAreLayersOfTheirOwn() {
        JsonNode settlements = json(get("/api/v1/map/settlements"));
        JsonNode baikonur = null;
        for (JsonNode feature : settlements.path("features")) {
            if (feature.path("id").asString().equals("gn:1521368")) {
                baikonur = feature;
            }
        }
        assertThat(baikonur).isNotNull();
        assertThat(baikonur.path("properties").path("nameKk").asString()).isEqualTo("Байқоңыр");
        assertThat(baikonur.path("properties").path("population").asLong()).isEqualTo(70_000);

        JsonNode zones = json(get("/api/v1/map/fall-zones"));
        assertThat(zones.path("features")).extracting(f -> f.path("id").asString()).containsExactly("RP-15", "RP-25");
        assertThat(zones.path("features").get(0).path("properties").path("approximate").asBoolean()).isTrue();

        JsonNode sites = json(get("/api/v1/map/sites"));
        assertThat(sites.path("features")).anySatisfy(site -> {
            assertThat(site.path("id").asString()).isEqualTo("dp:pad_81_24");
            assertThat(site.path("properties").path("kind").asString()).isEqualTo("launch_pad");
            assertThat(site.path("properties").path("confidence").asString()).isEqualTo("UNVERIFIED");
        });
        assertThat(sites.path("features")).noneSatisfy(
                site -> assertThat(site.path("properties").path("kind").asString()).isEqualTo("settlement"));
    }

    @Test
    void theSettingsOfferTheVocabulariesAndKeepTheMapOfflineByDefault() {
        JsonNode settings = json(get("/api/v1/console/settings"));

        assertThat(settings.path("tileUrl").isNull()).isTrue();
        assertThat(settings.path("categories")).extracting(JsonNode::asString).contains("LAUNCH_FAILURE", "RADIATION");
        assertThat(settings.path("statuses")).extracting(JsonNode::asString)
                .containsExactly("REPORTED", "ASSESSED", "REVISED", "RETRACTED");
        assertThat(settings.path("substances")).anySatisfy(s -> assertThat(s.path("code").asString()).isEqualTo("UDMH"));
        assertThat(settings.path("media")).extracting(JsonNode::asString).contains("SOIL", "WATER");
        assertThat(settings.path("stabilityClasses")).hasSize(6);
    }

    @Test
    void theSettingsNameTheProviderWhoseTokensThisServiceAcceptsAndTheConsolesClient() {
        JsonNode settings = json(get("/api/v1/console/settings"));

        assertThat(settings.path("issuer").asString()).isEqualTo(TestIssuer.get().issuer());
        assertThat(settings.path("clientId").asString()).isEqualTo("steppewatch-console");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
