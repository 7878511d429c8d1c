package org.steppewatch.incident.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.incident.IncidentServiceApplication;
import org.steppewatch.testsupport.TestInfrastructure;
import org.steppewatch.testsupport.TestIssuer;

import tools.jackson.databind.JsonNode;

/**
 * With no broker reachable the service still takes reports (the event waits in the document's
 * outbox) and reports itself healthy: Kafka is not part of its health.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + IncidentServiceApplication.CONFIG_NAME,
                // nothing listens on port 1: every Kafka client of the service fails to connect
                "spring.kafka.bootstrap-servers=localhost:1",
                "steppewatch.eventing.create-topics=false",
                // fail fast instead of the production timeouts; the relay keeps retrying in the background
                "spring.kafka.producer.properties.max.block.ms=500",
                "steppewatch.eventing.send-timeout=1s"})
// close this context after the class: its clients would otherwise keep retrying the missing broker
@DirtiesContext
class KafkaOutageTest {

    private static final String MONGO_URI = TestInfrastructure.get().mongoUri("incident-outage");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO_URI);
        registry.add("spring.mongodb.database", () -> MONGO_URI.substring(MONGO_URI.lastIndexOf('/') + 1).split("\\?")[0]);
        registry.add("steppewatch.security.issuer-uri", () -> TestIssuer.get().issuer());
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void reportsAreStoredWithTheirEventPendingAndHealthStaysUp() throws Exception {
        String title = "reported while Kafka is down " + UUID.randomUUID();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents"))
                .header("Content-Type", "application/json")
                .header("Authorization", TestIssuer.get().bearer("analyst-test", "analyst"))
                .POST(HttpRequest.BodyPublishers.ofString(ProtonM2013.json(title))).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode incident = EventJson.mapper().readTree(created.body());
        Document stored = mongo.findById(incident.path("id").asString(), Document.class, IncidentDocuments.COLLECTION);
        List<Document> outbox = stored.getList("outbox", Document.class);
        assertThat(outbox).singleElement().satisfies(message -> {
            assertThat(message.getString("type")).isEqualTo(EventTypes.INCIDENT_REPORTED);
            assertThat(message.getString("key")).isEqualTo(incident.path("id").asString());
        });
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(EventJson.mapper().readTree(health.body()).path("status").asString()).isEqualTo("UP");
    }
}
