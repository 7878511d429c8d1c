package org.steppewatch.incident.alert;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.steppewatch.incident.incident.IncidentStore;
import org.steppewatch.web.Problems;
import org.steppewatch.web.opendata.OpenDataArray;

@RestController
class AlertController {

    private final AlertStore alerts;
    private final IncidentStore incidents;

    AlertController(AlertStore alerts, IncidentStore incidents) {
        this.alerts = alerts;
        this.incidents = incidents;
    }

    /** The alerts issued for the incident (first alert, then updates), as seen on alerts.v1; also as CSV and GeoJSON. */
    @GetMapping("/api/v1/incidents/{id}/alerts")
    OpenDataArray<AlertSummary> forIncident(@PathVariable String id) {
        if (!incidents.exists(id)) {
            throw Problems.notFound("No incident with id " + id + ".");
        }
        return new OpenDataArray<>("alerts", alerts.forIncident(id), AlertRow::new);
    }
}
