package org.steppewatch.benchmarks.latency;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API as the README's walk-through uses it: a token of the {@code steppewatch-cli} client
 * (client_credentials; roles analyst, issuer and admin, so a report goes out at once and subscribing is not
 * rate-limited), webhook subscriptions, incident reports.
 */
final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String bearer;

    private Api(String bearer) {
        this.bearer = bearer;
    }

    /** Signs in at the provider as the README does: {@code curl -u steppewatch-cli:$PASSWORD -d grant_type=...}. */
    static Api signIn(String authBaseUrl, String password) {
        String basic = Base64.getEncoder().encodeToString(("steppewatch-cli:" + password).getBytes(UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(authBaseUrl + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        JsonNode token = JSON.readTree(new Api(null).call(request, 200));
        return new Api("Bearer " + token.path("access_token").asString());
    }

    /** A webhook subscription to alerts of any severity within {@code radiusKm} of a point. */
    String subscribe(String notifications, String name, double lon, double lat, double radiusKm, String url,
                     String secret) {
        String body = """
                {"name": "%s", "area": {"point": {"type": "Point", "coordinates": [%s, %s]}, "radiusKm": %s},
                 "channel": {"type": "webhook", "url": "%s", "secret": "%s"},
                 "language": "en", "minSeverity": "Minor"}""".formatted(name, num(lon), num(lat), num(radiusKm), url, secret);
        return JSON.readTree(call(post(notifications + "/api/v1/subscriptions", body), 201)).path("id").asString();
    }

    /**
     * Reports a UDMH spill of one tonne at a point (no weather known: the zones are circles of a few hundred metres
     * to a few kilometres around it). Completes with the incident id.
     */
    CompletableFuture<String> report(String incidents, String title, double lon, double lat) {
        String body = """
                {"title": "%s", "category": "FUEL_SPILL", "occurredAt": "2026-11-30T06:00:00Z",
                 "location": {"type": "Point", "coordinates": [%s, %s]},
                 "releases": [{"substance": "UDMH", "massKg": 1000}]}""".formatted(title, num(lon), num(lat));
        return http.sendAsync(post(incidents + "/api/v1/incidents", body), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("report answered " + response.statusCode() + ": " + response.body());
                    }
                    return JSON.readTree(response.body()).path("id").asString();
                });
    }

    private HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private String call(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.5f", value);
    }
}
