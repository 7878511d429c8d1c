package org.steppewatch.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The OpenAPI document and Swagger UI are public, and describe this service's API. */
class OpenApiDocumentTest extends IntegrationTest {

    @Test
    void theOpenApiDocumentNamesTheServicesPathsAndTheBearerScheme() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode api = json(response);
        assertThat(api.path("info").path("title").asString()).isEqualTo("Steppe Watch notification-service");
        assertThat(api.path("info").path("description").asString()).contains("manage token");
        assertThat(api.path("paths").has("/api/v1/alerts")).isTrue();
        assertThat(api.path("paths").has("/api/v1/subscriptions")).isTrue();
        assertThat(api.path("components").path("securitySchemes").path("bearer-jwt").path("scheme").asString())
                .isEqualTo("bearer");
        assertThat(api.path("paths").path("/api/v1/alerts/{id}/approval").path("post").path("security").toString())
                .contains("bearer-jwt");
        JsonNode subscribe = api.path("paths").path("/api/v1/subscriptions").path("post");
        assertThat(subscribe.path("security").isArray()).as("anyone may subscribe").isTrue();
        assertThat(subscribe.path("security").size()).isZero();
        assertThat(api.path("paths").path("/api/v1/alerts/{id}/deliveries").path("get").path("security").toString())
                .as("issuers and admins only").contains("bearer-jwt");
    }

    @Test
    void swaggerUiIsServedWithoutAToken() throws Exception {
        HttpResponse<String> page = get("/swagger-ui/index.html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(get("/swagger-ui/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
    }
}
