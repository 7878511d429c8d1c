package org.steppewatch.notification.alert;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steppewatch.notification.delivery.DeliveryStore;
import org.steppewatch.notification.delivery.DeliveryView;
import org.steppewatch.web.Problems;

@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

    private static final int MAX_LIMIT = 500;

    private final AlertStore alerts;
    private final DeliveryStore deliveries;

    AlertController(AlertStore alerts, DeliveryStore deliveries) {
        this.alerts = alerts;
        this.deliveries = deliveries;
    }

    /** Newest first. */
    @GetMapping
    List<AlertView> list(@RequestParam(required = false) String incidentId,
                         @RequestParam(defaultValue = "100") int limit) {
        return alerts.list(incidentId == null || incidentId.isBlank() ? null : incidentId,
                Math.max(1, Math.min(limit, MAX_LIMIT)));
    }

    @GetMapping("/{id}")
    AlertView get(@PathVariable String id) {
        return alerts.find(id).orElseThrow(() -> Problems.notFound("no alert " + id));
    }

    @GetMapping("/{id}/deliveries")
    List<DeliveryView> deliveries(@PathVariable String id) {
        if (!alerts.exists(id)) {
            throw Problems.notFound("no alert " + id);
        }
        return deliveries.forAlert(id);
    }
}
