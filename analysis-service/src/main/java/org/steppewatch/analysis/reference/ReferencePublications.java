package org.steppewatch.analysis.reference;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.ReferenceDataPublished;
import org.steppewatch.eventing.OutboxMessage;

/**
 * The publications of the reference data on their way to {@code reference.v1}: one document per chunk in
 * {@value #COLLECTION}, carrying the chunk in its {@code outbox} for the relay (one document per chunk, so a dump of
 * tens of thousands of settlements stays far below MongoDB's 16 MB per document), and the revision counter in
 * {@value #REVISIONS}, shared by every instance.
 */
@Component
class ReferencePublications {

    /** Also named in steppewatch.eventing.outbox-collections, so the relay publishes its outbox. */
    static final String COLLECTION = "reference_publications";
    static final String REVISIONS = "reference_revisions";
    private static final String COUNTER = "revision";

    private final MongoTemplate mongo;

    ReferencePublications(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The next publication number: above every one this database handed out and above {@code atLeastAbove}. */
    long nextRevision(long atLeastAbove) {
        mongo.upsert(query(where("_id").is(COUNTER)), new Update().max("value", atLeastAbove), REVISIONS);
        Document counter = mongo.findAndModify(query(where("_id").is(COUNTER)), new Update().inc("value", 1L),
                FindAndModifyOptions.options().returnNew(true).upsert(true), Document.class, REVISIONS);
        return counter.get("value", Number.class).longValue();
    }

    /**
     * Stores the chunks of one edition, each with its outbox message; the key's sequence is the revision, so one
     * key's chunks leave in revision order.
     */
    void store(List<ReferenceDataPublished> chunks, Instant now) {
        List<Document> documents = chunks.stream().map(chunk -> {
            OutboxMessage message = new OutboxMessage(UUID.randomUUID().toString(), chunk.eventType(), chunk.topic(),
                    chunk.key(), now, EventJson.mapper().writeValueAsString(chunk), chunk.revision());
            return new Document("_id", chunk.revision() + ":" + chunk.key()).append("revision", chunk.revision())
                    .append("referenceDataVersion", chunk.referenceDataVersion()).append("key", chunk.key())
                    .append(OutboxMessage.FIELD, List.of(message.toDocument()));
        }).toList();
        mongo.insert(documents, COLLECTION);
    }

    /** Whether a publication of this edition still waits to be sent (Kafka away): then there is no need for another. */
    boolean waiting(String referenceDataVersion) {
        return mongo.exists(query(where("referenceDataVersion").is(referenceDataVersion).and(OutboxMessage.FIELD + ".0").exists(true)),
                COLLECTION);
    }
}
