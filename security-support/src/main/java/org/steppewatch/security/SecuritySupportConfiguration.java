package org.steppewatch.security;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a service imports to become a resource server of the deployment's provider. Imported explicitly by each
 * service's access rules rather than auto-configured: the one-JVM launcher also runs the provider itself, which must
 * not pick this up from the shared classpath.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecuritySupportConfiguration {

    /**
     * The provider's keys are looked up on the first token, not at start: a service comes up (and serves public reads)
     * while the provider is still starting.
     */
    @Bean
    JwtDecoder steppeWatchJwtDecoder(SecurityProperties properties) {
        String issuer = properties.issuerUri();
        if (StringUtils.hasText(properties.jwkSetUri())) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer)));
            return decoder;
        }
        return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(issuer));
    }

    @Bean
    ServiceSecurity steppeWatchServiceSecurity(ObjectProvider<JsonMapper> json) {
        return ServiceSecurity.withRolesClaim(json.getIfAvailable(JsonMapper::shared));
    }

    /** Picked up by Spring Security's filter chain proxy for what its firewall refuses. */
    @Bean
    RequestRejectedHandler steppeWatchRequestRejectedHandler(ObjectProvider<JsonMapper> json) {
        return new ProblemRequestRejectedHandler(new ProblemResponses(json.getIfAvailable(JsonMapper::shared)));
    }

    @Bean
    RejectedRequestAdvice steppeWatchRejectedRequestAdvice() {
        return new RejectedRequestAdvice();
    }

    /**
     * The pages of the other services call this API with a token: the console (8081) the notifications (8083). Named
     * {@code corsConfigurationSource}: that is the bean {@code cors(withDefaults())} looks for, by name.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(SecurityProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "X-Manage-Token", "Accept"));
        // Content-Disposition and Link: an open-data download's file name and licence (web-support's opendata)
        cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "Content-Disposition", "Link"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        source.registerCorsConfiguration("/feeds/**", cors);
        return source;
    }
}
