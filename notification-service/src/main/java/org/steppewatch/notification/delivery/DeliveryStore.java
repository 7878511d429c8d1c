package org.steppewatch.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;

/**
 * Deliveries are documents, so a restart loses none: whatever is PENDING or RETRYING is picked
 * up again. A worker claims one by setting a lease; every state change after the attempt is
 * guarded by that lease's token.
 */
@Component
public class DeliveryStore {

    static final String COLLECTION = "deliveries";
    /** Insert this many per bulk request during a fan-out. */
    private static final int BATCH = 1000;
    private static final Date NO_LEASE = new Date(0);

    private final MongoTemplate mongo;

    DeliveryStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("alertId", Sort.Direction.ASC));
    }

    /** Inserts the deliveries that do not exist yet; existing ones (a redelivered assessment) are left alone. */
    public void createAll(List<NewDelivery> deliveries, Instant now) {
        for (int from = 0; from < deliveries.size(); from += BATCH) {
            List<Document> batch = new ArrayList<>();
            for (NewDelivery d : deliveries.subList(from, Math.min(deliveries.size(), from + BATCH))) {
                batch.add(new Document("_id", d.id())
                        .append("alertId", d.alertId())
                        .append("subscriptionId", d.subscriptionId())
                        .append("incidentId", d.incidentId())
                        .append("channelType", d.channelType())
                        .append("language", d.language())
                        .append("state", DeliveryState.PENDING.name())
                        .append("createdAt", Date.from(now))
                        .append("nextAttemptAt", Date.from(now))
                        .append("leaseUntil", NO_LEASE)
                        .append("attemptCount", 0)
                        .append("attempts", new ArrayList<>()));
            }
            insertIfAbsent(batch);
        }
    }

    private void insertIfAbsent(List<Document> batch) {
        if (batch.size() == 1) {
            try {
                mongo.insert(batch.get(0), COLLECTION);
            } catch (DuplicateKeyException e) {
                // created by an earlier delivery of the same assessment
            }
            return;
        }
        try {
            mongo.bulkOps(BulkMode.UNORDERED, COLLECTION).insert(batch).execute();
        } catch (BulkOperationException e) {
            // unordered: every other document was written; only duplicates are expected
            boolean onlyDuplicates = e.getErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
        }
    }

    /** Claims the most overdue delivery, or returns null when none is due. */
    Document claimNext(Instant now, Instant leaseUntil, String leaseToken) {
        Query due = query(where("state").in(DeliveryState.PENDING.name(), DeliveryState.RETRYING.name())
                .and("nextAttemptAt").lte(Date.from(now))
                .and("leaseUntil").lt(Date.from(now)))
                .with(Sort.by("nextAttemptAt"));
        return mongo.findAndModify(due, new Update().set("leaseUntil", Date.from(leaseUntil)).set("leaseToken", leaseToken),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
    }

    /** @return false when the lease was lost (the attempt is still recorded) */
    boolean recordAttempt(String id, String leaseToken, DeliveryView.Attempt attempt, DeliveryState next,
                          Instant nextAttemptAt) {
        Document attemptDoc = new Document("at", Date.from(attempt.at()))
                .append("outcome", attempt.outcome())
                .append("httpStatus", attempt.httpStatus())
                .append("error", attempt.error())
                .append("durationMs", attempt.durationMs());
        Update update = new Update().push("attempts", attemptDoc).inc("attemptCount", 1)
                .set("state", next.name()).set("leaseUntil", NO_LEASE).unset("leaseToken");
        if (nextAttemptAt != null) {
            update.set("nextAttemptAt", Date.from(nextAttemptAt));
        } else {
            update.set("finishedAt", Date.from(attempt.at()));
        }
        boolean held = mongo.updateFirst(query(where("_id").is(id).and("leaseToken").is(leaseToken)), update, COLLECTION)
                .getModifiedCount() > 0;
        if (!held) {
            // someone else owns it now: keep the record of what we did, leave the state to them
            mongo.updateFirst(query(where("_id").is(id)), new Update().push("attempts", attemptDoc).inc("attemptCount", 1),
                    COLLECTION);
        }
        return held;
    }

    /** Gives the delivery back without counting an attempt, to be tried at {@code at}. */
    void release(String id, String leaseToken, Instant at) {
        mongo.updateFirst(query(where("_id").is(id).and("leaseToken").is(leaseToken)),
                new Update().set("nextAttemptAt", Date.from(at)).set("leaseUntil", NO_LEASE).unset("leaseToken"),
                COLLECTION);
    }

    void cancel(String id, String leaseToken, Instant now, String reason) {
        mongo.updateFirst(query(where("_id").is(id).and("leaseToken").is(leaseToken)),
                new Update().set("state", DeliveryState.CANCELLED.name()).set("finishedAt", Date.from(now))
                        .set("cancelReason", reason).set("leaseUntil", NO_LEASE).unset("leaseToken"),
                COLLECTION);
    }

    public List<DeliveryView> forAlert(String alertId) {
        return mongo.find(query(where("alertId").is(alertId)).with(Sort.by("_id")), Document.class, COLLECTION).stream()
                .map(DeliveryStore::view).toList();
    }

    private static DeliveryView view(Document d) {
        DeliveryState state = DeliveryState.valueOf(d.getString("state"));
        boolean open = state == DeliveryState.PENDING || state == DeliveryState.RETRYING;
        List<DeliveryView.Attempt> attempts = d.getList("attempts", Document.class, List.of()).stream()
                .map(a -> new DeliveryView.Attempt(a.getDate("at").toInstant(), a.getString("outcome"),
                        a.getInteger("httpStatus"), a.getString("error"), ((Number) a.get("durationMs")).longValue()))
                .toList();
        return new DeliveryView(d.getString("_id"), d.getString("subscriptionId"), d.getString("channelType"),
                state.name(), attempts, open ? d.getDate("nextAttemptAt").toInstant() : null,
                d.getDate("createdAt").toInstant());
    }
}
