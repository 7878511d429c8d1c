package org.steppewatch.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.steppewatch.notification.delivery.DeliveryStore.COLLECTION;
import static org.steppewatch.notification.delivery.DeliveryStore.KIND_ALERT;
import static org.steppewatch.notification.delivery.DeliveryStore.KIND_CONFIRMATION;
import static org.steppewatch.notification.delivery.DeliveryStore.OPEN;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.steppewatch.contracts.ZoneLevels;

/** The read side of the deliveries: who an alert reached, its deliveries page by page, counts by state. */
final class DeliveryQueries {

    private final MongoTemplate mongo;

    DeliveryQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The subscriptions that were sent, or are still being sent, one of {@code alertIds}, each with
     * the worst zone level that reached it: whom a cancellation must reach. Failed and cancelled
     * deliveries do not count: those never got the alert.
     */
    Map<String, String> recipientsOf(Collection<String> alertIds) {
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

    /** A page of an alert's deliveries in id order, after the delivery id {@code after} (null: from the start). */
    List<DeliveryView> forAlert(String alertId, String after, int limit) {
        Query q = query(where("alertId").is(alertId));
        if (after != null) {
            q.addCriteria(where("_id").gt(after));
        }
        q.with(Sort.by("_id")).limit(limit);
        return mongo.find(q, Document.class, COLLECTION).stream().map(DeliveryQueries::view).toList();
    }

    /**
     * How many of an alert's deliveries are in each state, in the order of the state machine
     * (PENDING, RETRYING, SENT, FAILED, CANCELLED), states without any left out. Counts only:
     * what the public may see of who was alerted.
     */
    Map<String, Long> countsByState(String alertId) {
        Map<String, Long> byState = new java.util.HashMap<>();
        for (Document group : mongo.getCollection(COLLECTION).aggregate(List.of(
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
    long openCount() {
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

    /** Deliveries given up after their last attempt, waiting for a redrive. */
    long failedCount() {
        return mongo.count(query(where("state").is(DeliveryState.FAILED.name())), COLLECTION);
    }
}
