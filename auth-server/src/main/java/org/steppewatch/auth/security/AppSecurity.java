package org.steppewatch.auth.security;

import static org.springframework.security.config.Customizer.withDefaults;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.steppewatch.auth.AuthProperties;
import org.steppewatch.auth.Role;

import tools.jackson.databind.json.JsonMapper;

/**
 * The rest of the server: the admin API (a resource server for the tokens this server issued, role {@code admin}
 * only, refusals as problem+json, callable from the console's origin) and the sign-in page for people (Spring Security's standard form, which answers
 * "Bad credentials" alike for an unknown user and a wrong password).
 */
@Configuration(proxyBeanMethods = false)
class AppSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain adminApiFilterChain(HttpSecurity http, JwtDecoder decoder, JsonMapper json,
                                           AuthProperties properties) {
        ProblemResponses problems = new ProblemResponses(json);
        http.securityMatcher("/api/**")
                // the analyst console administers users and clients from its own origin, with an admin's token
                .cors(cors -> cors.configurationSource(adminApiCors(properties.allowedOrigins())))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().hasRole(Role.ADMIN.id()))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // bearer tokens only, no cookies: nothing for a cross-site request to ride on
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain signInFilterChain(HttpSecurity http) {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/login", "/error", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .cors(withDefaults())
                .formLogin(withDefaults());
        return http.build();
    }

    /** Bearer tokens only, never cookies: a page of another origin gets nothing it could not send by itself. */
    private static CorsConfigurationSource adminApiCors(List<String> origins) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(origins);
        configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept"));
        configuration.setExposedHeaders(List.of("Location"));
        configuration.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", configuration);
        return source;
    }

    /** Authorities from the claim {@code roles}: {@code admin} becomes {@code ROLE_admin}. */
    private static JwtAuthenticationConverter roles() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(RolesTokenCustomizer.ROLES);
        authorities.setAuthorityPrefix(Role.AUTHORITY_PREFIX);
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
