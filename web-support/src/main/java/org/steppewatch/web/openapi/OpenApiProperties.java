package org.steppewatch.web.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a service says about its API in its OpenAPI document ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui/index.html}).
 *
 * @param title       default "Steppe Watch " and the application's name
 * @param description the service's own notes (what it holds, which reads need a role); the shared notes on
 *                    tokens, roles and open data are added after it
 */
@ConfigurationProperties("steppewatch.openapi")
public record OpenApiProperties(String title, String description) {
}
