package org.steppewatch.incident.incident;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

@JsonIgnoreProperties(ignoreUnknown = true)
record RetractionRequest(String reason) {
}
