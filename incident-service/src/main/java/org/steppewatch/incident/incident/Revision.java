package org.steppewatch.incident.incident;

import java.time.Instant;

import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.ReportedBy;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One version of an incident as {@code GET /api/v1/incidents/{id}/revisions} shows it.
 *
 * @param change REPORTED, REVISED or RETRACTED
 * @param facts  the facts of this version; absent for a retraction, which changes none
 * @param reason why it was retracted
 * @param by     who made the change: shown to signed-in users only (a member of staff's name)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Revision(long version, String change, Instant at, IncidentFacts facts, String reason, ReportedBy by) {

    /** The revision as the public sees it: without the name of who made it. */
    Revision anonymous() {
        return new Revision(version, change, at, facts, reason, null);
    }

    static final String REPORTED = "REPORTED";
    static final String REVISED = "REVISED";
    static final String RETRACTED = "RETRACTED";
}
