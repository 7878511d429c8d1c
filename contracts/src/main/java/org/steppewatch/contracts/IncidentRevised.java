package org.steppewatch.contracts;

import java.time.Instant;

/** An analyst revised an incident; {@code facts} replace those of the previous version. */
public record IncidentRevised(String incidentId, long version, Instant revisedAt, IncidentFacts facts)
        implements SteppeWatchEvent {

    @Override
    public String eventType() {
        return EventTypes.INCIDENT_REVISED;
    }

    @Override
    public String topic() {
        return Topics.INCIDENTS;
    }
}
