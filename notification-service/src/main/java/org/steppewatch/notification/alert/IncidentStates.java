package org.steppewatch.notification.alert;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What this service has handled of each incident, one document per incident: the newest assessed version and whether
 * (at which version) its assessments were withdrawn. Assessments and withdrawals may arrive out of order (they leave
 * analysis-service through different relay passes, and Kafka redelivers); this state makes the outcome the same as in
 * order. Each change is one atomic upsert ({@code $max}), so two instances, or a redelivery racing the first delivery,
 * agree on one answer.
 */
@Component
class IncidentStates {

    static final String COLLECTION = "incidentStates";

    /** What an arriving assessment is, measured against what was handled before. */
    enum Verdict {
        /** Newer than anything handled: issue (or draft) it. */
        NEWEST,
        /** The version handled last, again (a redelivery, or a crash before it was complete): complete what is missing. */
        AGAIN,
        /** Older than a version handled already: the newer one carries the news, nothing changes. */
        STALE,
        /** The incident's assessments were withdrawn: nothing is issued for it any more. */
        WITHDRAWN
    }

    private final MongoTemplate mongo;

    IncidentStates(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records that {@code version} of the incident is being handled, unless a newer one was, and says what to do. */
    Verdict assessed(String incidentId, long version, Instant at) {
        Document before = mongo.findAndModify(query(where("_id").is(incidentId)),
                new Update().max("newestVersion", version).setOnInsert("firstSeen", Date.from(at)),
                FindAndModifyOptions.options().upsert(true).returnNew(false), Document.class, COLLECTION);
        if (before != null && before.get("withdrawnVersion") != null) {
            // a retraction is final: no version of a retracted incident is alerted, before or after its number
            return Verdict.WITHDRAWN;
        }
        Number newest = before == null ? null : (Number) before.get("newestVersion");
        if (newest == null || newest.longValue() < version) {
            return Verdict.NEWEST;
        }
        return newest.longValue() == version ? Verdict.AGAIN : Verdict.STALE;
    }

    /** Remembers the withdrawal, even when nothing was issued yet, so that a late assessment issues nothing. */
    void withdrawn(String incidentId, long version, Instant at) {
        mongo.upsert(query(where("_id").is(incidentId)),
                new Update().max("withdrawnVersion", version).setOnInsert("firstSeen", Date.from(at))
                        .min("withdrawnAt", Date.from(at)),
                COLLECTION);
    }
}
