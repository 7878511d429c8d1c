package org.steppewatch.notification.delivery;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.OperationalEvent;
import org.steppewatch.eventing.OutboxMessage;

/**
 * Operational events (a delivery given up, an endpoint disabled) on their way to {@code operations.v1}:
 * one small document each, carrying the event in its {@code outbox} for the relay to publish, so an
 * event once written is not lost to a broker outage. The document id is derived from what the event
 * is about, so writing it again (after a crash, from another instance) adds nothing.
 */
@Component
class OperationalEvents {

    /** Also named in steppewatch.eventing.outbox-collections, so the relay publishes its outbox. */
    static final String COLLECTION = "operationalEvents";

    private final MongoTemplate mongo;

    OperationalEvents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return false when the event with this id was written before */
    boolean publish(String id, OperationalEvent event, Instant time) {
        String payload = EventJson.mapper().writeValueAsString(event);
        OutboxMessage message = OutboxMessage.ofOperational(event.eventType(), event.topic(), event.key(), payload, time);
        Document doc = new Document("_id", id)
                .append("type", event.eventType())
                .append("key", event.key())
                .append("time", Date.from(time))
                .append("event", Document.parse(payload))
                .append(OutboxMessage.FIELD, List.of(message.toDocument()));
        try {
            mongo.insert(doc, COLLECTION);
        } catch (DuplicateKeyException e) {
            return false;
        }
        return true;
    }
}
