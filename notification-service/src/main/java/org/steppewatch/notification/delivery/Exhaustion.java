package org.steppewatch.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.steppewatch.contracts.DeliveryExhausted;

import io.micrometer.core.instrument.Counter;

/**
 * Announces deliveries given up after their round's last attempt with a {@link DeliveryExhausted}
 * event. The FAILED write marks the delivery ({@link #PENDING}) in the same update; the event is
 * written under an id of the delivery and its attempt count, then the mark removed. A crash between
 * the two leaves the mark, and the next pass announces it: once, since the event id is the same.
 */
final class Exhaustion {

    private static final Logger log = LoggerFactory.getLogger(Exhaustion.class);
    static final String PENDING = "exhaustedPending";
    /** Ids per {@code $in} lookup (the embedded MongoDB compares every document with every listed id). */
    private static final int IDS_PER_LOOKUP = 200;

    private final MongoTemplate mongo;
    private final OperationalEvents events;
    private final Counter exhausted;

    Exhaustion(MongoTemplate mongo, OperationalEvents events, Counter exhausted) {
        this.mongo = mongo;
        this.events = events;
        this.exhausted = exhausted;
    }

    /** Announces the marked ones among {@code ids}, just recorded FAILED. */
    void announce(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += IDS_PER_LOOKUP) {
            announce(query(where("_id").in(all.subList(from, Math.min(all.size(), from + IDS_PER_LOOKUP)))
                    .and(PENDING).is(true)));
        }
    }

    /** Announces every marked delivery: those a crash or an outage left unannounced. */
    void announceLeftOver() {
        announce(query(where(PENDING).is(true)).limit(1000));
    }

    private void announce(Query marked) {
        for (Document d : mongo.find(marked, Document.class, DeliveryStore.COLLECTION)) {
            String id = d.getString("_id");
            int attempts = d.getInteger("attemptCount", 0);
            List<Document> tried = d.getList("attempts", Document.class, List.of());
            String lastError = tried.isEmpty() ? null : tried.get(tried.size() - 1).getString("error");
            DeliveryExhausted event = new DeliveryExhausted(id, d.getString("alertId"), d.getString("incidentId"),
                    d.getString("subscriptionId"), d.getString("channelType"), attempts, lastError,
                    d.getDate("finishedAt").toInstant());
            if (events.publish("delivery.exhausted:" + id + ":" + attempts, event, event.failedAt())) {
                exhausted.increment();
                log.warn("delivery {} exhausted after {} attempts, announced on operations.v1: {}", id, attempts, lastError);
            }
            mongo.updateFirst(query(where("_id").is(id)), new Update().unset(PENDING), DeliveryStore.COLLECTION);
        }
    }
}
