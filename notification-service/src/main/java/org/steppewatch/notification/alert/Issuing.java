package org.steppewatch.notification.alert;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.steppewatch.contracts.ReportedBy;
import org.steppewatch.security.Actor;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who let an alert out, as signed-in users see it (never the public, the feed or a webhook: these are names of
 * staff). An alert is DRAFT when the incident version's reporter was not an issuer, ISSUED once it went out (at
 * once, or approved by an issuer), REJECTED when an issuer refused it. Alerts stored before the workflow existed
 * have no such record and count as issued.
 *
 * @param state            DRAFT, ISSUED or REJECTED
 * @param reportedBy       who reported (revised, or for a Cancel retracted) the incident version; null when the event
 *                         did not say (events from before reporters were recorded)
 * @param createdAt        when notification-service made the alert or draft from the assessment
 * @param issuedAtOnce     true when it went out without approval: the reporter was an issuer, the event predates
 *                         the workflow, or it is a Cancel (a retraction is never held back)
 * @param approvedBy       the issuer who approved the draft
 * @param withdrawnAt      when a draft was closed because its incident was retracted (nothing was ever sent)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Issuing(String state, Person reportedBy, Instant createdAt, boolean issuedAtOnce, Person approvedBy,
               Instant approvedAt, Person rejectedBy, Instant rejectedAt, String rejectionReason, Instant withdrawnAt,
               String withdrawalReason) {

    static final String DRAFT = "DRAFT";
    static final String ISSUED = "ISSUED";
    static final String REJECTED = "REJECTED";
    /** The stored document's field holding this record. */
    static final String FIELD = "issuing";
    static final String STATE = FIELD + ".state";
    static final String WITHDRAWN_AT = FIELD + ".withdrawnAt";

    /** A member of staff: the token subject and the name to show. */
    record Person(String subject, String name) {

        static Person of(ReportedBy by) {
            return by == null ? null : new Person(by.subject(), by.name());
        }

        static Person of(Actor actor) {
            return new Person(actor.subject(), actor.name());
        }
    }

    /** Whether an alert for a version reported by {@code by} goes out without an issuer's approval. */
    static boolean mayIssueAtOnce(ReportedBy by) {
        // an event without reportedBy was written before the workflow existed, when every alert went out at once
        return by == null || by.mayIssue();
    }

    static Issuing atOnce(ReportedBy by, Instant at) {
        return new Issuing(ISSUED, Person.of(by), at, true, null, null, null, null, null, null, null);
    }

    static Issuing draft(ReportedBy by, Instant at) {
        return new Issuing(DRAFT, Person.of(by), at, false, null, null, null, null, null, null, null);
    }

    Issuing approved(Person by, Instant at) {
        return new Issuing(ISSUED, reportedBy, createdAt, false, by, at, null, null, null, null, null);
    }

    boolean draft() {
        return DRAFT.equals(state);
    }

    Document toDocument() {
        Document doc = new Document("state", state).append("issuedAtOnce", issuedAtOnce);
        put(doc, "reportedBy", person(reportedBy));
        put(doc, "createdAt", date(createdAt));
        put(doc, "approvedBy", person(approvedBy));
        put(doc, "approvedAt", date(approvedAt));
        return doc;
    }

    /** @return the stored record; for an alert from before the workflow, an ISSUED one that names nobody */
    static Issuing fromDocument(Document alert) {
        Document d = alert.get(FIELD, Document.class);
        if (d == null) {
            return new Issuing(ISSUED, null, null, true, null, null, null, null, null, null, null);
        }
        return new Issuing(d.getString("state"), person(d.get("reportedBy", Document.class)), instant(d, "createdAt"),
                Boolean.TRUE.equals(d.getBoolean("issuedAtOnce")), person(d.get("approvedBy", Document.class)),
                instant(d, "approvedAt"), person(d.get("rejectedBy", Document.class)), instant(d, "rejectedAt"),
                d.getString("rejectionReason"), instant(d, "withdrawnAt"), d.getString("withdrawalReason"));
    }

    static Document person(Person p) {
        return p == null ? null : new Document("subject", p.subject()).append("name", p.name());
    }

    private static Person person(Document d) {
        return d == null ? null : new Person(d.getString("subject"), d.getString("name"));
    }

    private static void put(Document doc, String key, Object value) {
        if (value != null) {
            doc.append(key, value);
        }
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document d, String key) {
        Date date = d.getDate(key);
        return date == null ? null : date.toInstant();
    }
}
