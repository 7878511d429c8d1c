package org.steppewatch.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;

import tools.jackson.databind.JsonNode;

/** The bootstrap contract scripts rely on: the CLI client with the configured password gets a token with every role. */
class ClientCredentialsTokenTest {

    private final RunningAuthServer server = SharedAuthServer.get();
    private final Http http = new Http();

    @Test
    void theCliClientGetsATokenWithEveryRoleThatVerifiesAgainstThePublishedKey() throws ParseException {
        String token = Tokens.accessToken(http, server.baseUrl(), "steppewatch-cli", SharedAuthServer.ADMIN_PASSWORD);

        JWTClaimsSet claims = Tokens.verify(token, http.get(server.baseUrl() + "/oauth2/jwks").body());
        assertThat(claims.getStringListClaim("roles")).containsExactly("analyst", "issuer", "admin");
        assertThat(claims.getIssuer()).isEqualTo(server.baseUrl());
        assertThat(claims.getSubject()).isEqualTo("steppewatch-cli");
        // 30 minutes as configured in auth-server.yml, give or take the time the request took
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now());
    }

    @Test
    void theTokenAnswerIsABearerTokenAsRfc6749Says() {
        HttpResponse<String> response = Tokens.clientCredentials(http, server.baseUrl(), "steppewatch-cli",
                SharedAuthServer.ADMIN_PASSWORD);

        JsonNode body = Http.json(response);
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isBetween(1790, 1800);
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    }

    @Test
    void aWrongSecretGetsNoToken() {
        HttpResponse<String> response = Tokens.clientCredentials(http, server.baseUrl(), "steppewatch-cli",
                "not-the-password");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response).get("error").asString()).isEqualTo("invalid_client");
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void theConsoleIsAPublicClientThatCannotUseClientCredentials() {
        HttpResponse<String> response = http.postForm(server.baseUrl() + "/oauth2/token",
                Map.of("grant_type", "client_credentials", "client_id", "steppewatch-console"));

        assertThat(response.statusCode()).isIn(400, 401);
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void discoveryNamesTheConfiguredIssuerAndItsEndpoints() {
        JsonNode discovery = Http.json(http.get(server.baseUrl() + "/.well-known/openid-configuration"));

        assertThat(discovery.get("issuer").asString()).isEqualTo(server.baseUrl());
        assertThat(discovery.get("token_endpoint").asString()).isEqualTo(server.baseUrl() + "/oauth2/token");
        assertThat(discovery.get("jwks_uri").asString()).isEqualTo(server.baseUrl() + "/oauth2/jwks");
        assertThat(discovery.get("userinfo_endpoint").asString()).isEqualTo(server.baseUrl() + "/userinfo");
        assertThat(discovery.get("code_challenge_methods_supported").toString()).contains("S256");
    }

    @Test
    void theConsoleOriginMayCallTheTokenEndpointFromTheBrowserAndAnotherOriginMayNot() {
        HttpResponse<String> console = preflight("/oauth2/token", "http://localhost:8081");
        HttpResponse<String> stranger = preflight("/oauth2/token", "http://evil.example");

        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8081");
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theJwksIsReadableFromTheCommunityPageOrigin() {
        HttpResponse<String> jwks = http.get(server.baseUrl() + "/oauth2/jwks", "Origin", "http://localhost:8083");

        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8083");
    }

    private HttpResponse<String> preflight(String path, String origin) {
        return http.send(Http.request(server.baseUrl() + path, "Origin", origin,
                        "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
    }
}
