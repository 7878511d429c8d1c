package org.steppewatch.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.steppewatch.testsupport.TestIssuer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public API as an analyst's script and a community's sign-up use it, with an issuer's token. */
final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Baikonur town, 1.3 km from where the suite's crashes are reported: inside their zones. */
    static final String BAIKONUR = "gn:1521368";
    private static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String bearer = TestIssuer.get().bearer("fault-suite", "analyst", "issuer", "admin");

    /** A subscription as its owner holds it: the id and the token that manages it. */
    record Subscription(String id, String manageToken) {
    }

    /** A webhook subscription for Baikonur. */
    Subscription subscribe(String notifications, String name, String url) {
        JsonNode created = send("POST", notifications + "/api/v1/subscriptions", """
                {"name": "%s", "area": {"settlementId": "%s"},
                 "channel": {"type": "webhook", "url": "%s", "secret": "%s"},
                 "language": "en", "minSeverity": "Minor"}""".formatted(name, BAIKONUR, url, SECRET), null, 201);
        return new Subscription(created.path("id").asString(), created.path("manageToken").asString());
    }

    /** The owner deletes it, so that later scenarios' alerts do not reach it. */
    void unsubscribe(String notifications, Subscription subscription) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(notifications + "/api/v1/subscriptions/" + subscription.id()))
                .header("X-Manage-Token", subscription.manageToken()).DELETE().build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 204) {
                throw new IllegalStateException("DELETE subscription " + subscription.id() + " answered " + status);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A Proton-M crash reported in its first minutes, 1.3 km west of Baikonur town (no weather: circles of a few
     * kilometres that hold the town's centre, so each report alerts the town's subscribers);
     * {@code massKg} tells one report from another. Returns the incident id.
     */
    String report(String incidents, String title, long massKg) {
        return send("POST", incidents + "/api/v1/incidents", incident(title, massKg), null, 201).path("id").asString();
    }

    /** Version 2 of an incident: the released mass revised. */
    void revise(String incidents, String id, String title, long massKg) {
        send("PUT", incidents + "/api/v1/incidents/" + id, incident(title, massKg), "\"1\"", 200);
    }

    void retract(String incidents, String id) {
        send("POST", incidents + "/api/v1/incidents/" + id + "/retraction",
                "{\"reason\": \"reported in error (fault-injection suite)\"}", null, 200);
    }

    /** The alerts that went out for an incident, as the public sees them. */
    List<JsonNode> alerts(String notifications, String incidentId) {
        List<JsonNode> alerts = new ArrayList<>();
        send("GET", notifications + "/api/v1/alerts?incidentId=" + incidentId, null, null, 200).forEach(alerts::add);
        return alerts;
    }

    private static String incident(String title, long massKg) {
        return """
                {"title": "%s", "category": "LAUNCH_FAILURE", "occurredAt": "2013-07-02T02:38:22Z",
                 "location": {"type": "Point", "coordinates": [63.30, 45.62]},
                 "vehicle": "Proton-M", "launchSite": "Baikonur Site 81/24",
                 "releases": [{"substance": "UDMH", "massKg": %d}]}""".formatted(title, massKg);
    }

    JsonNode send(String method, String url, String body, String ifMatch, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", bearer)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method.toUpperCase(Locale.ROOT) + " " + url + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
