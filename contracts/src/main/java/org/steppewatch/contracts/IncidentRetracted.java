package org.steppewatch.contracts;

import java.time.Instant;

/**
 * An analyst withdrew an incident; assessments and alerts for it are withdrawn too.
 *
 * @param reportedBy who retracted it; null in events from before reporters were recorded
 */
public record IncidentRetracted(String incidentId, long version, Instant retractedAt, String reason,
                                ReportedBy reportedBy) implements SteppeWatchEvent {

    /** An event as written before reporters were recorded. */
    public IncidentRetracted(String incidentId, long version, Instant retractedAt, String reason) {
        this(incidentId, version, retractedAt, reason, null);
    }

    @Override
    public String eventType() {
        return EventTypes.INCIDENT_RETRACTED;
    }

    @Override
    public String topic() {
        return Topics.INCIDENTS;
    }
}
