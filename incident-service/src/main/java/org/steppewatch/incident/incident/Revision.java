package org.steppewatch.incident.incident;

import java.time.Instant;

import org.steppewatch.contracts.IncidentFacts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One version of an incident as {@code GET /api/v1/incidents/{id}/revisions} shows it.
 *
 * @param change REPORTED, REVISED or RETRACTED
 * @param facts  the facts of this version; absent for a retraction, which changes none
 * @param reason why it was retracted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Revision(long version, String change, Instant at, IncidentFacts facts, String reason) {

    static final String REPORTED = "REPORTED";
    static final String REVISED = "REVISED";
    static final String RETRACTED = "RETRACTED";
}
