package org.steppewatch.eventing;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.steppewatch.contracts.AlertCancelled;
import org.steppewatch.contracts.AlertIssued;
import org.steppewatch.contracts.AssessmentWithdrawn;
import org.steppewatch.contracts.ContaminationEvent;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentReported;
import org.steppewatch.contracts.IncidentRetracted;
import org.steppewatch.contracts.IncidentRevised;
import org.steppewatch.contracts.SteppeWatchEvent;

import tools.jackson.databind.JsonNode;

/**
 * An event waiting inside its aggregate's MongoDB document to be published. Stored in the same
 * document write as the state change it announces, so the two can never disagree.
 *
 * @param sequence the incident version the event describes: the relay publishes one incident's
 *                 events in this order, whichever document or collection holds them
 */
public record OutboxMessage(String eventId, String type, String topic, String key, Instant time, String payload,
                            long sequence) {

    public static final String FIELD = "outbox";

    public static OutboxMessage of(SteppeWatchEvent event, Instant time) {
        return new OutboxMessage(UUID.randomUUID().toString(), event.eventType(), event.topic(), event.incidentId(),
                time, EventJson.write(event), versionOf(event));
    }

    /** A contamination event: keyed by its site, result or facility, in its {@link ContaminationEvent#sequence()}. */
    public static OutboxMessage of(ContaminationEvent event, Instant time) {
        return new OutboxMessage(UUID.randomUUID().toString(), event.eventType(), event.topic(), event.key(), time,
                EventJson.write(event), event.sequence());
    }

    /** The element of an {@code outbox} array, as the relay reads it back. */
    public Document toDocument() {
        return new Document("eventId", eventId)
                .append("type", type)
                .append("topic", topic)
                .append("key", key)
                .append("time", Date.from(time))
                .append("payload", payload)
                .append("sequence", sequence);
    }

    /**
     * Reads an element of an {@code outbox} array. One stored without {@code sequence} (written before it
     * existed, or by code that lists the fields itself) gets it from the payload's version.
     */
    static OutboxMessage fromDocument(Document stored) {
        String payload = stored.getString("payload");
        Object time = stored.get("time");
        Instant instant = time instanceof Date date ? date.toInstant() : Instant.parse(String.valueOf(time));
        Object sequence = stored.get("sequence");
        return new OutboxMessage(stored.getString("eventId"), stored.getString("type"), stored.getString("topic"),
                stored.getString("key"), instant, payload,
                sequence instanceof Number n ? n.longValue() : versionIn(payload));
    }

    // the sealed interface names no version accessor; every event carries the incident version it describes
    static long versionOf(SteppeWatchEvent event) {
        if (event instanceof IncidentReported e) {
            return e.version();
        } else if (event instanceof IncidentRevised e) {
            return e.version();
        } else if (event instanceof IncidentRetracted e) {
            return e.version();
        } else if (event instanceof IncidentAssessed e) {
            return e.incidentVersion();
        } else if (event instanceof AssessmentWithdrawn e) {
            return e.incidentVersion();
        } else if (event instanceof AlertIssued e) {
            return e.incidentVersion();
        } else if (event instanceof AlertCancelled e) {
            return e.incidentVersion();
        }
        throw new IllegalArgumentException("no version known for " + event.getClass().getName());
    }

    private static long versionIn(String payload) {
        try {
            JsonNode json = EventJson.mapper().readTree(payload);
            JsonNode version = json.has("version") ? json.get("version") : json.path("incidentVersion");
            return version.asLong(0);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * An event outside the public contract (an operational one), already serialised by its producer. It describes
     * no incident version: sequence 0, so among its key's waiting events it goes by time.
     */
    public static OutboxMessage ofOperational(String type, String topic, String key, String payload, Instant time) {
        return new OutboxMessage(UUID.randomUUID().toString(), type, topic, key, time, payload, 0);
    }
}
