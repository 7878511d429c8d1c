package org.steppewatch.web.openapi;

import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.steppewatch.web.opendata.OpenDataProperties;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The parts of every service's OpenAPI document that are the same everywhere: title, API version, the licence of
 * the data, the bearer-token scheme, and which operations need a token. Active in a service that depends on
 * springdoc; the endpoints themselves are found by springdoc, not annotated one by one.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({OpenAPI.class, OpenApiCustomizer.class})
@EnableConfigurationProperties({OpenApiProperties.class, OpenDataProperties.class})
public class OpenApiAutoConfiguration {

    /** The name of the security scheme operations that need a token refer to. */
    public static final String BEARER = "bearer-jwt";

    static final String SHARED_NOTES = """
            Reads (GET) are public and need no token, except the few a service names as admin-only below. \
            Every write needs a bearer token (a JWT from the deployment's OpenID Connect provider) whose `roles` \
            claim holds the role the operation needs: `analyst` to report and record, `issuer` to approve alerts, \
            `admin` for reference data, dead letters and operations (docs/security.md). Errors are \
            `application/problem+json` (RFC 9457).

            Public lists also answer `Accept: text/csv` and `Accept: application/geo+json`, with the licence and \
            the attribution in the file (docs/open-data.md).""";

    static {
        // JTS geometries are written as GeoJSON geometry objects, not as the Java objects they are
        SpringDocUtils.getConfig().replaceWithSchema(Geometry.class, new ObjectSchema()
                .description("An RFC 7946 GeoJSON geometry (WGS 84, [longitude, latitude])")
                .example(Map.of("type", "Point", "coordinates", List.of(63.305, 45.965))));
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI steppeWatchOpenApi(OpenApiProperties api, OpenDataProperties data, Environment environment) {
        String name = environment.getProperty("spring.application.name", "service");
        String title = api.title() == null || api.title().isBlank() ? "Steppe Watch " + name : api.title();
        String own = api.description() == null || api.description().isBlank() ? "" : api.description().strip() + "\n\n";
        return new OpenAPI()
                .info(new Info().title(title).version("v1").description(own + SHARED_NOTES)
                        // the licence of what the API serves; the code is Apache-2.0
                        .license(new License().name(data.licence() + " (data), attribution: " + data.attribution())
                                .url(data.licenceUrl())))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token from the deployment's OpenID Connect provider; roles in its `roles` claim")));
    }

    /**
     * Every operation but a read names the bearer scheme, as the security filter chain refuses writes without a
     * token; so do the service's reads that need one, and its public writes say explicitly that they need none.
     */
    @Bean
    OpenApiCustomizer steppeWatchWritesNeedAToken(OpenApiProperties api) {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                String operationName = method + " " + path;
                boolean read = method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD
                        || method == PathItem.HttpMethod.OPTIONS;
                if (operation.getSecurity() != null || read && !api.tokenReads().contains(operationName)) {
                    return;
                }
                if (!read && api.publicWrites().contains(operationName)) {
                    operation.setSecurity(List.of()); // none: anyone may
                } else {
                    operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
                }
            }));
        };
    }
}
