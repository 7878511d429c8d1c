package org.steppewatch.notification.alert;

/** The body of {@code POST /api/v1/alerts/{id}/rejection}: why the issuer refuses the draft (kept with it). */
record RejectionRequest(String reason) {

    static final int MAX_REASON = 2000;
}
