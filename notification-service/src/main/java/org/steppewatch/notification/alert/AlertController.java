package org.steppewatch.notification.alert;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steppewatch.notification.delivery.DeliveryStore;
import org.steppewatch.notification.delivery.DeliveryView;
import org.steppewatch.security.Actor;
import org.steppewatch.web.FieldProblem;
import org.steppewatch.web.Problems;
import org.steppewatch.web.opendata.OpenDataArray;

@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

    private static final int MAX_LIMIT = 500;
    /** The {@code status} values of the draft listing (see {@code AccessRules}). */
    static final List<String> INTERNAL_STATES = List.of(Issuing.DRAFT, Issuing.REJECTED);
    private static final int MAX_DELIVERIES = 10_000;
    private static final MediaType CAP = new MediaType("application", "cap+xml", StandardCharsets.UTF_8);

    private final AlertStore alerts;
    private final DraftStore drafts;
    private final DraftReview review;
    private final DeliveryStore deliveries;

    AlertController(AlertStore alerts, DraftStore drafts, DraftReview review, DeliveryStore deliveries) {
        this.alerts = alerts;
        this.drafts = drafts;
        this.review = review;
        this.deliveries = deliveries;
    }

    /**
     * Alerts that went out, newest first. {@code status=DRAFT} lists the drafts awaiting an issuer and
     * {@code status=REJECTED} the refused ones instead: for signed-in users only (the access rules ask for a token).
     * Signed-in users also see who reported and who approved each alert ({@code issuing}). Also as CSV and
     * GeoJSON ({@link AlertRow}).
     */
    @GetMapping
    OpenDataArray<AlertView> list(@RequestParam(required = false) String incidentId,
                                  @RequestParam(defaultValue = "100") int limit,
                                  @RequestParam(required = false) String status) {
        String incident = incidentId == null || incidentId.isBlank() ? null : incidentId;
        int capped = Math.max(1, Math.min(limit, MAX_LIMIT));
        if (status == null || status.isBlank()) {
            return new OpenDataArray<>("alerts", alerts.list(incident, capped, signedIn()), AlertRow::new);
        }
        if (!INTERNAL_STATES.contains(status) || !signedIn()) {
            throw Problems.invalid("status must be one of " + INTERNAL_STATES + " (for signed-in users); without it "
                    + "the alerts that went out are listed", List.of(new FieldProblem("status", "unknown status")));
        }
        return new OpenDataArray<>("alerts", drafts.list(status, incident, capped), AlertRow::new);
    }

    /**
     * The alert with how many of its deliveries are in each state (who they went to is not public); a draft only for
     * signed-in users (404 for the public, as if it did not exist).
     */
    @GetMapping("/{id}")
    AlertDetail get(@PathVariable String id) {
        AlertView alert = alerts.find(id, signedIn()).orElseThrow(() -> Problems.notFound("no alert " + id));
        return new AlertDetail(alert, deliveries.countsByState(id));
    }

    /**
     * The CAP 1.2 document as it was issued ({@code application/cap+xml}), valid against the OASIS schema; a
     * draft's (CAP {@code status} Draft) for signed-in users only.
     */
    @GetMapping("/{id}/cap")
    ResponseEntity<String> cap(@PathVariable String id) {
        String xml = alerts.cap(id, signedIn()).orElseThrow(() -> Problems.notFound("no alert " + id));
        return ResponseEntity.ok().contentType(CAP).body(xml);
    }

    /** An issuer approves a draft: it goes out now. 409 when a newer version, a retraction or a decision closed it. */
    @PostMapping("/{id}/approval")
    AlertView approve(@PathVariable String id) {
        return review.approve(id, Actor.current());
    }

    /** An issuer refuses a draft, with a reason: nothing is sent. */
    @PostMapping("/{id}/rejection")
    AlertView reject(@PathVariable String id, @RequestBody RejectionRequest request) {
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty() || reason.length() > RejectionRequest.MAX_REASON) {
            throw Problems.invalid("A rejection needs a reason of 1 to " + RejectionRequest.MAX_REASON + " characters.",
                    List.of(new FieldProblem("reason", reason.isEmpty() ? "required" : "too long")));
        }
        return review.reject(id, Actor.current(), reason);
    }

    private static boolean signedIn() {
        return Actor.current() != null;
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
