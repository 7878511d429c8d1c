package org.steppewatch.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.steppewatch.local.SteppeWatchStack.Service;

import tools.jackson.databind.JsonNode;

/**
 * Access tokens from the stack's own OpenID Connect provider, as scripts get them: client_credentials with HTTP Basic
 * (RFC 6749 4.4). {@link #cli()} is the bootstrap client {@code steppewatch-cli} with every role; {@link #withRoles}
 * makes a client with fewer roles through the provider's admin API, and {@link #user} a person who signs in.
 */
final class Tokens {

    static final String CLI = "steppewatch-cli";

    private static final ConcurrentMap<String, Token> CACHE = new ConcurrentHashMap<>();

    /** A client's token, kept until a minute before it expires. */
    private record Token(String value, long expiresAtMillis) {
    }

    /** A person who signs in through the provider's form. */
    record User(String username, String password, List<String> roles) {
    }

    private Tokens() {
    }

    /** analyst, issuer and admin: whatever a test needs to set the scene. */
    static String cli() {
        return clientCredentials(CLI, LocalStack.ADMIN_PASSWORD);
    }

    static String clientCredentials(String clientId, String secret) {
        Token cached = CACHE.get(clientId);
        if (cached != null && cached.expiresAtMillis() > System.currentTimeMillis() + 60_000) {
            return cached.value();
        }
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(UTF_8));
        JsonNode answer = Http.form(provider() + "/oauth2/token", "Basic " + basic, "grant_type=client_credentials");
        Token token = new Token(answer.path("access_token").asString(),
                System.currentTimeMillis() + answer.path("expires_in").asLong() * 1000);
        CACHE.put(clientId, token);
        return token.value();
    }

    /** A token of a new client that holds exactly these roles (none for an empty list). */
    static String withRoles(String... roles) {
        String clientId = "test-" + String.join("-", roles) + "-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = Http.post(provider() + "/api/v1/clients", """
                {"clientId": "%s", "roles": %s}""".formatted(clientId, json(roles)), cli());
        return clientCredentials(clientId, created.path("clientSecret").asString());
    }

    /** A new user with these roles and a name of its own, created by the admin API. */
    static User user(String... roles) {
        return namedUser("tester-" + UUID.randomUUID().toString().substring(0, 8), roles);
    }

    static User namedUser(String username, String... roles) {
        User user = new User(username, "pw-" + UUID.randomUUID(), List.of(roles));
        Http.post(provider() + "/api/v1/users", """
                {"username": "%s", "password": "%s", "roles": %s}""".formatted(user.username(), user.password(),
                json(roles)), cli());
        return user;
    }

    private static String json(String... roles) {
        return "[" + String.join(",", java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").toList()) + "]";
    }

    static String provider() {
        return LocalStack.get().baseUrl(Service.AUTH);
    }
}
