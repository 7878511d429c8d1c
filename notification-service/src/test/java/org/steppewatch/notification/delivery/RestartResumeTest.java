package org.steppewatch.notification.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.notification.TestMail;
import org.steppewatch.notification.WebhookReceiver;
import org.steppewatch.testsupport.TestInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries outlive the service: stop it while a webhook receiver and the SMTP relay are down,
 * start a new one on the same database once they are back, and everything open completes, once.
 */
class RestartResumeTest {

    private static final Duration DEADLINE = Duration.ofSeconds(40);
    private static final JsonMapper JSON = EventJson.mapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private JsonNode call(int port, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static List<Document> openDeliveries(ConfigurableApplicationContext context) {
        MongoTemplate mongo = context.getBean(MongoTemplate.class);
        return mongo.findAll(Document.class, "deliveries").stream()
                .filter(d -> List.of("PENDING", "RETRYING").contains(d.getString("state"))).toList();
    }

    @Test
    void deliveriesOpenAtAStopCompleteAfterARestartOnTheSameDatabaseExactlyOnce() throws Exception {
        String uri = TestInfrastructure.get().mongoUri("restart");
        String database = URI.create(uri.replace("mongodb://", "http://")).getPath().substring(1);
        int hookPort = WebhookReceiver.freePort();
        int deadMailPort = WebhookReceiver.freePort();
        String address = "council-" + System.nanoTime() + "@baikonur.example.kz";
        String incident = "inc-restart-" + UUID.randomUUID();
        List<Document> openAtStop;

        ConfigurableApplicationContext first = StandaloneService.start(uri, database, deadMailPort, Map.of());
        try {
            int port = StandaloneService.port(first);
            call(port, "POST", "/api/v1/subscriptions", JSON.writeValueAsString(Map.of("name", "Baikonur council",
                    "area", StandaloneService.ULYTAU_AREA, "language", "ru",
                    "channel", Map.of("type", "webhook", "url", "http://127.0.0.1:" + hookPort + "/hooks"))));
            JsonNode email = call(port, "POST", "/api/v1/subscriptions", JSON.writeValueAsString(Map.of("name", "Akimat",
                    "area", StandaloneService.ULYTAU_AREA, "language", "en",
                    "channel", Map.of("type", "email", "address", address))));
            assertThat(email.get("state").stringValue()).isEqualTo("PENDING_CONFIRMATION");
            StandaloneService.publish(incident);
            // the webhook receiver and the SMTP relay are both down: two open deliveries, retried and failing
            await().atMost(DEADLINE).until(() -> {
                List<Document> open = openDeliveries(first);
                return open.size() == 2 && open.stream().allMatch(d -> d.getInteger("attemptCount", 0) >= 2);
            });
        } finally {
            first.close();
        }
        // between the two instances: both deliveries are open, and a graceful stop handed back what it held
        try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(uri)) {
            openAtStop = new ArrayList<>();
            client.getDatabase(database).getCollection("deliveries").find().into(openAtStop);
        }
        assertThat(openAtStop).hasSize(2).allSatisfy(d -> {
            assertThat(d.getString("state")).isEqualTo("RETRYING");
            assertThat(d.get("leaseToken")).isNull();
        });

        try (WebhookReceiver receiver = WebhookReceiver.startOn(hookPort)) {
            ConfigurableApplicationContext second = StandaloneService.start(uri, database, TestMail.port(), Map.of());
            try {

                await().atMost(DEADLINE).until(() -> receiver.requests().size() == 1 && TestMail.to(address).size() == 1);
                await().atMost(DEADLINE).until(() -> openDeliveries(second).isEmpty());
                MongoTemplate mongo = second.getBean(MongoTemplate.class);
                for (Document d : mongo.findAll(Document.class, "deliveries")) {
                    assertThat(d.getString("state")).isEqualTo("SENT");
                    List<Document> attempts = d.getList("attempts", Document.class);
                    assertThat(attempts.size()).isGreaterThanOrEqualTo(3);
                    assertThat(attempts.get(0).getString("outcome")).isEqualTo("connection_error");
                    assertThat(attempts.get(attempts.size() - 1).getString("outcome")).isEqualTo("success");
                }
                assertThat(TestMail.to(address).get(0).getSubject()).isEqualTo("Confirm your Steppe Watch alert subscription");
                assertThat(JSON.readTree(receiver.requests().get(0).body()).at("/data/incidentId").stringValue())
                        .isEqualTo(incident);
                // and nothing more arrives
                await().during(Duration.ofSeconds(1)).atMost(DEADLINE).until(() -> receiver.requests().size() == 1);
            } finally {
                second.close();
            }
        }
    }
}
