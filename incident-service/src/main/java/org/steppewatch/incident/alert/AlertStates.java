package org.steppewatch.incident.alert;

import java.util.List;

import org.bson.Document;

/**
 * The state of each stored alert of one incident, worked out from all of them and the incident's cancellation:
 * CANCELLED below the cancelling version, else CURRENT for the highest version (the latest sent among equals),
 * else SUPERSEDED.
 */
final class AlertStates {

    static final String CURRENT = "CURRENT";
    static final String SUPERSEDED = "SUPERSEDED";
    static final String CANCELLED = "CANCELLED";

    private final Document cancellation;
    private final String currentId;

    /**
     * @param cancellation the incident's cancellation, or null
     * @param alerts       the incident's stored alerts, oldest version first
     */
    AlertStates(Document cancellation, List<Document> alerts) {
        // a cancellation stored by earlier releases on a document of its own, never issued: it cancelled them all
        this.cancellation = cancellation != null ? cancellation : alerts.stream()
                .filter(a -> !issued(a) && a.get("cancelled") != null).findFirst()
                .map(a -> new Document(a.get("cancelled", Document.class)).append("incidentVersion", Long.MAX_VALUE))
                .orElse(null);
        this.currentId = alerts.stream().filter(a -> issued(a) && cancellation(a) == null)
                .reduce((older, newer) -> newer).map(a -> a.getString("_id")).orElse(null);
    }

    /** An AlertIssued arrived for it (a document may hold only an earlier release's cancellation). */
    static boolean issued(Document alert) {
        return alert.getString("msgType") != null;
    }

    /** The cancellation that applies to the alert ({@code sent}, {@code reason}), or null. */
    Document cancellation(Document alert) {
        Document own = alert.get("cancelled", Document.class);
        if (own != null) {
            return own; // stored on the alert by earlier releases
        }
        Number version = (Number) alert.get("incidentVersion");
        return cancellation != null && version != null
                && version.longValue() < ((Number) cancellation.get("incidentVersion")).longValue() ? cancellation : null;
    }

    String state(Document alert) {
        return cancellation(alert) != null ? CANCELLED : alert.getString("_id").equals(currentId) ? CURRENT : SUPERSEDED;
    }
}
