package org.steppewatch.eventing;

import java.time.Instant;
import java.util.UUID;

import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.SteppeWatchEvent;

/**
 * An event waiting inside its aggregate's MongoDB document to be published. Stored in the same
 * document write as the state change it announces, so the two can never disagree.
 */
public record OutboxMessage(String eventId, String type, String topic, String key, Instant time, String payload) {

    public static final String FIELD = "outbox";

    public static OutboxMessage of(SteppeWatchEvent event, Instant time) {
        return new OutboxMessage(UUID.randomUUID().toString(), event.eventType(), event.topic(), event.incidentId(),
                time, EventJson.write(event));
    }

    /** An event outside the public contract (an operational one), already serialised by its producer. */
    public static OutboxMessage ofOperational(String type, String topic, String key, String payload, Instant time) {
        return new OutboxMessage(UUID.randomUUID().toString(), type, topic, key, time, payload);
    }
}
