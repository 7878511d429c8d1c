package org.steppewatch.incident.incident;

import java.time.Instant;

import org.steppewatch.contracts.IncidentFacts;

/** The incident aggregate as stored: the facts of the current version and where it is in its life. */
record Incident(String id, long version, IncidentStatus status, IncidentFacts facts, Instant reportedAt,
                Instant updatedAt, Retraction retraction) {

    record Retraction(String reason, Instant retractedAt) {
    }
}
