package org.steppewatch.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.Topics;
import org.steppewatch.testsupport.TestIssuer;

import tools.jackson.databind.JsonNode;

/**
 * The dead-letter API on the running service: a malformed assessment it could not read is listed with where it
 * came from, and a replay sends it back to assessments.v1, where (still malformed) it fails and is dead-lettered
 * anew, while the replayed entry is gone.
 */
class DeadLetterApiTest extends ServiceTestBase {

    private static final String ADMIN = TestIssuer.get().bearer("adm", "admin");

    @Test
    void aDeadLetterIsListedAndReplayedToItsTopic() {
        String key = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        try (KafkaPeer kafka = new KafkaPeer(Topics.deadLetter(Topics.ASSESSMENTS))) {
            kafka.publish(Topics.ASSESSMENTS, key, EventTypes.INCIDENT_ASSESSED, "{\"incidentVersion\": \"one\"", eventId);
        }

        JsonNode first = await().atMost(Duration.ofSeconds(60)).until(() -> listed(key), Optional::isPresent).orElseThrow();
        assertThat(first.path("topic").asString()).isEqualTo("assessments.v1.DLT");
        assertThat(first.path("originalTopic").asString()).isEqualTo("assessments.v1");
        assertThat(first.path("eventId").asString()).isEqualTo(eventId);
        assertThat(first.path("eventType").asString()).isEqualTo(EventTypes.INCIDENT_ASSESSED);
        assertThat(first.path("exceptionCause").asString()).startsWith("tools.jackson");
        assertThat(first.path("timestamp").asString()).endsWith("Z");

        String coordinates = "{\"topic\":\"assessments.v1.DLT\",\"partition\":" + first.path("partition").asInt()
                + ",\"offset\":" + first.path("offset").asLong() + "}";
        HttpResponse<String> replayed = replay(coordinates);
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(json(replayed).path("replayed").asInt()).isEqualTo(1);

        // still malformed: it fails again and waits as a new dead letter, at a later offset
        JsonNode again = await().atMost(Duration.ofSeconds(60))
                .until(() -> listed(key), l -> l.isPresent() && l.get().path("offset").asLong() != first.path("offset").asLong())
                .orElseThrow();
        assertThat(again.path("offset").asLong()).isGreaterThan(first.path("offset").asLong());
        assertThat(again.path("eventId").asString()).isEqualTo(eventId);
        assertThat(replay(coordinates).statusCode()).isEqualTo(404);
    }

    private Optional<JsonNode> listed(String key) {
        HttpResponse<String> response = send(request("/api/v1/dead-letters").GET(), ADMIN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode letter : json(response).path("deadLetters")) {
            if (key.equals(letter.path("key").asString())) {
                return Optional.of(letter);
            }
        }
        return Optional.empty();
    }

    private HttpResponse<String> replay(String body) {
        return send(request("/api/v1/dead-letters/replay").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), ADMIN);
    }
}
