package org.steppewatch.auth.security;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.steppewatch.auth.Role;

import tools.jackson.databind.json.JsonMapper;

/**
 * The rest of the server: the admin API (a resource server for the tokens this server issued, role {@code admin}
 * only, refusals as problem+json) and the sign-in page for people (Spring Security's standard form, which answers
 * "Bad credentials" alike for an unknown user and a wrong password).
 */
@Configuration(proxyBeanMethods = false)
class AppSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain adminApiFilterChain(HttpSecurity http, JwtDecoder decoder, JsonMapper json) {
        ProblemResponses problems = new ProblemResponses(json);
        http.securityMatcher("/api/**")
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
