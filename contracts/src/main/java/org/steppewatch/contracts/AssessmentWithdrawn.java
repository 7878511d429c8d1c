package org.steppewatch.contracts;

import java.time.Instant;
import java.util.List;

/**
 * The assessments of an incident no longer stand because the incident was retracted. Notifiers
 * cancel the alerts they issued for it (CAP msgType Cancel).
 *
 * @param incidentVersion the version of the incident that retracted it
 * @param assessmentIds   the assessments withdrawn ({@code incidentId:version})
 * @param reportedBy      who retracted the incident (from IncidentRetracted); null when not known
 */
public record AssessmentWithdrawn(String incidentId, long incidentVersion, Instant withdrawnAt, String reason,
                                  List<String> assessmentIds, ReportedBy reportedBy) implements SteppeWatchEvent {

    public AssessmentWithdrawn {
        assessmentIds = assessmentIds == null ? List.of() : List.copyOf(assessmentIds);
    }

    /** An event as written before reporters were recorded. */
    public AssessmentWithdrawn(String incidentId, long incidentVersion, Instant withdrawnAt, String reason,
                               List<String> assessmentIds) {
        this(incidentId, incidentVersion, withdrawnAt, reason, assessmentIds, null);
    }

    @Override
    public String eventType() {
        return EventTypes.ASSESSMENT_WITHDRAWN;
    }

    @Override
    public String topic() {
        return Topics.ASSESSMENTS;
    }
}
