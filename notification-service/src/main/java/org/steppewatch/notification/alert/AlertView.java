package org.steppewatch.notification.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.steppewatch.contracts.Severity;

/**
 * An alert as the API and the webhooks show it. {@code msgType} is the CAP message type: Alert
 * for an incident's first alert, Update (with {@code references}) for a later version's, Cancel
 * (referencing every earlier one) when the incident's assessments were withdrawn.
 *
 * @param references    ids of the earlier alerts this one updates or cancels
 * @param headline      the English headline; {@code texts} has all three languages
 * @param expires       when the alert stops being in force (CAP {@code expires})
 * @param status        ACTIVE, EXPIRED, SUPERSEDED (a later Update replaced it) or CANCELLED (a
 *                      later Cancel withdrew it); for a draft (signed-in users only) DRAFT (awaiting an
 *                      issuer), SUPERSEDED (a newer draft or alert of the incident replaced it), WITHDRAWN (the
 *                      incident was retracted) or REJECTED
 * @param supersededBy  the id of that Update
 * @param cancelledBy   the id of that Cancel
 * @param capUrl        where the CAP 1.2 document is ({@code application/cap+xml})
 * @param issuing       who reported and who approved, with times: for signed-in users only, null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AlertView(String id, String incidentId, long incidentVersion, String msgType, List<String> references,
                 Instant sent, Instant expires, String status, String supersededBy, String cancelledBy,
                 Severity severity, String urgency, String certainty, String category, String responseType,
                 String headline, String summary,
                 Map<String, Text> texts, List<String> settlementIds, List<Zone> hazardZones, int recipients,
                 String capUrl, Issuing issuing) {

    /** The same alert without the names of staff, as the public, the feed and webhooks see it. */
    AlertView forPublic() {
        return issuing == null ? this : new AlertView(id, incidentId, incidentVersion, msgType, references, sent, expires,
                status, supersededBy, cancelledBy, severity, urgency, certainty, category, responseType, headline,
                summary, texts, settlementIds, hazardZones, recipients, capUrl, null);
    }

    /** @param geometry GeoJSON */
    record Zone(String level, String substance, Map<String, Object> geometry) {
    }

    record Text(String headline, String description, String instruction) {
    }
}
