package org.steppewatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The OpenAPI document and Swagger UI are public, and describe this service's API. */
class OpenApiDocumentTest extends ServiceTestBase {

    @Test
    void theOpenApiDocumentNamesTheServicesPathsTheLicenceAndTheBearerScheme() {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode api = json(response);
        assertThat(api.path("openapi").asString()).startsWith("3.");
        assertThat(api.path("info").path("title").asString()).isEqualTo("Steppe Watch incident-service");
        assertThat(api.path("info").path("version").asString()).isEqualTo("v1");
        assertThat(api.path("info").path("license").path("name").asString()).contains("CC BY 4.0");
        assertThat(api.path("paths").has("/api/v1/incidents")).isTrue();
        assertThat(api.path("paths").has("/api/v1/incidents/{id}/assessment")).isTrue();
        JsonNode bearer = api.path("components").path("securitySchemes").path("bearer-jwt");
        assertThat(bearer.path("type").asString()).isEqualTo("http");
        assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
        JsonNode incidents = api.path("paths").path("/api/v1/incidents");
        assertThat(incidents.path("post").path("security").toString()).contains("bearer-jwt");
        assertThat(incidents.path("get").has("security")).as("reads are public").isFalse();
    }

    @Test
    void swaggerUiIsServedWithoutAToken() {
        HttpResponse<String> page = get("/swagger-ui/index.html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("swagger-ui");
        // the page's own scripts and its configuration, which points it at this service's document
        assertThat(get("/swagger-ui/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
        HttpResponse<String> config = get("/v3/api-docs/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(json(config).path("url").asString()).isEqualTo("/v3/api-docs");
    }
}
