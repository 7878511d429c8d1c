package org.steppewatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/** A path with a limit of its own; every other path keeps the default. */
@TestPropertySource(properties = {
        "steppewatch.web.body-limits[0].path=/api/orders/check",
        "steppewatch.web.body-limits[0].max-size=2KB"})
class PathBodyLimitTest extends HttpTestBase {

    private static final String THREE_KIB = "{\"name\": \"" + "x".repeat(3 * 1024) + "\", \"items\": []}";

    @Test
    void aPathWithItsOwnLimitRefusesWhatTheDefaultWouldAllow() {
        JsonNode body = problem(post("/api/orders/check", THREE_KIB), 413);

        assertThat(body.path("detail").asString()).isEqualTo("The request body exceeds the limit of 2048 bytes.");
        assertThat(problem(postChunked("/api/orders/check", THREE_KIB), 413).path("detail").asString())
                .contains("2048 bytes");
    }

    @Test
    void otherPathsKeepTheDefaultLimit() {
        assertThat(post("/api/orders", THREE_KIB).statusCode()).isEqualTo(200);
    }
}
