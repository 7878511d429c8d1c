package org.steppewatch.contracts;

import java.time.Instant;

/** An earlier alert no longer stands (the incident was retracted). */
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
