package org.steppewatch.security;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.DispatcherType;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a service's filter chain: bearer tokens only (no sessions, no cookies, hence no CSRF tokens), health
 * public and the rest of actuator for admins, then the service's own rules, then every other read public and every
 * other write for admins only, so a new endpoint nobody thought about is closed rather than open.
 */
public final class ServiceSecurity {

    /** The rules a service adds for its own endpoints. */
    public interface Rules extends Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> {
    }

    private final JwtAuthenticationConverter tokens;
    private final AuthenticationEntryPoint unauthenticated;
    private final AccessDeniedHandler denied;

    ServiceSecurity(JwtAuthenticationConverter tokens, AuthenticationEntryPoint unauthenticated, AccessDeniedHandler denied) {
        this.tokens = tokens;
        this.unauthenticated = unauthenticated;
        this.denied = denied;
    }

    /**
     * Roles from the token's {@code roles} claim, 401 and 403 as problem documents: what every service and the auth
     * server's own admin API share.
     */
    public static ServiceSecurity withRolesClaim(JsonMapper json) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RolesClaimConverter());
        ProblemResponses problems = new ProblemResponses(json);
        return new ServiceSecurity(converter, new ProblemAuthenticationEntryPoint(problems),
                new ProblemAccessDeniedHandler(problems));
    }

    /**
     * The resource-server part alone, for a server that states all its own rules: bearer tokens (validated by the
     * context's {@code JwtDecoder}), no sessions, no cookies, hence no CSRF tokens; refusals as problem documents.
     */
    public HttpSecurity bearerTokensOnly(HttpSecurity http) {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
    }

    public SecurityFilterChain chain(HttpSecurity http, Rules rules) {
        bearerTokensOnly(http)
                .cors(withDefaults())
                .authorizeHttpRequests(requests -> {
                    // an error page or the continuation of an async answer (SSE) belongs to a request already let in
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                    requests.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll();
                    requests.requestMatchers("/actuator", "/actuator/**").hasRole(Roles.ADMIN);
                    rules.customize(requests);
                    requests.requestMatchers(HttpMethod.GET, "/**").permitAll();
                    requests.requestMatchers(HttpMethod.HEAD, "/**").permitAll();
                    requests.anyRequest().hasRole(Roles.ADMIN);
                });
        return http.build();
    }
}
