package org.steppewatch.notification.alert;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Whether an alert's deliveries have all been created ({@code fanOutDone}), and the lease of the instance creating
 * them. An alert that goes out is stored with {@code fanOutDone: false} (drafts with true: they go to nobody); the
 * fan-out takes the lease on the alert document, renews it after every chunk, and every write after the claim is
 * fenced by the lease token, so an instance whose lease expired (paused, cut off) cannot mark another's work done.
 */
@Component
class FanOutState {

    static final String DONE = "fanOutDone";
    private static final String LEASE_UNTIL = "fanOutLeaseUntil";
    private static final String LEASE_TOKEN = "fanOutLeaseToken";

    private final MongoTemplate mongo;

    FanOutState(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(AlertStore.COLLECTION).createIndex(new Index().on(DONE, Sort.Direction.ASC));
    }

    boolean done(String alertId) {
        return mongo.exists(query(where("_id").is(alertId).and(DONE).is(true)), AlertStore.COLLECTION);
    }

    private static Criteria free(Instant now) {
        return new Criteria().orOperator(where(LEASE_UNTIL).exists(false), where(LEASE_UNTIL).lt(Date.from(now)));
    }

    /** @return the alert document when this caller now holds its fan-out lease; null when it is done or leased */
    Document claim(String alertId, String token, Instant now, Instant until) {
        Query q = query(where("_id").is(alertId).and(DONE).is(false)).addCriteria(free(now));
        q.fields().exclude("cap").exclude("texts").exclude("hazardZones");
        return mongo.findAndModify(q, new Update().set(LEASE_UNTIL, Date.from(until)).set(LEASE_TOKEN, token),
                Document.class, AlertStore.COLLECTION);
    }

    /** @return false when the lease was lost (expired and taken by another instance): stop */
    boolean renew(String alertId, String token, Instant until) {
        return mongo.updateFirst(query(where("_id").is(alertId).and(LEASE_TOKEN).is(token)),
                new Update().set(LEASE_UNTIL, Date.from(until)), AlertStore.COLLECTION).getMatchedCount() == 1;
    }

    /** The total number of recipients, known before the first delivery is created. */
    boolean recipients(String alertId, String token, int recipients) {
        return mongo.updateFirst(query(where("_id").is(alertId).and(LEASE_TOKEN).is(token)),
                new Update().set("recipients", recipients), AlertStore.COLLECTION).getMatchedCount() == 1;
    }

    /** Every delivery exists: done, lease given up. */
    boolean finish(String alertId, String token) {
        return mongo.updateFirst(query(where("_id").is(alertId).and(LEASE_TOKEN).is(token)),
                new Update().set(DONE, true).unset(LEASE_UNTIL).unset(LEASE_TOKEN), AlertStore.COLLECTION)
                .getMatchedCount() == 1;
    }

    /** Gives the lease up without finishing (a stop, or an earlier fan-out of the incident still running). */
    void release(String alertId, String token) {
        mongo.updateFirst(query(where("_id").is(alertId).and(LEASE_TOKEN).is(token)),
                new Update().unset(LEASE_UNTIL).unset(LEASE_TOKEN), AlertStore.COLLECTION);
    }

    /**
     * Whether an earlier message of the same incident has deliveries still to be created: an Alert or Update of a
     * lower version, or for a Cancel any Alert or Update. Drafts and rejected drafts count as done.
     */
    boolean earlierPending(Document alert) {
        Criteria earlier = "Cancel".equals(alert.getString("msgType"))
                ? where("msgType").ne("Cancel")
                : where("incidentVersion").lt(((Number) alert.get("incidentVersion")).longValue());
        return mongo.exists(query(where("incidentId").is(alert.getString("incidentId")).and("_id")
                .ne(alert.getString("_id")).and(DONE).is(false)).addCriteria(earlier), AlertStore.COLLECTION);
    }

    /** Alerts whose fan-out nobody holds and is not done, earliest versions first; of one incident when given. */
    List<String> unfinished(String incidentId, Instant now, int limit) {
        Query q = query(where(DONE).is(false)).addCriteria(free(now));
        if (incidentId != null) {
            q.addCriteria(where("incidentId").is(incidentId));
        }
        q.with(Sort.by("incidentVersion")).limit(limit).fields().include("_id");
        return mongo.find(q, Document.class, AlertStore.COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }
}
