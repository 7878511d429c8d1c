package org.steppewatch.incident;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.testsupport.TestInfrastructure;
import org.steppewatch.testsupport.TestIssuer;

import tools.jackson.databind.JsonNode;

/**
 * The whole service on a random port against the real broker and MongoDB of
 * {@link TestInfrastructure}. Every test class extending this shares one Spring context (same
 * configuration), with its own database and consumer group.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + IncidentServiceApplication.CONFIG_NAME)
public abstract class ServiceTestBase {

    /** The service's consumer group, so tests can see how far it has read. */
    protected static final String GROUP_ID = "incident-service-test-" + UUID.randomUUID();
    private static final String MONGO_URI = TestInfrastructure.get().mongoUri("incident-test");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.get().kafkaBootstrapServers());
        registry.add("spring.mongodb.uri", () -> MONGO_URI);
        registry.add("spring.mongodb.database", () -> databaseOf(MONGO_URI));
        registry.add("spring.kafka.consumer.group-id", () -> GROUP_ID);
        registry.add("steppewatch.security.issuer-uri", () -> TestIssuer.get().issuer());
    }

    /**
     * The caller of {@link #post} and {@link #put}: an analyst who is also the issuer, whose reports go out at once.
     * Access tests pass their own {@code Authorization} through {@link #send(HttpRequest.Builder, String)}.
     */
    protected static final String ANALYST = TestIssuer.get().bearer("analyst-test", "analyst", "issuer");

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    protected HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    protected HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").header("Authorization", ANALYST)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    protected HttpResponse<String> post(String path, String ifMatch, String json) {
        return send(request(path).header("Content-Type", "application/json").header("If-Match", ifMatch)
                .header("Authorization", ANALYST).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A POST whose body is streamed chunked, without a Content-Length. */
    protected HttpResponse<String> postChunked(String path, String json) {
        byte[] bytes = json.getBytes(UTF_8);
        return send(request(path).header("Content-Type", "application/json").header("Authorization", ANALYST)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build());
    }

    protected HttpResponse<String> put(String path, String ifMatch, String json) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .header("Authorization", ANALYST).PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return send(builder.build());
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return EventJson.mapper().readTree(response.body());
    }

    /** A request as built, with {@code authorization} as its {@code Authorization} header unless null. */
    protected HttpResponse<String> send(HttpRequest.Builder request, String authorization) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String databaseOf(String uri) {
        String path = uri.substring(uri.indexOf('/', "mongodb://".length()) + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
