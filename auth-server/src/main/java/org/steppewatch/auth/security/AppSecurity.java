package org.steppewatch.auth.security;

import static org.springframework.security.config.Customizer.withDefaults;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.steppewatch.auth.AuthProperties;
import org.steppewatch.auth.Role;
import org.steppewatch.security.ServiceSecurity;

import tools.jackson.databind.json.JsonMapper;

/**
 * The rest of the server: the admin API (a resource server for the tokens this server issued, set up as the
 * services are by security-support; role {@code admin} only; callable from the console's origin) and the sign-in
 * page for people (Spring Security's standard form, which answers "Bad credentials" alike for an unknown user and
 * a wrong password).
 */
@Configuration(proxyBeanMethods = false)
class AppSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain adminApiFilterChain(HttpSecurity http, JsonMapper json, AuthProperties properties) {
        ServiceSecurity.withRolesClaim(json).bearerTokensOnly(http.securityMatcher("/api/**"))
                // the analyst console administers users and clients from its own origin, with an admin's token
                .cors(cors -> cors.configurationSource(adminApiCors(properties.allowedOrigins())))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().hasRole(Role.ADMIN.id()));
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
}
