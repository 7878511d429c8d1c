package org.steppewatch.contracts;

import java.time.Instant;

/** An analyst registered a new incident; {@code version} is 1. */
public record IncidentReported(String incidentId, long version, Instant reportedAt, IncidentFacts facts)
        implements SteppeWatchEvent {

    @Override
    public String eventType() {
        return EventTypes.INCIDENT_REPORTED;
    }

    @Override
    public String topic() {
        return Topics.INCIDENTS;
    }
}
