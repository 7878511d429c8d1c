package org.steppewatch.contracts;

import java.time.Instant;

/**
 * The incident's earlier alerts no longer stand (it was retracted). {@code alertId} is the Cancel message's own id, which
 * references every earlier alert of the incident.
 */
public record AlertCancelled(String alertId, String incidentId, long incidentVersion, Instant sent,
                             String reason) implements SteppeWatchEvent {

    @Override
    public String eventType() {
        return EventTypes.ALERT_CANCELLED;
    }

    @Override
    public String topic() {
        return Topics.ALERTS;
    }
}
