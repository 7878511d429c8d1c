package org.steppewatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The services' REST APIs from the tests, where a test sets the scene the browser then shows. */
final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    static JsonNode get(String url) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
        assertThat(response.statusCode()).as("GET %s -> %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static JsonNode get(String url, String header, String value) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).header(header, value).GET());
        assertThat(response.statusCode()).as("GET %s -> %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static int status(String url, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(url)).header(header, value).GET()).statusCode();
    }

    /** A write as the bootstrap client (every role) makes it. */
    static JsonNode post(String url, String json) {
        return post(url, json, Tokens.cli());
    }

    /** A write of another content type (an import) as the bootstrap client. */
    static JsonNode postTyped(String url, String contentType, String body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + Tokens.cli())
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as("POST %s -> %s", url, response.body()).isIn(200, 201);
        return JSON.readTree(response.body());
    }

    static JsonNode post(String url, String json, String token) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(response.statusCode()).as("POST %s -> %s", url, response.body()).isIn(200, 201);
        return JSON.readTree(response.body());
    }

    /** The status of a write with this token, or without one ({@code null}). */
    static int postStatus(String url, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request).statusCode();
    }

    static JsonNode put(String url, String ifMatch, String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).header("If-Match", ifMatch)
                .header("Authorization", "Bearer " + Tokens.cli())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(response.statusCode()).as("PUT %s -> %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** A form post (a token request), with an Authorization header. */
    static JsonNode form(String url, String authorization, String body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as("POST %s -> %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
