package org.steppewatch.incident.incident;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.Topics;
import org.steppewatch.incident.KafkaPeer;
import org.steppewatch.incident.ServiceTestBase;

import tools.jackson.databind.JsonNode;

/**
 * A report or revision whose event would exceed {@code steppewatch.incident.max-event-bytes} is refused with 413
 * and stores nothing; one just under the limit goes through and its event reaches Kafka. The limit is lowered to
 * 320,000 bytes, which the largest request of {@link LargeIncident} (about 334,000 bytes, its event about
 * 348,000) crosses and a shorter description does not. The listeners stay off in this context (it only writes).
 */
@TestPropertySource(properties = {"steppewatch.incident.max-event-bytes=" + EventSizeLimitTest.LIMIT,
        "spring.kafka.listener.auto-startup=false"})
class EventSizeLimitTest extends ServiceTestBase {

    static final int LIMIT = 320_000;
    private static final String INCIDENTS = "/api/v1/incidents";
    /** Each description character is three bytes in UTF-8, in the request and in the event. */
    private static final int BYTES_PER_CHAR = 3;
    /**
     * How far from the limit the two requests land. An event's size varies by 4 bytes between reports: its time has
     * no ".SSS" when the milliseconds are 0.
     */
    private static final int MARGIN = 6;

    private final String title = "event size " + UUID.randomUUID();

    @Test
    void anEventOverTheLimitIsRefusedWith413AndNothingStoredAndOneJustUnderIsPublished() {
        String largest = LargeIncident.json(title, 20_000);
        assertThat(largest.getBytes(UTF_8).length).as("under the HTTP body limit").isLessThan(1024 * 1024);

        JsonNode refused = problem(post(INCIDENTS, largest));
        long eventBytes = refused.path("eventBytes").asLong();
        assertThat(eventBytes).as("the event outgrows its request").isGreaterThan(largest.getBytes(UTF_8).length)
                .isGreaterThan(LIMIT);
        assertThat(refused.path("limitBytes").asLong()).isEqualTo(LIMIT);
        assertThat(refused.path("detail").asString()).contains(EventTypes.INCIDENT_REPORTED)
                .contains(eventBytes + " bytes").contains(LIMIT + " bytes").contains("nothing was stored");
        assertThat(stored()).isZero();

        long overBy = eventBytes - LIMIT;
        int justOver = 20_000 - (int) ((overBy - MARGIN) / BYTES_PER_CHAR);
        int justUnder = 20_000 - (int) ((overBy + MARGIN + BYTES_PER_CHAR - 1) / BYTES_PER_CHAR);
        JsonNode stillRefused = problem(post(INCIDENTS, LargeIncident.json(title, justOver)));
        assertThat(stillRefused.path("eventBytes").asLong()).isBetween((long) LIMIT + 1, (long) LIMIT + MARGIN + 4);
        assertThat(stored()).isZero();

        try (KafkaPeer kafka = new KafkaPeer(Topics.INCIDENTS)) {
            HttpResponse<String> created = post(INCIDENTS, LargeIncident.json(title, justUnder));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = json(created).path("id").asString();
            ConsumerRecord<String, String> published = kafka.awaitRecord(id, EventTypes.INCIDENT_REPORTED);
            // measured on what the broker returned, not by the service
            assertThat(published.value().getBytes(UTF_8).length).isBetween(LIMIT - MARGIN - 8, LIMIT);

            // a revision to the largest facts is refused too and leaves the incident and its history as they were
            JsonNode revision = problem(put(INCIDENTS + "/" + id, "\"1\"", LargeIncident.json(title + " revised", 20_000)));
            assertThat(revision.path("detail").asString()).contains(EventTypes.INCIDENT_REVISED);
            assertThat(json(get(INCIDENTS + "/" + id)).path("version").asLong()).isEqualTo(1);
            assertThat(mongo.count(query(where("incidentId").is(id)), IncidentRevisions.COLLECTION)).isZero();
        }
    }

    private long stored() {
        return mongo.count(query(where("facts.title").is(title)), IncidentDocuments.COLLECTION);
    }

    private static JsonNode problem(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = json(response);
        assertThat(body.path("type").asString()).isEqualTo("https://steppewatch.org/problems/event-too-large");
        assertThat(body.path("title").asString()).isEqualTo("Event too large");
        return body;
    }
}
