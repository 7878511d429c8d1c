package org.steppewatch.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.JWKSet;

/** A restart on the same database loses nothing: users, clients, their roles and the key that signed old tokens. */
class RestartTest {

    private static final String PASSWORD = "first-start-password-1";

    @Test
    void issuedAndRevokedTokensAreStillKnownAfterARestart() {
        Http http = new Http();
        String kept;
        String revoked;
        String mongoUri;
        int port;
        try (RunningAuthServer before = RunningAuthServer.startFresh(PASSWORD)) {
            mongoUri = before.mongoUri();
            port = before.port();
            kept = Tokens.accessToken(http, before.baseUrl(), "steppewatch-cli", PASSWORD);
            revoked = Tokens.accessToken(http, before.baseUrl(), "steppewatch-cli", PASSWORD);
            assertThat(http.postForm(before.baseUrl() + "/oauth2/revoke", java.util.Map.of("token", revoked),
                    Http.basic("steppewatch-cli", PASSWORD)).statusCode()).isEqualTo(200);
        }
        try (RunningAuthServer after = RunningAuthServer.start(mongoUri, PASSWORD, port)) {
            // RFC 7662: introspection answers from the stored authorization, which an in-memory store would have lost
            assertThat(introspect(http, after, kept).get("active").asBoolean()).isTrue();
            assertThat(introspect(http, after, kept).get("sub").asString()).isEqualTo("steppewatch-cli");
            assertThat(introspect(http, after, revoked).get("active").asBoolean()).isFalse();
        }
    }

    private static tools.jackson.databind.JsonNode introspect(Http http, RunningAuthServer server, String token) {
        HttpResponse<String> response = http.postForm(server.baseUrl() + "/oauth2/introspect",
                java.util.Map.of("token", token), Http.basic("steppewatch-cli", PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    @Test
    void usersClientsAndTheSigningKeySurviveARestart() throws Exception {
        Http http = new Http();
        String mongoUri;
        int port;
        String tokenBefore;
        String jwksBefore;
        String partnerSecret;
        try (RunningAuthServer before = RunningAuthServer.startFresh(PASSWORD)) {
            mongoUri = before.mongoUri();
            port = before.port();
            tokenBefore = Tokens.accessToken(http, before.baseUrl(), "steppewatch-cli", PASSWORD);
            jwksBefore = http.get(before.baseUrl() + "/oauth2/jwks").body();
            assertThat(http.postJson(before.baseUrl() + "/api/v1/users",
                    "{\"username\":\"yerlan\",\"password\":\"twelve-chars-at-least\",\"roles\":[\"analyst\"]}",
                    Http.bearer(tokenBefore)).statusCode()).isEqualTo(201);
            HttpResponse<String> partner = http.postJson(before.baseUrl() + "/api/v1/clients",
                    "{\"clientId\":\"museum-feed\",\"roles\":[\"issuer\"]}", Http.bearer(tokenBefore));
            assertThat(partner.statusCode()).isEqualTo(201);
            partnerSecret = Http.json(partner).get("clientSecret").asString();
        }

        // another admin password on the second start changes nothing: bootstrap is for the first start only
        try (RunningAuthServer after = RunningAuthServer.start(mongoUri, "another-password-2", port)) {
            String jwksAfter = http.get(after.baseUrl() + "/oauth2/jwks").body();
            assertThat(JWKSet.parse(jwksAfter).getKeys()).isEqualTo(JWKSet.parse(jwksBefore).getKeys());
            assertThat(Tokens.verify(tokenBefore, jwksAfter).getStringListClaim("roles"))
                    .containsExactly("analyst", "issuer", "admin");

            // the token from before the restart is still accepted by the server itself
            HttpResponse<String> users = http.get(after.baseUrl() + "/api/v1/users", Http.bearer(tokenBefore));
            assertThat(users.statusCode()).isEqualTo(200);
            assertThat(users.body()).contains("\"yerlan\"").contains("\"admin\"");

            String partnerToken = Tokens.accessToken(http, after.baseUrl(), "museum-feed", partnerSecret);
            assertThat(Tokens.verify(partnerToken, jwksAfter).getStringListClaim("roles")).containsExactly("issuer");
            assertThat(Tokens.clientCredentials(http, after.baseUrl(), "steppewatch-cli", PASSWORD).statusCode())
                    .isEqualTo(200);
            assertThat(Tokens.clientCredentials(http, after.baseUrl(), "steppewatch-cli", "another-password-2")
                    .statusCode()).isEqualTo(401);
        }
    }
}
