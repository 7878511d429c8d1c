package org.steppewatch.incident.live;

/**
 * Something the analyst console should show at once, published as a Spring application event by
 * the service's own writes and consumers and pushed to every open event stream.
 *
 * @param type the server-sent event name: {@code incident}, {@code assessed} or {@code alert}
 * @param data the event's JSON body
 */
public record LiveUpdate(String type, String incidentId, Object data) {

    /** An incident was reported, revised or retracted; data = the incident as the API shows it. */
    public static final String INCIDENT = "incident";
    /** An assessment arrived; data = {incidentId, incidentVersion, status, assessment}. */
    public static final String ASSESSED = "assessed";
    /** An alert was issued or cancelled for an incident; data = the alert as the console lists it. */
    public static final String ALERT = "alert";
}
