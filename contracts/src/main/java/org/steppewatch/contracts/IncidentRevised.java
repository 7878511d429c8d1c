package org.steppewatch.contracts;

import java.time.Instant;

/**
 * An analyst revised an incident; {@code facts} replace those of the previous version.
 *
 * @param reportedBy who revised it; null in events from before reporters were recorded
 */
public record IncidentRevised(String incidentId, long version, Instant revisedAt, IncidentFacts facts,
                              ReportedBy reportedBy) implements SteppeWatchEvent {

    /** An event as written before reporters were recorded. */
    public IncidentRevised(String incidentId, long version, Instant revisedAt, IncidentFacts facts) {
        this(incidentId, version, revisedAt, facts, null);
    }

    @Override
    public String eventType() {
        return EventTypes.INCIDENT_REVISED;
    }

    @Override
    public String topic() {
        return Topics.INCIDENTS;
    }
}
