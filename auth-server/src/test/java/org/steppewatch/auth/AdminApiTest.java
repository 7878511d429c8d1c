package org.steppewatch.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Users and clients through the admin API: who may call it, what it stores, and what the clients then get. */
class AdminApiTest {

    private final RunningAuthServer server = SharedAuthServer.get();
    private final Http http = new Http();
    private String admin;

    @BeforeEach
    void adminToken() {
        admin = Tokens.accessToken(http, server.baseUrl(), "steppewatch-cli", SharedAuthServer.ADMIN_PASSWORD);
    }

    @Test
    void anonymousCallersGet401AsProblemJsonWithABearerChallenge() {
        HttpResponse<String> list = http.get(url("/api/v1/users"));
        HttpResponse<String> create = http.postJson(url("/api/v1/users"), user(unique("anon"), "analyst"));

        for (HttpResponse<String> response : java.util.List.of(list, create)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
            assertThat(Http.json(response).get("status").asInt()).isEqualTo(401);
        }
    }

    @Test
    void theConsolesOriginMayCallTheAdminApiFromThePageAndOthersMayNot() {
        HttpResponse<String> console = http.send(preflight("http://localhost:8081", "PUT").build());
        HttpResponse<String> elsewhere = http.send(preflight("https://evil.example", "POST").build());

        // Fetch standard, CORS protocol: the preflight names the origin and lets PUT with the bearer token through
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8081");
        assertThat(console.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("PUT");
        assertThat(console.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                .contains("authorization").contains("content-type");
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(elsewhere.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private java.net.http.HttpRequest.Builder preflight(String origin, String method) {
        return Http.request(url("/api/v1/users/someone/roles"), "Origin", origin,
                "Access-Control-Request-Method", method, "Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody());
    }

    @Test
    void aForgedTokenIs401() {
        HttpResponse<String> response = http.get(url("/api/v1/users"),
                Http.bearer("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiYWRtaW4iXX0.c2lnbmF0dXJl"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
    }

    @Test
    void aClientWithRoleAnalystOnlyIs403AndChangesNothing() {
        String clientId = unique("analyst-bot");
        String secret = createClient(clientId, "analyst");
        String analyst = Tokens.accessToken(http, server.baseUrl(), clientId, secret);
        String username = unique("intruder");

        HttpResponse<String> create = http.postJson(url("/api/v1/users"), user(username, "admin"),
                Http.bearer(analyst));
        HttpResponse<String> list = http.get(url("/api/v1/clients"), Http.bearer(analyst));

        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(create.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(http.get(url("/api/v1/users"), Http.bearer(admin)).body()).doesNotContain(username);
    }

    @Test
    void aClientCreatedThroughTheApiGetsTokensWithExactlyItsRoles() throws Exception {
        String clientId = unique("partner");

        HttpResponse<String> created = http.postJson(url("/api/v1/clients"),
                "{\"clientId\":\"" + clientId + "\",\"roles\":[\"issuer\",\"analyst\"]}", Http.bearer(admin));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/clients/" + clientId);
        String secret = Http.json(created).get("clientSecret").asString();
        String token = Tokens.accessToken(http, server.baseUrl(), clientId, secret);
        var claims = Tokens.verify(token, http.get(url("/oauth2/jwks")).body());
        assertThat(claims.getStringListClaim("roles")).containsExactly("analyst", "issuer");
        assertThat(claims.getSubject()).isEqualTo(clientId);
    }

    @Test
    void newRolesOfAClientApplyToItsNextTokenAndADeletedClientGetsNone() throws Exception {
        String clientId = unique("rotating");
        String secret = createClient(clientId, "analyst");

        HttpResponse<String> changed = http.putJson(url("/api/v1/clients/" + clientId + "/roles"),
                "{\"roles\":[\"admin\"]}", Http.bearer(admin));
        String token = Tokens.accessToken(http, server.baseUrl(), clientId, secret);
        HttpResponse<String> deleted = http.delete(url("/api/v1/clients/" + clientId), Http.bearer(admin));

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(Http.json(changed).get("roles").toString()).isEqualTo("[\"admin\"]");
        assertThat(Tokens.verify(token, http.get(url("/oauth2/jwks")).body()).getStringListClaim("roles"))
                .containsExactly("admin");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(Tokens.clientCredentials(http, server.baseUrl(), clientId, secret).statusCode()).isEqualTo(401);
    }

    @Test
    void anAdminCreatesListsRegrantsAndDeletesAUserWithoutEverSeeingAHash() {
        String username = unique("aigerim");

        HttpResponse<String> created = http.postJson(url("/api/v1/users"), user(username, "analyst"),
                Http.bearer(admin));
        HttpResponse<String> regranted = http.putJson(url("/api/v1/users/" + username + "/roles"),
                "{\"roles\":[\"issuer\",\"analyst\"]}", Http.bearer(admin));
        HttpResponse<String> listed = http.get(url("/api/v1/users"), Http.bearer(admin));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/users/" + username);
        assertThat(Http.json(created).get("roles").toString()).isEqualTo("[\"analyst\"]");
        assertThat(regranted.statusCode()).isEqualTo(200);
        assertThat(Http.json(regranted).get("roles").toString()).isEqualTo("[\"analyst\",\"issuer\"]");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(username).doesNotContain("bcrypt").doesNotContain("password")
                .doesNotContain("long-enough-password");
        assertThat(http.delete(url("/api/v1/users/" + username), Http.bearer(admin)).statusCode()).isEqualTo(204);
        assertThat(http.delete(url("/api/v1/users/" + username), Http.bearer(admin)).statusCode()).isEqualTo(404);
    }

    @Test
    void clientListingShowsRolesButNoSecret() {
        HttpResponse<String> listed = http.get(url("/api/v1/clients"), Http.bearer(admin));

        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode cli = null;
        for (JsonNode client : Http.json(listed)) {
            if (client.get("clientId").asString().equals("steppewatch-cli")) {
                cli = client;
            }
        }
        assertThat(cli).isNotNull();
        assertThat(cli.get("roles").toString()).isEqualTo("[\"analyst\",\"issuer\",\"admin\"]");
        assertThat(listed.body()).doesNotContain("bcrypt").doesNotContain("secret")
                .doesNotContain(SharedAuthServer.ADMIN_PASSWORD);
    }

    @Test
    void unknownRolesAndBadFieldsAre400WithTheFieldsAndStoreNothing() {
        String username = unique("typo");

        HttpResponse<String> response = http.postJson(url("/api/v1/users"),
                "{\"username\":\"" + username + "\",\"password\":\"short\",\"roles\":[\"analyst\",\"superuser\"]}",
                Http.bearer(admin));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode errors = Http.json(response).get("errors");
        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("password", "roles[1]");
        assertThat(http.get(url("/api/v1/users"), Http.bearer(admin)).body()).doesNotContain(username);
    }

    @Test
    void aTakenNameIs409AndTheConsoleIsNotAnApiClient() {
        HttpResponse<String> duplicateUser = http.postJson(url("/api/v1/users"), user("admin", "analyst"),
                Http.bearer(admin));
        HttpResponse<String> duplicateClient = http.postJson(url("/api/v1/clients"),
                "{\"clientId\":\"steppewatch-cli\",\"roles\":[]}", Http.bearer(admin));
        HttpResponse<String> deleteConsole = http.delete(url("/api/v1/clients/steppewatch-console"),
                Http.bearer(admin));

        assertThat(duplicateUser.statusCode()).isEqualTo(409);
        assertThat(duplicateClient.statusCode()).isEqualTo(409);
        assertThat(deleteConsole.statusCode()).isEqualTo(409);
        // the CLI kept its secret: the duplicate did not replace it
        assertThat(Tokens.clientCredentials(http, server.baseUrl(), "steppewatch-cli", SharedAuthServer.ADMIN_PASSWORD)
                .statusCode()).isEqualTo(200);
    }

    private String createClient(String clientId, String role) {
        HttpResponse<String> created = http.postJson(url("/api/v1/clients"),
                "{\"clientId\":\"" + clientId + "\",\"roles\":[\"" + role + "\"]}", Http.bearer(admin));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).get("clientSecret").asString();
    }

    private static String user(String username, String role) {
        return "{\"username\":\"" + username + "\",\"password\":\"long-enough-password\",\"roles\":[\"" + role + "\"]}";
    }

    private String url(String path) {
        return server.baseUrl() + path;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
