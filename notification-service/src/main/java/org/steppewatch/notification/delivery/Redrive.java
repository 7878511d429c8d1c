package org.steppewatch.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Sends FAILED deliveries again: each goes back to PENDING with a fresh round of the retry schedule
 * (its earlier attempts stay in its history, and it keeps its id, so receivers see the same
 * {@code webhook-id}). Deliveries of an alert that a newer message replaced are left FAILED and
 * counted as skipped: the newer message is what their subscribers need.
 */
@Component
class Redrive {

    /** FAILED deliveries moved at most by one request; a larger backlog takes several. */
    static final int MAX = 100_000;

    /** @param skipped FAILED deliveries of superseded or cancelled alerts, left as they were */
    record Result(long redriven, long skipped) {
    }

    private final MongoTemplate mongo;
    private final AlertPayloads alerts;
    private final DeliveryWorker worker;
    private final Clock clock;

    Redrive(MongoTemplate mongo, AlertPayloads alerts, DeliveryWorker worker, Clock clock) {
        this.mongo = mongo;
        this.alerts = alerts;
        this.worker = worker;
        this.clock = clock;
    }

    Result delivery(String deliveryId) {
        return redrive(where("_id").is(deliveryId));
    }

    Result ofAlert(String alertId) {
        return redrive(where("alertId").is(alertId));
    }

    Result ofSubscription(String subscriptionId) {
        return redrive(where("subscriptionId").is(subscriptionId));
    }

    /** Every delivery that FAILED at or after {@code since}. */
    Result failedSince(Instant since) {
        return redrive(where("finishedAt").gte(Date.from(since)));
    }

    private Result redrive(Criteria selector) {
        Query failed = query(selector).addCriteria(where("state").is(DeliveryState.FAILED.name())).limit(MAX);
        failed.fields().include("alertId").include("attemptCount");
        List<Document> found = mongo.find(failed, Document.class, DeliveryStore.COLLECTION);
        if (found.isEmpty()) {
            return new Result(0, 0);
        }
        Set<String> alertIds = new LinkedHashSet<>();
        found.stream().map(d -> d.getString("alertId")).filter(a -> a != null).forEach(alertIds::add);
        Map<String, AlertPayloads.AlertPayload> payloads = alertIds.isEmpty() ? Map.of() : alerts.load(alertIds);
        Instant now = clock.instant();
        List<Document> again = new ArrayList<>();
        long skipped = 0;
        for (Document d : found) {
            AlertPayloads.AlertPayload alert = d.getString("alertId") == null ? null : payloads.get(d.getString("alertId"));
            if (alert != null && alert.replacedBy() != null) {
                skipped++;
            } else {
                again.add(d);
            }
        }
        if (again.isEmpty()) {
            return new Result(0, skipped);
        }
        BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, DeliveryStore.COLLECTION);
        for (Document d : again) {
            int attempts = d.getInteger("attemptCount", 0);
            // only if nobody redrove it meanwhile: the attempt count says which round this is
            bulk.updateOne(query(where("_id").is(d.getString("_id")).and("state").is(DeliveryState.FAILED.name())
                            .and("attemptCount").is(attempts)),
                    new Update().set("state", DeliveryState.PENDING.name()).set(DeliveryStore.ROUND_START, attempts)
                            .set("nextAttemptAt", Date.from(now)).set("leaseUntil", DeliveryStore.NO_LEASE)
                            .unset("finishedAt").unset(Exhaustion.PENDING)
                            .push("redrives", new Document("at", Date.from(now)).append("afterAttempts", attempts)));
        }
        long redriven = bulk.execute().getModifiedCount();
        worker.wake();
        return new Result(redriven, skipped);
    }
}
