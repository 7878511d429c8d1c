package org.steppewatch.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;

/**
 * Deliveries are documents, so a restart loses none: whatever is PENDING or RETRYING is picked up
 * again. A worker claims a batch by stamping a lease (token + expiry) on due deliveries in one
 * update, renews it while it works on them ({@link Leases}), and writes every state change after an
 * attempt only where that token still holds the delivery, together with the rest of the batch in one
 * unordered bulk request. The embedded MongoDB answers a single
 * operation in about half a millisecond but takes thousands of documents a second in bulk, so the
 * hot path never writes one delivery at a time.
 */
@Component
public class DeliveryStore {

    static final String COLLECTION = "deliveries";
    static final String KIND_ALERT = "alert";
    /** A contamination notice: {@code alertId} holds the notice id, {@code incidentId} is null. */
    public static final String KIND_NOTICE = "notice";
    static final String KIND_CONFIRMATION = "confirmation";
    /** Insert this many per bulk request during a fan-out. */
    private static final int BATCH = 1000;
    static final Date NO_LEASE = new Date(0);
    static final List<String> OPEN = List.of(DeliveryState.PENDING.name(), DeliveryState.RETRYING.name());
    /** Deliveries are spread over this many buckets; a claim takes the due ones of a range of buckets. */
    static final int BUCKETS = 1024;
    /** Attempts made before the current round (a redrive starts a new one); absent: 0. */
    static final String ROUND_START = "roundStart";

    private final MongoTemplate mongo;
    private final DeliveryQueries queries;
    private final OutcomeWrites writes;

    DeliveryStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.queries = new DeliveryQueries(mongo);
        this.writes = new OutcomeWrites(mongo);
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("alertId", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("leaseToken", Sort.Direction.ASC).sparse());
        // an older message of the incident in flight (Ordering); a subscription's deliveries (redrive, disabling)
        mongo.indexOps(COLLECTION).createIndex(new Index().on("incidentId", Sort.Direction.ASC).on("leaseUntil", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("subscriptionId", Sort.Direction.ASC).on("state", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on(Exhaustion.PENDING, Sort.Direction.ASC).sparse());
    }

    DeliveryQueries queries() {
        return queries;
    }

    /** Inserts the deliveries that do not exist yet; existing ones (a redelivered event) are left alone. */
    public void createAll(List<NewDelivery> deliveries, Instant now) {
        for (int from = 0; from < deliveries.size(); from += BATCH) {
            List<Document> batch = new ArrayList<>();
            for (NewDelivery d : deliveries.subList(from, Math.min(deliveries.size(), from + BATCH))) {
                batch.add(document(d.id(), d.kind(), d.alertId(), d.subscriptionId(), d.incidentId(), d.channelType(),
                        d.language(), d.level(), now));
            }
            insertIfAbsent(batch);
        }
    }

    /**
     * Inserts the deliveries that do not exist yet already leased to {@code lease}, for the worker of
     * this instance to send without claiming them (see {@link DeliveryWorker#createAndHandOver}).
     *
     * @return the documents inserted (not those that existed already)
     */
    List<Document> createLeased(List<NewDelivery> deliveries, Instant now, Outcome.Lease lease) {
        List<Document> batch = new ArrayList<>();
        for (NewDelivery d : deliveries) {
            batch.add(document(d.id(), d.kind(), d.alertId(), d.subscriptionId(), d.incidentId(), d.channelType(),
                    d.language(), d.level(), now)
                    .append("leaseToken", lease.token())
                    .append("leaseUntil", Date.from(lease.until())));
        }
        if (batch.isEmpty()) {
            return batch;
        }
        // the existing ones (a redelivered event) belong to whoever created them
        Set<Integer> existed = insertIfAbsent(batch);
        if (existed.isEmpty()) {
            return batch;
        }
        List<Document> inserted = new ArrayList<>(batch.size() - existed.size());
        for (int i = 0; i < batch.size(); i++) {
            if (!existed.contains(i)) {
                inserted.add(batch.get(i));
            }
        }
        return inserted;
    }

    /** The confirmation mail of an e-mail subscription, delivered (and retried) like an alert. */
    public void createConfirmation(String subscriptionId, String language, Instant now) {
        insertIfAbsent(List.of(document("confirm:" + subscriptionId, KIND_CONFIRMATION, null, subscriptionId, null,
                "email", language, null, now)));
    }

    private static Document document(String id, String kind, String alertId, String subscriptionId, String incidentId,
                                     String channelType, String language, String level, Instant now) {
        return new Document("_id", id)
                .append("kind", kind)
                .append("alertId", alertId)
                .append("subscriptionId", subscriptionId)
                .append("incidentId", incidentId)
                .append("channelType", channelType)
                .append("language", language)
                .append("level", level)
                .append("state", DeliveryState.PENDING.name())
                .append("bucket", bucket(id))
                .append("createdAt", Date.from(now))
                .append("nextAttemptAt", Date.from(now))
                .append("leaseUntil", NO_LEASE)
                .append("attemptCount", 0)
                .append("attempts", new ArrayList<>());
    }

    /** A fixed slot in [0, BUCKETS) from the id, so claims can take a slice of the due deliveries. */
    static int bucket(String id) {
        return Math.floorMod(id.hashCode() * 0x9E3779B1, BUCKETS);
    }

    /**
     * Inserts in one unordered request (straight through the driver: the hot path skips Spring's
     * mapping, which cost more than the insert itself).
     *
     * @return the positions in {@code batch} of the documents that existed already
     */
    private Set<Integer> insertIfAbsent(List<Document> batch) {
        try {
            deliveries().insertMany(batch, new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            // unordered: every other document was written; only duplicates are expected
            Set<Integer> existed = new HashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                existed.add(error.getIndex());
            }
            return existed;
        }
    }

    private MongoCollection<Document> deliveries() {
        return mongo.getCollection(COLLECTION);
    }

    private static Query due(Instant now) {
        return query(where("state").in(OPEN).and("nextAttemptAt").lte(Date.from(now)).and("leaseUntil").lt(Date.from(now)));
    }

    /** The bucket of a due delivery, or -1 when none is due: one read that stops at the first it finds. */
    int someDueBucket(Instant now) {
        Query q = due(now).limit(1);
        q.fields().include("bucket");
        Document d = mongo.findOne(q, Document.class, COLLECTION);
        return d == null ? -1 : d.getInteger("bucket");
    }

    /**
     * Claims the due deliveries of buckets {@code [fromBucket, toBucket)} for the holder of
     * {@code token} until {@code leaseUntil}: one update stamps the lease only where it is still free
     * (each document is checked and changed atomically, so two workers racing for a delivery cannot
     * both win), one read fetches what this token got. Neither query needs more than equality and
     * range tests, which the embedded server answers quickly even without indexes; selecting by id
     * lists would make it compare every document with every listed id.
     */
    List<Document> claimBuckets(Instant now, Instant leaseUntil, String token, int fromBucket, int toBucket) {
        // the bucket test first: the embedded server checks criteria in order, and most documents fail it
        Query slice = query(where("bucket").gte(fromBucket).lt(toBucket).and("state").in(OPEN)
                .and("nextAttemptAt").lte(Date.from(now)).and("leaseUntil").lt(Date.from(now)));
        long claimed = mongo.updateMulti(slice,
                new Update().set("leaseUntil", Date.from(leaseUntil)).set("leaseToken", token), COLLECTION).getModifiedCount();
        if (claimed == 0) {
            return List.of();
        }
        Query mine = query(where("bucket").gte(fromBucket).lt(toBucket).and("leaseToken").is(token));
        mine.fields().include("kind").include("alertId").include("subscriptionId").include("incidentId").include("language")
                .include("level").include("attemptCount").include(ROUND_START).include("createdAt").include("nextAttemptAt")
                .include("leaseToken");
        return mongo.find(mine, Document.class, COLLECTION);
    }

    /** Claims every due delivery (tests and tools; the worker claims slices of buckets). */
    List<Document> claimAll(Instant now, Instant leaseUntil, String token) {
        return claimBuckets(now, leaseUntil, token, 0, BUCKETS);
    }

    /** Claims one due delivery, or returns null when none is due (tests): the others are handed back. */
    Document claimNext(Instant now, Instant leaseUntil, String leaseToken) {
        List<Document> all = claimAll(now, leaseUntil, leaseToken);
        if (all.isEmpty()) {
            return null;
        }
        Document first = all.stream().min(java.util.Comparator.comparing((Document d) -> d.getDate("nextAttemptAt"))
                .thenComparing(d -> d.getString("_id"))).orElseThrow();
        Outcome.Lease lease = new Outcome.Lease(leaseToken, leaseUntil);
        List<Outcome> back = all.stream().filter(d -> d != first)
                .map(d -> Outcome.release(d.getString("_id"), lease, d.getDate("nextAttemptAt").toInstant())).toList();
        recordAll(back);
        return first;
    }

    /** See {@link OutcomeWrites#recordAll}. @return how many outcomes found their lease lost */
    int recordAll(List<Outcome> outcomes) {
        return writes.recordAll(outcomes);
    }

    /**
     * The (incident, subscription) pairs, as {@link #pair}, of deliveries of {@code incidentIds} that
     * are leased now by another holder than {@code token} and belong to none of {@code exceptAlertIds}.
     */
    Set<String> olderInFlight(Collection<String> incidentIds, Collection<String> exceptAlertIds, String token, Instant now) {
        Query q = query(where("incidentId").in(incidentIds).and("leaseUntil").gt(Date.from(now)).and("leaseToken").ne(token)
                .and("alertId").nin(exceptAlertIds));
        q.fields().include("incidentId").include("subscriptionId");
        Set<String> pairs = new HashSet<>();
        mongo.find(q, Document.class, COLLECTION).forEach(d -> pairs.add(pair(d.getString("incidentId"), d.getString("subscriptionId"))));
        return pairs;
    }

    static String pair(String incidentId, String subscriptionId) {
        return incidentId + "|" + subscriptionId;
    }

    /** Extends the lease of every delivery {@code token} still holds. */
    long renew(String token, Instant until) {
        return mongo.updateMulti(query(where("leaseToken").is(token)), new Update().set("leaseUntil", Date.from(until)),
                COLLECTION).getModifiedCount();
    }

    /** Hands back every delivery still leased to {@code token}, uncounted: used at shutdown. */
    void releaseAll(String token, Instant at) {
        mongo.updateMulti(query(where("leaseToken").is(token).and("state").in(OPEN)),
                new Update().set("nextAttemptAt", Date.from(at)).set("leaseUntil", NO_LEASE).unset("leaseToken"),
                COLLECTION);
    }

    // --- the read side, kept here for the alert feature ------------------------------------------

    /** See {@link DeliveryQueries#recipientsOf}. */
    public Map<String, String> recipientsOf(Collection<String> alertIds) {
        return queries.recipientsOf(alertIds);
    }

    public List<DeliveryView> forAlert(String alertId) {
        return queries.forAlert(alertId, null, Integer.MAX_VALUE);
    }

    /** See {@link DeliveryQueries#forAlert}. */
    public List<DeliveryView> forAlert(String alertId, String after, int limit) {
        return queries.forAlert(alertId, after, limit);
    }

    /** See {@link DeliveryQueries#countsByState}. */
    public Map<String, Long> countsByState(String alertId) {
        return queries.countsByState(alertId);
    }

    /** Deliveries not final yet (PENDING or RETRYING). */
    public long openCount() {
        return queries.openCount();
    }
}
