package org.steppewatch.notification.alert;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.steppewatch.eventing.OutboxMessage;

/**
 * The drafts among the alerts: what waits for an issuer, and the guarded changes of state. Every change is one
 * conditional write on the draft's document that matches only a draft still open (no decision, not superseded, its
 * incident not retracted), so two issuers, or an issuer and a newer version of the incident, cannot both win.
 */
@Component
class DraftStore {

    private final MongoTemplate mongo;
    private final AlertStore alerts;

    DraftStore(MongoTemplate mongo, AlertStore alerts) {
        this.mongo = mongo;
        this.alerts = alerts;
    }

    /** A draft no decision, newer version or retraction has closed. */
    private static Query open(String alertId) {
        return query(where("_id").is(alertId).and(Issuing.STATE).is(Issuing.DRAFT).and("supersededBy").exists(false)
                .and(Issuing.WITHDRAWN_AT).exists(false));
    }

    /** The alert or draft with its CAP and assessment, whatever its state. */
    Optional<Document> find(String alertId) {
        return Optional.ofNullable(mongo.findById(alertId, Document.class, AlertStore.COLLECTION));
    }

    /**
     * Drafts awaiting an issuer ({@code DRAFT}) or refused ({@code REJECTED}), newest first, with who reported them.
     */
    List<AlertView> list(String state, String incidentId, int limit) {
        Query q = Issuing.DRAFT.equals(state)
                ? query(where(Issuing.STATE).is(Issuing.DRAFT).and("supersededBy").exists(false)
                        .and(Issuing.WITHDRAWN_AT).exists(false))
                : query(where(Issuing.STATE).is(Issuing.REJECTED));
        if (incidentId != null) {
            q.addCriteria(where("incidentId").is(incidentId));
        }
        return alerts.list(q, limit, true);
    }

    /**
     * Closes the incident's open drafts of versions before {@code version}: alert {@code byId} (a newer draft or an
     * alert that went out) replaces them. Done before the newer one is written, so an approval racing it either
     * wins first (and the newer alert sees an issued alert to update) or finds the draft closed.
     */
    void supersede(String incidentId, long version, String byId, Instant at) {
        mongo.updateMulti(query(where("incidentId").is(incidentId).and("incidentVersion").lt(version)
                        .and(Issuing.STATE).is(Issuing.DRAFT).and("supersededBy").exists(false)
                        .and(Issuing.WITHDRAWN_AT).exists(false)),
                new Update().set("supersededBy", byId).set("supersededAt", Date.from(at)), AlertStore.COLLECTION);
    }

    /** Closes the incident's open drafts: it was retracted, so nobody may approve them; nothing was ever sent. */
    long withdraw(String incidentId, String reason, Instant at) {
        return mongo.updateMulti(query(where("incidentId").is(incidentId).and(Issuing.STATE).is(Issuing.DRAFT)
                        .and(Issuing.WITHDRAWN_AT).exists(false)),
                new Update().set(Issuing.WITHDRAWN_AT, Date.from(at)).set(Issuing.FIELD + ".withdrawalReason", reason),
                AlertStore.COLLECTION).getModifiedCount();
    }

    /**
     * Replaces an open draft by the alert that goes out (its Actual CAP, texts, recipients, the announcing event),
     * still to be fanned out.
     *
     * @return false when the draft was not open any more: nothing was written
     */
    boolean approve(AlertView alert, String cap, String assessmentJson, OutboxMessage event, Issuing issuing) {
        Document replacement = AlertStore.document(alert, cap, assessmentJson, null, event, issuing);
        Update update = new Update();
        replacement.forEach((key, value) -> {
            if (!"_id".equals(key)) {
                update.set(key, value);
            }
        });
        return mongo.updateFirst(open(alert.id()), update, AlertStore.COLLECTION).getModifiedCount() == 1;
    }

    /** @return false when the draft was not open any more: nothing was written */
    boolean reject(String alertId, Issuing.Person by, String reason, Instant at) {
        Update update = new Update().set(Issuing.STATE, Issuing.REJECTED)
                .set(Issuing.FIELD + ".rejectedBy", Issuing.person(by))
                .set(Issuing.FIELD + ".rejectedAt", Date.from(at))
                .set(Issuing.FIELD + ".rejectionReason", reason);
        return mongo.updateFirst(open(alertId), update, AlertStore.COLLECTION).getModifiedCount() == 1;
    }
}
