package org.steppewatch.eventing;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Per-key leases of the outbox relay in the {@code outboxLeases} collection: {@code _id} the key (incident id),
 * a random {@code token} and {@code until}. Taking a lease needs an expired or absent one (the clock decides only
 * that); renewing and releasing it need the token, so an instance whose lease was taken over can neither extend
 * nor remove the new holder's.
 */
class OutboxLeases {

    static final String COLLECTION = "outboxLeases";

    private final MongoTemplate mongo;
    private final Duration duration;
    private final Clock clock;

    OutboxLeases(MongoTemplate mongo, Duration duration, Clock clock) {
        this.mongo = mongo;
        this.duration = duration;
        this.clock = clock;
    }

    /** @return the lease's token, or null when another instance holds the key */
    String take(String key) {
        String token = UUID.randomUUID().toString();
        Date now = Date.from(clock.instant());
        Criteria free = new Criteria().orOperator(where("until").exists(false), where("until").lt(now));
        try {
            Document taken = mongo.findAndModify(query(where("_id").is(key).andOperator(free)),
                    new Update().set("token", token).set("until", expiry()),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
            return taken != null && token.equals(taken.getString("token")) ? token : null;
        } catch (DuplicateKeyException e) {
            // the upsert met a lease that is still valid: someone else relays this key
            return null;
        }
    }

    /**
     * Whether a lease taken or renewed at {@code since} is to be renewed before the next send: once a quarter of it
     * has passed. Until then three quarters remain, three send timeouts and more, so a send begun under the lease
     * ends under it without a write per event.
     */
    boolean due(Instant since) {
        return !clock.instant().isBefore(since.plus(duration.dividedBy(4)));
    }

    /** Extends the lease before more work; false when it is no longer this token's. */
    boolean renew(String key, String token) {
        return mongo.updateFirst(query(where("_id").is(key).and("token").is(token)),
                new Update().set("until", expiry()), COLLECTION).getMatchedCount() == 1;
    }

    void release(String key, String token) {
        mongo.remove(query(where("_id").is(key).and("token").is(token)), COLLECTION);
    }

    private Date expiry() {
        return Date.from(clock.instant().plus(duration));
    }
}
