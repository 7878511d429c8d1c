package org.steppewatch.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.ZoneLevels;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;

/**
 * Deliveries are documents, so a restart loses none: whatever is PENDING or RETRYING is picked up
 * again. A worker claims a batch by stamping a lease (token + expiry) on due deliveries in one
 * update; every state change after an attempt is guarded by that token, and written together with
 * the rest of the batch in one unordered bulk request. The embedded MongoDB answers a single
 * operation in about half a millisecond but takes thousands of documents a second in bulk, so the
 * hot path never writes one delivery at a time.
 */
@Component
public class DeliveryStore {

    static final String COLLECTION = "deliveries";
    static final String KIND_ALERT = "alert";
    static final String KIND_CONFIRMATION = "confirmation";
    /** Insert this many per bulk request during a fan-out. */
    private static final int BATCH = 1000;
    private static final Date NO_LEASE = new Date(0);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final List<String> OPEN = List.of(DeliveryState.PENDING.name(), DeliveryState.RETRYING.name());
    /** Deliveries are spread over this many buckets; a claim takes the due ones of a range of buckets. */
    static final int BUCKETS = 1024;
    /** A lease must have this much time left for its holder to still decide a delivery's state. */
    static final java.time.Duration FENCE = java.time.Duration.ofSeconds(2);

    private final MongoTemplate mongo;

    DeliveryStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("alertId", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("leaseToken", Sort.Direction.ASC).sparse());
    }

    /** Inserts the deliveries that do not exist yet; existing ones (a redelivered assessment) are left alone. */
    public void createAll(List<NewDelivery> deliveries, Instant now) {
        for (int from = 0; from < deliveries.size(); from += BATCH) {
            List<Document> batch = new ArrayList<>();
            for (NewDelivery d : deliveries.subList(from, Math.min(deliveries.size(), from + BATCH))) {
                batch.add(document(d.id(), KIND_ALERT, d.alertId(), d.subscriptionId(), d.incidentId(), d.channelType(),
                        d.language(), d.level(), now));
            }
            insertIfAbsent(batch);
        }
    }

    /**
     * Inserts the deliveries that do not exist yet already leased to {@code lease}, for the worker of
     * this instance to send without claiming them (see {@link DeliveryWorker#handOver}).
     *
     * @return the documents inserted (not those that existed already)
     */
    List<Document> createLeased(List<NewDelivery> deliveries, Instant now, Outcome.Lease lease) {
        List<Document> batch = new ArrayList<>();
        for (NewDelivery d : deliveries) {
            batch.add(document(d.id(), KIND_ALERT, d.alertId(), d.subscriptionId(), d.incidentId(), d.channelType(),
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
        mine.fields().include("kind").include("alertId").include("subscriptionId").include("language").include("level")
                .include("attemptCount").include("createdAt").include("nextAttemptAt").include("leaseToken");
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
        recordAll(back, now);
        return first;
    }

    /**
     * Writes a batch of outcomes in one unordered bulk request, each by id alone (which the embedded
     * server answers from its index). That is safe while the lease is still held with at least
     * {@link #FENCE} left: nobody else can claim a delivery before its lease ends, so checking the
     * time is checking the lease. An outcome with less left is written only where its token still
     * holds the delivery; an attempt whose lease was lost meanwhile (another worker owns the delivery
     * now) is still recorded, once, but does not decide the state.
     *
     * @return how many outcomes found their lease lost
     */
    int recordAll(List<Outcome> outcomes, Instant now) {
        if (outcomes.isEmpty()) {
            return 0;
        }
        List<UpdateOneModel<Document>> fenced = new ArrayList<>(outcomes.size());
        List<Outcome> late = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.leaseUntil().isAfter(now.plus(FENCE))) {
                fenced.add(new UpdateOneModel<>(Filters.eq("_id", o.id()), update(o)));
            } else {
                late.add(o);
            }
        }
        if (!fenced.isEmpty()) {
            deliveries().bulkWrite(fenced, UNORDERED);
        }
        if (late.isEmpty()) {
            return 0;
        }
        List<UpdateOneModel<Document>> guarded = late.stream()
                .map(o -> new UpdateOneModel<Document>(
                        Filters.and(Filters.eq("_id", o.id()), Filters.eq("leaseToken", o.token())), update(o)))
                .toList();
        int lost = late.size() - deliveries().bulkWrite(guarded, UNORDERED).getMatchedCount();
        if (lost > 0) {
            keepLostAttempts(late);
        }
        return lost;
    }

    /** For outcomes whose lease is gone: add their attempts where they are not recorded yet. */
    private void keepLostAttempts(List<Outcome> outcomes) {
        List<Outcome> attempts = outcomes.stream().filter(o -> o.type() == Outcome.Type.ATTEMPT).toList();
        if (attempts.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, COLLECTION);
        for (Outcome o : attempts) {
            bulk.updateOne(query(where("_id").is(o.id()).and("attempts.id").ne(o.attemptId())),
                    new Update().push("attempts", attemptDocument(o)).inc("attemptCount", 1));
        }
        bulk.execute();
    }

    /** The update an outcome makes, as the driver takes it (no mapping on the hot path). */
    private static Document update(Outcome o) {
        Document set = new Document("leaseUntil", NO_LEASE);
        Document update = new Document("$set", set).append("$unset", new Document("leaseToken", ""));
        switch (o.type()) {
            case ATTEMPT -> {
                update.append("$push", new Document("attempts", attemptDocument(o)))
                        .append("$inc", new Document("attemptCount", 1));
                set.append("state", o.next().name());
                if (o.nextAttemptAt() != null) {
                    set.append("nextAttemptAt", Date.from(o.nextAttemptAt()));
                } else {
                    set.append("finishedAt", Date.from(o.attempt().at()));
                }
            }
            case CANCEL -> set.append("state", DeliveryState.CANCELLED.name()).append("finishedAt", new Date())
                    .append("note", o.note());
            case RELEASE -> set.append("nextAttemptAt", Date.from(o.releaseAt()));
        }
        return update;
    }

    private static Document attemptDocument(Outcome o) {
        DeliveryView.Attempt a = o.attempt();
        return new Document("id", o.attemptId())
                .append("at", Date.from(a.at()))
                .append("outcome", a.outcome())
                .append("httpStatus", a.httpStatus())
                .append("error", a.error())
                .append("durationMs", a.durationMs());
    }

    /** Hands back every delivery still leased to {@code token}, uncounted: used at shutdown. */
    void releaseAll(String token, Instant at) {
        mongo.updateMulti(query(where("leaseToken").is(token).and("state").in(OPEN)),
                new Update().set("nextAttemptAt", Date.from(at)).set("leaseUntil", NO_LEASE).unset("leaseToken"),
                COLLECTION);
    }

    /**
     * The subscriptions that were sent, or are still being sent, one of {@code alertIds}, each with
     * the worst zone level that reached it: whom a cancellation must reach. Failed and cancelled
     * deliveries do not count: those never got the alert.
     */
    public Map<String, String> recipientsOf(Collection<String> alertIds) {
        if (alertIds.isEmpty()) {
            return Map.of();
        }
        Query q = query(where("alertId").in(alertIds).and("kind").ne(KIND_CONFIRMATION).and("state")
                .in(DeliveryState.SENT.name(), DeliveryState.PENDING.name(), DeliveryState.RETRYING.name()));
        q.fields().include("subscriptionId").include("level");
        Map<String, String> recipients = new LinkedHashMap<>();
        for (Document d : mongo.find(q, Document.class, COLLECTION)) {
            String level = d.getString("level");
            recipients.merge(d.getString("subscriptionId"), level == null ? "" : level,
                    (a, b) -> ZoneLevels.worse(b, a) ? b : a);
        }
        recipients.replaceAll((id, level) -> level.isEmpty() ? null : level);
        return recipients;
    }

    public List<DeliveryView> forAlert(String alertId) {
        return forAlert(alertId, null, Integer.MAX_VALUE);
    }

    /** A page of an alert's deliveries in id order, after the delivery id {@code after} (null: from the start). */
    public List<DeliveryView> forAlert(String alertId, String after, int limit) {
        Query q = query(where("alertId").is(alertId));
        if (after != null) {
            q.addCriteria(where("_id").gt(after));
        }
        q.with(Sort.by("_id")).limit(limit);
        return mongo.find(q, Document.class, COLLECTION).stream().map(DeliveryStore::view).toList();
    }

    /**
     * How many of an alert's deliveries are in each state, in the order of the state machine
     * (PENDING, RETRYING, SENT, FAILED, CANCELLED), states without any left out. Counts only:
     * what the public may see of who was alerted.
     */
    public Map<String, Long> countsByState(String alertId) {
        Map<String, Long> byState = new java.util.HashMap<>();
        for (Document group : deliveries().aggregate(List.of(
                new Document("$match", new Document("alertId", alertId)),
                new Document("$group", new Document("_id", "$state").append("n", new Document("$sum", 1)))))) {
            byState.put(group.getString("_id"), ((Number) group.get("n")).longValue());
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (DeliveryState state : DeliveryState.values()) {
            Long n = byState.get(state.name());
            if (n != null && n > 0) {
                ordered.put(state.name(), n);
            }
        }
        return ordered;
    }

    /** Deliveries not final yet (PENDING or RETRYING). */
    public long openCount() {
        return mongo.count(query(where("state").in(OPEN)), COLLECTION);
    }

    static DeliveryView view(Document d) {
        DeliveryState state = DeliveryState.valueOf(d.getString("state"));
        List<DeliveryView.Attempt> attempts = d.getList("attempts", Document.class, List.of()).stream()
                .map(a -> new DeliveryView.Attempt(a.getDate("at").toInstant(), a.getString("outcome"),
                        a.getInteger("httpStatus"), a.getString("error"), ((Number) a.get("durationMs")).longValue()))
                .toList();
        return new DeliveryView(d.getString("_id"), d.getString("kind") == null ? KIND_ALERT : d.getString("kind"),
                d.getString("subscriptionId"), d.getString("channelType"), d.getString("language"), d.getString("level"),
                state.name(), attempts, state.open() ? d.getDate("nextAttemptAt").toInstant() : null,
                d.getDate("createdAt").toInstant(), d.getString("note"));
    }
}
