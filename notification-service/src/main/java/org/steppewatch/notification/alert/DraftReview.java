package org.steppewatch.notification.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.security.Actor;
import org.steppewatch.web.Problems;

/**
 * An issuer's decision on a draft. Approval sends it exactly as an issuer's own report would have gone out, composed
 * anew at that moment: CAP {@code Actual}, Alert or Update of what the incident's subscribers were told by then, to
 * the subscriptions that match now, on the feed and on alerts.v1. Rejection sends nothing. Either refuses (409) a
 * draft that a newer version of the incident, its retraction or another decision has closed, so a stale alert never
 * goes out.
 */
@Service
class DraftReview {

    private static final Logger log = LoggerFactory.getLogger(DraftReview.class);

    private final DraftStore drafts;
    private final AlertStore alerts;
    private final AlertService service;
    private final FanOut fanOut;
    private final Clock clock;

    DraftReview(DraftStore drafts, AlertStore alerts, AlertService service, FanOut fanOut, Clock clock) {
        this.drafts = drafts;
        this.alerts = alerts;
        this.service = service;
        this.fanOut = fanOut;
        this.clock = clock;
    }

    AlertView approve(String alertId, Actor issuer) {
        Document draft = drafts.find(alertId).orElseThrow(() -> Problems.notFound("no alert " + alertId));
        Issuing issuing = Issuing.fromDocument(draft);
        if (Issuing.ISSUED.equals(issuing.state()) && issuing.approvedBy() != null) {
            // approved before (a repeated request): complete a fan-out that stopped half-way, change nothing else
            if (!fanOut.done(alertId)) {
                fanOut.submit(alertId);
            }
            return current(alertId);
        }
        refuseIfClosed(draft, issuing, "approved");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String assessmentJson = draft.getString("assessment");
        IncidentAssessed assessment = EventJson.read(assessmentJson, IncidentAssessed.class);
        AlertService.Prepared alert = service.prepare(assessment, alertId, now);
        if (!drafts.approve(alert.view(), alert.cap(), assessmentJson, alert.event(),
                issuing.approved(Issuing.Person.of(issuer), now))) {
            // closed between our read and our write: say by what
            Document again = drafts.find(alertId).orElseThrow();
            refuseIfClosed(again, Issuing.fromDocument(again), "approved");
            throw Problems.conflict("Draft " + alertId + " changed while it was being approved; read it again.");
        }
        log.info("draft {} for {} v{} approved by {}: {} goes out, {} subscriptions reached", alertId, assessment.incidentId(),
                assessment.incidentVersion(), issuer.subject(), alert.view().msgType(), alert.view().recipients());
        service.send(alertId, alert.view().references(), now);
        return current(alertId);
    }

    AlertView reject(String alertId, Actor issuer, String reason) {
        Document draft = drafts.find(alertId).orElseThrow(() -> Problems.notFound("no alert " + alertId));
        Issuing issuing = Issuing.fromDocument(draft);
        if (Issuing.REJECTED.equals(issuing.state())) {
            return current(alertId); // rejected before (a repeated request)
        }
        refuseIfClosed(draft, issuing, "rejected");
        if (!drafts.reject(alertId, Issuing.Person.of(issuer), reason, clock.instant().truncatedTo(ChronoUnit.SECONDS))) {
            Document again = drafts.find(alertId).orElseThrow();
            refuseIfClosed(again, Issuing.fromDocument(again), "rejected");
            throw Problems.conflict("Draft " + alertId + " changed while it was being rejected; read it again.");
        }
        log.info("draft {} rejected by {}: nothing sent", alertId, issuer.subject());
        return current(alertId);
    }

    /** Throws 409 unless the alert is a draft still awaiting a decision. */
    private static void refuseIfClosed(Document alert, Issuing issuing, String verb) {
        String id = alert.getString("_id");
        if (Issuing.REJECTED.equals(issuing.state())) {
            throw Problems.conflict("Draft " + id + " was rejected" + by(issuing.rejectedBy()) + " and cannot be "
                    + verb + ".");
        }
        if (!issuing.draft()) {
            throw Problems.conflict("Alert " + id + " is not a draft: it went out" + (issuing.approvedBy() != null
                    ? " on approval" + by(issuing.approvedBy()) : " at once") + ". To withdraw it, retract the incident.");
        }
        if (issuing.withdrawnAt() != null) {
            throw Problems.conflict("The incident of draft " + id + " was retracted, so the draft cannot be " + verb
                    + ": nothing was sent.");
        }
        String supersededBy = alert.getString("supersededBy");
        if (supersededBy != null) {
            throw Problems.conflict("Draft " + id + " is stale: a newer version of incident " + alert.getString("incidentId")
                    + " was assessed, and draft or alert " + supersededBy + " supersedes it. Decide on that one instead.");
        }
    }

    private static String by(Issuing.Person person) {
        return person == null ? "" : " by " + person.name();
    }

    private AlertView current(String alertId) {
        return alerts.find(alertId, true).orElseThrow(() -> Problems.notFound("no alert " + alertId));
    }
}
