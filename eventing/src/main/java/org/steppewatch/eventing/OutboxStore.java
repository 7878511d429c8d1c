package org.steppewatch.eventing;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The outbox arrays of a service's collections, seen per key: which keys have events waiting, all of one key's
 * waiting events in publishing order, and removing or parking one of them. A relay that holds a key's lease stamps
 * its token into that key's documents ({@code outboxLease}); removing and parking match the token, so an instance
 * that lost the lease writes nothing.
 */
class OutboxStore {

    static final String PARKED = "parkedEvents";
    private static final String KEY = OutboxMessage.FIELD + ".key";
    private static final String STAMP = "outboxLease";
    static final Comparator<Pending> ORDER = Comparator.comparingLong((Pending p) -> p.message().sequence())
            .thenComparing(p -> p.message().time()).thenComparing(p -> p.message().eventId());

    private final MongoTemplate mongo;
    private final List<String> collections;
    private volatile boolean indexed;

    OutboxStore(MongoTemplate mongo, List<String> collections) {
        this.mongo = mongo;
        this.collections = collections;
    }

    /** An event waiting in the document {@code id} of {@code collection}. */
    record Pending(String collection, Object id, OutboxMessage message) {

        /** The document that holds it: its collection and id. */
        List<Object> document() {
            return List.of(collection, id);
        }
    }

    /** Keys with events waiting, each with the collections that hold them (in the configured order). */
    Map<String, List<String>> keysWaiting() {
        ensureIndexes();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (String collection : collections) {
            for (String key : mongo.findDistinct(query(where(KEY).exists(true)), KEY, collection, String.class)) {
                keys.computeIfAbsent(key, k -> new ArrayList<>()).add(collection);
            }
        }
        return keys;
    }

    /** Every waiting event of {@code key} in any collection, oldest incident version first; see the next. */
    List<Pending> claim(String key, String token) {
        return claim(key, collections, token);
    }

    /**
     * Every waiting event of {@code key} in {@code in}, oldest incident version first; its documents stamped with
     * {@code token}. The relay passes the collections {@link #keysWaiting} found the key in: a stamp and a find in
     * each of the others would find nothing but cost two commands (two scans on the embedded server). An event
     * stored in another collection meanwhile goes out with the next pass, as one stored after the find would.
     */
    List<Pending> claim(String key, List<String> in, String token) {
        List<Pending> pending = new ArrayList<>();
        for (String collection : in) {
            mongo.updateMulti(query(where(KEY).is(key)), new Update().set(STAMP, token), collection);
            Query stamped = query(where(KEY).is(key).and(STAMP).is(token));
            // the outbox alone: an aggregate's other fields (a CAP document, an assessment) need not travel
            stamped.fields().include(OutboxMessage.FIELD);
            for (Document document : mongo.find(stamped, Document.class, collection)) {
                for (Document stored : document.getList(OutboxMessage.FIELD, Document.class, List.of())) {
                    OutboxMessage message = OutboxMessage.fromDocument(stored);
                    if (key.equals(message.key())) {
                        pending.add(new Pending(collection, document.get("_id"), message));
                    }
                }
            }
        }
        pending.sort(ORDER);
        return pending;
    }

    /** Removes a published event; false when the lease was taken over (another instance owns the key now). */
    boolean remove(Pending pending, String token) {
        return remove(pending, token, false);
    }

    /** As {@link #remove(Pending, String)}, and with {@code unstamp} takes this relay's stamp off the document too. */
    boolean remove(Pending pending, String token, boolean unstamp) {
        Update pull = new Update().pull(OutboxMessage.FIELD, new Document("eventId", pending.message().eventId()));
        return mongo.updateFirst(query(where("_id").is(pending.id()).and(STAMP).is(token)),
                unstamp ? pull.unset(STAMP) : pull, pending.collection()).getMatchedCount() == 1;
    }

    /**
     * Moves an event that can never be published into {@code parkedEvents} (by event id, so a repeat after a crash
     * adds nothing), then out of its outbox; false when the lease was taken over.
     */
    boolean park(Pending pending, String token, String error, Instant at) {
        OutboxMessage message = pending.message();
        Document parked = message.toDocument().append("_id", message.eventId())
                .append("collection", pending.collection()).append("documentId", pending.id())
                .append("error", error).append("parkedAt", Date.from(at));
        try {
            mongo.insert(parked, PARKED);
        } catch (DuplicateKeyException e) {
            // parked before; the outbox still held it because that instance stopped in between
        }
        return remove(pending, token);
    }

    /** Takes this relay's stamp off the documents it worked on; a newer holder's stamp stays. */
    void unstamp(List<Pending> worked, String token) {
        worked.stream().map(Pending::document).distinct().forEach(document ->
                mongo.updateFirst(query(where("_id").is(document.get(1)).and(STAMP).is(token)),
                        new Update().unset(STAMP), (String) document.get(0)));
    }

    private void ensureIndexes() {
        if (!indexed) {
            for (String collection : collections) {
                mongo.indexOps(collection).createIndex(new Index().on(KEY, Sort.Direction.ASC));
            }
            mongo.indexOps(PARKED).createIndex(new Index().on("key", Sort.Direction.ASC).on("sequence", Sort.Direction.ASC));
            indexed = true;
        }
    }
}
