package org.steppewatch.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.EventJson;

import tools.jackson.databind.JsonNode;

/** The OpenAPI document and Swagger UI are public, and describe this service's API. */
class OpenApiDocumentTest extends AnalysisServiceTestBase {

    @Test
    void theOpenApiDocumentNamesTheServicesPathsAndTheBearerScheme() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode api = EventJson.mapper().readTree(response.body());
        assertThat(api.path("info").path("title").asString()).isEqualTo("Steppe Watch analysis-service");
        assertThat(api.path("paths").has("/api/v1/assessments")).isTrue();
        assertThat(api.path("paths").has("/api/v1/assessments/{incidentId}")).isTrue();
        assertThat(api.path("paths").path("/api/v1/dead-letters").path("get").path("security").toString())
                .as("an admin-only read").contains("bearer-jwt");
        assertThat(api.path("paths").path("/api/v1/assessments").path("get").has("security")).isFalse();
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
