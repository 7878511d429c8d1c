package org.steppewatch.incident.alert;

import java.time.Instant;
import java.util.List;

import org.steppewatch.contracts.Severity;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An alert notification-service issued for an incident, as the console lists it (read model of
 * {@code alerts.v1}). Delivery outcomes are not on Kafka: notification-service's
 * {@code /api/v1/alerts/{id}/deliveries} has them.
 *
 * @param recipients the subscriptions it went out to
 * @param state      CURRENT (the incident's alert in force), SUPERSEDED (a later version's alert replaced it) or
 *                   CANCELLED (the incident was retracted)
 * @param cancelled  when and why it was cancelled, for a cancelled alert
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AlertSummary(String alertId, String incidentId, Long incidentVersion, String msgType, Instant sent,
                    Severity severity, String urgency, String certainty, String headline, List<String> settlementIds,
                    Integer recipients, String state, Cancellation cancelled) {

    record Cancellation(Instant sent, String reason) {
    }
}
