package org.steppewatch.incident.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.AlertIssued;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.GeoJsonModule;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.Topics;
import org.steppewatch.incident.KafkaPeer;
import org.steppewatch.incident.ServiceTestBase;

import tools.jackson.databind.JsonNode;

/** The console's server-sent events: what the service writes and consumes reaches an open stream at once. */
class LiveStreamTest extends ServiceTestBase {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    record Event(String name, String data) {
        JsonNode json() {
            return EventJson.mapper().readTree(data);
        }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private CompletableFuture<HttpResponse<Stream<String>>> stream;
    private KafkaPeer kafka;

    @BeforeEach
    void openStream() {
        kafka = new KafkaPeer(Topics.ALERTS);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events/stream"))
                .header("Accept", "text/event-stream").build();
        stream = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        stream.thenAcceptAsync(response -> {
            List<String> block = new ArrayList<>();
            response.body().forEach(line -> {
                if (!line.isEmpty()) {
                    block.add(line);
                    return;
                }
                String name = null;
                StringBuilder data = new StringBuilder();
                for (String field : block) {
                    if (field.startsWith("event:")) {
                        name = field.substring("event:".length()).strip();
                    } else if (field.startsWith("data:")) {
                        data.append(field.substring("data:".length()));
                    }
                }
                if (name != null) {
                    events.add(new Event(name, data.toString()));
                }
                block.clear();
            });
        });
        await().atMost(DEADLINE).until(() -> events.stream().anyMatch(e -> e.name().equals("ready")));
    }

    @AfterEach
    void closeStream() {
        stream.thenAccept(response -> response.body().close());
        stream.cancel(true);
        kafka.close();
    }

    @Test
    void aReportedIncidentItsAssessmentAndItsAlertAreStreamedAsTheyHappen() {
        HttpResponse<String> created = post("/api/v1/incidents", """
                {"title": "Proton-M %s", "category": "LAUNCH_FAILURE", "occurredAt": "2013-07-02T02:38:22Z",
                 "location": {"type": "Point", "coordinates": [63.0, 46.05]},
                 "releases": [{"substance": "UDMH", "massKg": 172000}]}""".formatted(UUID.randomUUID()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();

        Event reported = awaitEvent("incident", id);
        assertThat(reported.json().path("status").asString()).isEqualTo("REPORTED");
        assertThat(reported.json().path("location").path("coordinates").get(0).asDouble()).isEqualTo(63.0);

        kafka.publish(assessment(id), UUID.randomUUID().toString());
        Event assessed = awaitEvent("assessed", id);
        assertThat(assessed.json().path("status").asString()).isEqualTo("ASSESSED");
        assertThat(assessed.json().path("incidentVersion").asLong()).isEqualTo(1);
        assertThat(assessed.json().path("assessment").path("hazardZones").get(0).path("level").asString())
                .isEqualTo("AEGL-2");
        assertThat(assessed.json().path("assessment").path("hazardZones").get(0).path("geometry").path("type").asString())
                .isEqualTo("Polygon");

        kafka.publish(new AlertIssued(UUID.randomUUID().toString(), id, 1, "Alert", Instant.now(), Severity.SEVERE,
                "Immediate", "Likely", "Severe: LAUNCH_FAILURE", List.of("gn:1521368"), 2), UUID.randomUUID().toString());
        Event alert = awaitEvent("alert", id);
        assertThat(alert.json().path("recipients").asInt()).isEqualTo(2);
        assertThat(alert.json().path("severity").asString()).isEqualTo("Severe");
    }

    private Event awaitEvent(String name, String incidentId) {
        return await().atMost(DEADLINE).until(() -> events.stream()
                .filter(e -> e.name().equals(name) && e.data().contains(incidentId)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private static IncidentAssessed assessment(String id) {
        return new IncidentAssessed(id, 1, IncidentAssessed.assessmentId(id, 1), Instant.now(), "shipped",
                new IncidentAssessed.IncidentSummary("Proton-M", IncidentCategory.LAUNCH_FAILURE,
                        Instant.parse("2013-07-02T02:38:22Z"), Geo.point(63.0, 46.05)),
                new IncidentAssessed.FallZoneFinding("NO_ZONE_NEARBY", null, null, null, false),
                List.of(new IncidentAssessed.HazardZone("AEGL-2", "UDMH", 3.0, 60, GeoJsonModule.read(
                        "{\"type\":\"Polygon\",\"coordinates\":[[[63.0,46.05],[63.3,45.7],[63.4,45.8],[63.0,46.05]]]}"),
                        "gaussian-plume", List.of())),
                List.of(), List.of(), Severity.SEVERE, "Immediate", "Likely", "test");
    }
}
