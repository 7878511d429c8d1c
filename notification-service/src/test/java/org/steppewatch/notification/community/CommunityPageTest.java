package org.steppewatch.notification.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.notification.NotificationServiceApplication;
import org.steppewatch.testsupport.TestInfrastructure;

import tools.jackson.databind.JsonNode;

/** The community page at / and the read endpoints it uses, as a browser fetches them. */
@SpringBootTest(classes = NotificationServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + NotificationServiceApplication.CONFIG_NAME)
class CommunityPageTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.get().kafkaBootstrapServers());
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.get().mongoUri("community"));
        registry.add("spring.mongodb.database", () -> "community-page-" + RUN);
        registry.add("spring.kafka.consumer.group-id", () -> "community-page-" + RUN);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePageIsServedAtTheRootWithItsScriptsAndTheMapLibrary() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("Steppe Watch").contains("lang=\"kk\"").contains("Қазақша").contains("Русский");
        assertThat(get("/community.js").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/leaflet/dist/leaflet.js").body()).contains("Leaflet");
        assertThat(json(get("/i18n/kk.json")).path("subscribe_button").asString()).isEqualTo("Жазылу");
    }

    @Test
    void thePageForbidsInlineScriptsAndMayCallTheSignInProvider() throws Exception {
        HttpResponse<String> page = get("/");

        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy.split("; ")).contains("script-src 'self'", "style-src 'self'", "object-src 'none'",
                "base-uri 'none'", "frame-ancestors 'none'", "connect-src 'self' http://localhost:8084");
        assertThat(policy).doesNotContain("'unsafe-inline'");
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContainPattern("\\son[a-z]+=")
                .doesNotContain("style=");
        // the pages a confirmation or unsubscribe link opens carry it too
        assertThat(get("/api/v1/subscriptions/nope/confirm?token=x").headers().firstValue("Content-Security-Policy"))
                .hasValue(policy);
        assertThat(get("/api/v1/alerts").headers().firstValue("Content-Security-Policy")).isEmpty();
    }

    @Test
    void theThreeDictionariesHaveTheSameKeys() throws IOException {
        Set<String> english = keys("en");
        assertThat(english).contains("title", "subscribe_button", "manage_hint");
        assertThat(keys("kk")).isEqualTo(english);
        assertThat(keys("ru")).isEqualTo(english);
    }

    @Test
    void settlementsAreFoundByNameInAnyOfTheThreeLanguages() throws Exception {
        for (String name : new String[] {"Байқоңыр", "Байконур", "Baikonur"}) {
            JsonNode hits = json(get("/api/v1/community/settlements?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)));
            assertThat(hits.get(0).path("id").asString()).as(name).isEqualTo("gn:1521368");
            assertThat(hits.get(0).path("region").path("nameKk").asString()).isEqualTo("Қызылорда облысы");
        }
        assertThat(json(get("/api/v1/community/settlements?q=qwertyzz"))).isEmpty();
        HttpResponse<String> all = get("/api/v1/community/settlements");
        assertThat(json(all).size()).isGreaterThan(200);
        // revalidated on every load, by the edition of the reference data: an import reaches the page's map
        assertThat(all.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String etag = all.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(uri("/api/v1/community/settlements"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void atasuIsFoundByTheNameItGoesByAsWellAsByGeoNamesName() throws Exception {
        // GeoNames has the town as Zhangaarqa (Жанаарка, Жаңаарқа); its people and the reports of 1999 say Atasu
        for (String name : new String[] {"Atasu", "Атасу", "Zhangaarqa", "Жаңаарқа"}) {
            JsonNode hits = json(get("/api/v1/community/settlements?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)));
            assertThat(hits.get(0).path("id").asString()).as(name).isEqualTo("gn:1526041");
            assertThat(hits.get(0).path("nameKk").asString()).isEqualTo("Жаңаарқа");
            assertThat(hits.get(0).path("alternateNames").toString()).contains("\"Atasu\"", "\"Атасу\"");
        }
    }

    @Test
    void theRegionsAreLightGeoJsonThatBrowsersRevalidate() throws Exception {
        HttpResponse<String> regions = get("/api/v1/community/regions");

        assertThat(regions.statusCode()).isEqualTo(200);
        assertThat(regions.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/geo+json"));
        assertThat(json(regions).path("features")).hasSize(20);
        assertThat(regions.body().length()).isLessThan(300_000);
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(uri("/api/v1/community/regions"))
                .header("If-None-Match", regions.headers().firstValue("ETag").orElseThrow()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
    }

    private Set<String> keys(String language) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/steppewatch/community-page/i18n/" + language + ".json")) {
            Set<String> keys = new HashSet<>();
            EventJson.mapper().readTree(in).propertyNames().forEach(keys::add);
            return keys;
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return EventJson.mapper().readTree(response.body());
    }
}
