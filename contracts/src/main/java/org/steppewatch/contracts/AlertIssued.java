package org.steppewatch.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A public alert for one assessed incident version. {@code msgType} is the CAP message type:
 * Alert for the first version, Update for a revision.
 */
public record AlertIssued(
        String alertId,
        String incidentId,
        long incidentVersion,
        String msgType,
        Instant sent,
        Severity severity,
        String urgency,
        String certainty,
        String headline,
        List<String> settlementIds,
        int recipients) implements SteppeWatchEvent {

    public AlertIssued {
        settlementIds = settlementIds == null ? List.of() : List.copyOf(settlementIds);
    }

    @Override
    public String eventType() {
        return EventTypes.ALERT_ISSUED;
    }

    @Override
    public String topic() {
        return Topics.ALERTS;
    }
}
