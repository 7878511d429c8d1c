package org.steppewatch.web.openapi;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a service says about its API in its OpenAPI document ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui/index.html}).
 *
 * @param title       default "Steppe Watch " and the application's name
 * @param description  the service's own notes (what it holds, which reads need a role); the shared notes on
 *                     tokens, roles and open data are added after it
 * @param publicWrites the writes anyone may make without a token, as {@code METHOD /path} with the document's path
 *                     templates (e.g. {@code POST /api/v1/subscriptions}); every other write is shown as needing one
 * @param tokenReads   the reads that need a token (with a role: the description says which), likewise
 */
@ConfigurationProperties("steppewatch.openapi")
public record OpenApiProperties(String title, String description, List<String> publicWrites, List<String> tokenReads) {

    public OpenApiProperties {
        publicWrites = publicWrites == null ? List.of() : publicWrites.stream().map(String::strip).toList();
        tokenReads = tokenReads == null ? List.of() : tokenReads.stream().map(String::strip).toList();
    }
}
