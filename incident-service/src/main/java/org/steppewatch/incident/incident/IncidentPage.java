package org.steppewatch.incident.incident;

import java.util.List;

record IncidentPage(List<IncidentResponse> items, int page, int size, long total) {
}
