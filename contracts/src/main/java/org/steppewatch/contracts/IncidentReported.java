package org.steppewatch.contracts;

import java.time.Instant;

/**
 * An analyst registered a new incident; {@code version} is 1.
 *
 * @param reportedBy who reported it; null in events from before reporters were recorded
 */
public record IncidentReported(String incidentId, long version, Instant reportedAt, IncidentFacts facts,
                               ReportedBy reportedBy) implements SteppeWatchEvent {

    /** An event as written before reporters were recorded. */
    public IncidentReported(String incidentId, long version, Instant reportedAt, IncidentFacts facts) {
        this(incidentId, version, reportedAt, facts, null);
    }

    @Override
    public String eventType() {
        return EventTypes.INCIDENT_REPORTED;
    }

    @Override
    public String topic() {
        return Topics.INCIDENTS;
    }
}
