package org.steppewatch.auth;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuer               the {@code iss} of every token and the base of the discovery document; empty = derived
 *                             from each request (Spring Authorization Server's default)
 * @param adminPassword        on the first start, the password of user {@code admin} and the secret of client
 *                             {@code steppewatch-cli}; empty = one is generated and logged once
 * @param consoleRedirectUris  where the analyst console ({@code steppewatch-console}) may be sent back to, also after
 *                             logout
 * @param allowedOrigins       browser origins allowed to call the token, JWKS, discovery, userinfo and revocation
 *                             endpoints (CORS)
 * @param accessTokenTtl       lifetime of an access token
 */
@ConfigurationProperties("steppewatch.auth")
public record AuthProperties(String issuer, String adminPassword, List<String> consoleRedirectUris,
                             List<String> allowedOrigins, Duration accessTokenTtl) {

    public AuthProperties {
        issuer = issuer == null ? "" : issuer.strip();
        adminPassword = adminPassword == null ? "" : adminPassword;
        consoleRedirectUris = consoleRedirectUris == null || consoleRedirectUris.isEmpty()
                ? List.of("http://localhost:8081/") : List.copyOf(consoleRedirectUris);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(30) : accessTokenTtl;
    }
}
