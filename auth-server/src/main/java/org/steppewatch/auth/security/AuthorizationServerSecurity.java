package org.steppewatch.auth.security;

import static org.springframework.security.config.Customizer.withDefaults;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.steppewatch.auth.AuthProperties;
import org.steppewatch.auth.authorization.MongoOAuth2AuthorizationService;

/**
 * The OAuth 2.1 / OpenID Connect endpoints: discovery, JWKS, authorize, token, revocation, introspection, userinfo
 * and logout. A browser that is not signed in is sent to the sign-in page; the endpoints a page calls from
 * another origin (the analyst console) answer CORS for the configured origins.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerSecurity {

    /** What the console calls with fetch(); the authorize and logout endpoints are page navigations. */
    private static final List<String> CORS_PATHS = List.of("/oauth2/token", "/oauth2/jwks", "/oauth2/revoke",
            "/userinfo", "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server");

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerFilterChain(HttpSecurity http) {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(withDefaults());
        });
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .cors(withDefaults())
                // userinfo takes the access token
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(withDefaults()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), html()));
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (!properties.issuer().isEmpty()) {
            settings.issuer(properties.issuer());
        }
        return settings.build();
    }

    /** Hashes of passwords and client secrets: {@code {bcrypt}…}, other stored formats still verify. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> rolesTokenCustomizer() {
        return new RolesTokenCustomizer();
    }

    /** Codes in flight and issued tokens, in MongoDB: a restart loses no code and forgets no revocation. */
    @Bean
    OAuth2AuthorizationService authorizationService(MongoTemplate mongo, RegisteredClientRepository clients) {
        return new MongoOAuth2AuthorizationService(mongo, clients, Clock.systemUTC());
    }

    /**
     * Used by the sign-in chain too: a preflight ({@code OPTIONS}) is not among the endpoints' own requests.
     * Only {@link #CORS_PATHS}: the sign-in page and the admin API are not for other origins.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(AuthProperties properties) {
        List<String> origins = properties.allowedOrigins();
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(origins);
        configuration.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        configuration.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        configuration.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        CORS_PATHS.forEach(path -> source.registerCorsConfiguration(path, configuration));
        return source;
    }

    private static MediaTypeRequestMatcher html() {
        MediaTypeRequestMatcher matcher = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        matcher.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return matcher;
    }
}
