package org.steppewatch.notification.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.steppewatch.contracts.Severity;

/**
 * An alert as the API and the webhooks show it. {@code msgType} is the CAP message type: Alert
 * for an incident's first alert, Update (with {@code references}) for a later version's.
 */
record AlertView(String id, String incidentId, long incidentVersion, String msgType, List<String> references,
                 Instant sent, Severity severity, String urgency, String certainty, String headline, String summary,
                 List<String> settlementIds, List<Zone> hazardZones, int recipients) {

    /** @param geometry GeoJSON */
    record Zone(String level, String substance, Map<String, Object> geometry) {
    }
}
