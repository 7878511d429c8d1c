package org.steppewatch.incident.incident;

/** The body of a retraction; any other field is refused. */
record RetractionRequest(String reason) {
}
