package org.steppewatch.contracts;

import java.time.Instant;

/** An analyst withdrew an incident; assessments and alerts for it are withdrawn too. */
public record IncidentRetracted(String incidentId, long version, Instant retractedAt, String reason)
        implements SteppeWatchEvent {

    @Override
    public String eventType() {
        return EventTypes.INCIDENT_RETRACTED;
    }

    @Override
    public String topic() {
        return Topics.INCIDENTS;
    }
}
