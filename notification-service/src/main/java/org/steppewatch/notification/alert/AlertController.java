package org.steppewatch.notification.alert;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
    private static final int MAX_DELIVERIES = 10_000;
    private static final MediaType CAP = new MediaType("application", "cap+xml", StandardCharsets.UTF_8);

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

    /** The alert with how many of its deliveries are in each state; who they went to is not public. */
    @GetMapping("/{id}")
    AlertDetail get(@PathVariable String id) {
        AlertView alert = alerts.find(id).orElseThrow(() -> Problems.notFound("no alert " + id));
        return new AlertDetail(alert, deliveries.countsByState(id));
    }

    /** The CAP 1.2 document as it was issued ({@code application/cap+xml}), valid against the OASIS schema. */
    @GetMapping("/{id}/cap")
    ResponseEntity<String> cap(@PathVariable String id) {
        String xml = alerts.cap(id).orElseThrow(() -> Problems.notFound("no alert " + id));
        return ResponseEntity.ok().contentType(CAP).body(xml);
    }

    /**
     * Every delivery of the alert with every attempt, in id order, {@code limit} at a time (default
     * 1000, at most 10,000); pass the last id seen as {@code after} for the next page.
     */
    @GetMapping("/{id}/deliveries")
    List<DeliveryView> deliveries(@PathVariable String id, @RequestParam(required = false) String after,
                                  @RequestParam(defaultValue = "1000") int limit) {
        if (!alerts.exists(id)) {
            throw Problems.notFound("no alert " + id);
        }
        return deliveries.forAlert(id, after == null || after.isBlank() ? null : after,
                Math.max(1, Math.min(limit, MAX_DELIVERIES)));
    }
}
