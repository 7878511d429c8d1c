package org.steppewatch.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.steppewatch.notification.delivery.DeliveryStore.COLLECTION;
import static org.steppewatch.notification.delivery.DeliveryStore.NO_LEASE;

import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;

/** Writes what became of claimed deliveries, in bulk, fenced by their lease tokens. */
final class OutcomeWrites {

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoTemplate mongo;

    OutcomeWrites(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> deliveries() {
        return mongo.getCollection(COLLECTION);
    }

    /**
     * Writes a batch of outcomes in one unordered bulk request, each only where its lease token still
     * holds the delivery: never by the clock, which may be wrong or paused, so a late write cannot undo
     * another holder's work. An attempt whose lease was lost meanwhile (another worker owns the delivery
     * now) is still recorded, once, but does not decide the state.
     *
     * @return how many outcomes found their lease lost
     */
    int recordAll(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return 0;
        }
        List<UpdateOneModel<Document>> fenced = outcomes.stream()
                .map(o -> new UpdateOneModel<Document>(
                        Filters.and(Filters.eq("_id", o.id()), Filters.eq("leaseToken", o.token())), update(o)))
                .toList();
        int lost = outcomes.size() - deliveries().bulkWrite(fenced, UNORDERED).getMatchedCount();
        if (lost > 0) {
            keepLostAttempts(outcomes);
        }
        return lost;
    }

    /** For outcomes some of which lost their lease: add their attempts where they are not recorded yet. */
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
                if (o.next() == DeliveryState.FAILED) {
                    // written with the state, so the announcement survives a crash right after (see Exhaustion)
                    set.append(Exhaustion.PENDING, true);
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
}
