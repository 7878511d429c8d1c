package org.steppewatch.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.steppewatch.contracts.EndpointDisabled;
import org.steppewatch.notification.subscription.Subscription;
import org.steppewatch.notification.subscription.SubscriptionStore;

/**
 * Disables webhook endpoints that fail for days, as Svix and Convoy do: a small collection holds,
 * per failing endpoint, the first failed attempt since its last success ({@code since}); a success
 * deletes it. When an attempt fails and {@code since} is at least {@code disable-after} ago, the
 * subscription is DISABLED, its open deliveries CANCELLED and an {@link EndpointDisabled} event
 * written. The record is marked {@code disabling} first and deleted last, so a pass cut short is
 * finished by the next sweep.
 */
final class EndpointHealth {

    private static final Logger log = LoggerFactory.getLogger(EndpointHealth.class);
    static final String COLLECTION = "failingEndpoints";

    private final MongoTemplate mongo;
    private final SubscriptionStore subscriptions;
    private final OperationalEvents events;
    private final Duration disableAfter;
    private final Clock clock;

    EndpointHealth(MongoTemplate mongo, SubscriptionStore subscriptions, OperationalEvents events, Duration disableAfter,
                   Clock clock) {
        this.mongo = mongo;
        this.subscriptions = subscriptions;
        this.events = events;
        this.disableAfter = disableAfter;
        this.clock = clock;
    }

    /** Takes note of the webhook attempts of a recorded batch; disables the endpoints failing too long. */
    void observe(List<Outcome> batch) {
        Map<String, Instant> lastSuccess = new HashMap<>();
        Map<String, Outcome> firstFailure = new HashMap<>();
        for (Outcome o : batch) {
            if (o.type() != Outcome.Type.ATTEMPT || o.endpoint() == null) {
                continue;
            }
            if (o.attempt().success()) {
                lastSuccess.merge(o.endpoint(), o.attempt().at(), (a, b) -> a.isAfter(b) ? a : b);
            } else {
                firstFailure.merge(o.endpoint(), o, (a, b) -> a.attempt().at().isBefore(b.attempt().at()) ? a : b);
            }
        }
        if (!lastSuccess.isEmpty()) {
            mongo.remove(query(where("_id").in(lastSuccess.keySet())), COLLECTION);
        }
        Set<String> failing = new HashSet<>();
        firstFailure.forEach((endpoint, o) -> {
            Instant success = lastSuccess.get(endpoint);
            if (success == null || o.attempt().at().isAfter(success)) {
                mongo.upsert(query(where("_id").is(endpoint)), new Update()
                        .setOnInsert("since", Date.from(o.attempt().at()))
                        .set("lastFailureAt", Date.from(o.attempt().at()))
                        .set("lastError", o.attempt().error()), COLLECTION);
                failing.add(endpoint);
            }
        });
        if (!failing.isEmpty()) {
            Date cutoff = Date.from(clock.instant().minus(disableAfter));
            mongo.find(query(where("_id").in(failing).and("since").lte(cutoff)), Document.class, COLLECTION)
                    .forEach(this::disable);
        }
    }

    /** Finishes disabling what a crash or an outage interrupted. */
    void sweep() {
        mongo.find(query(where("disabling").is(true)), Document.class, COLLECTION).forEach(this::disable);
    }

    private void disable(Document failing) {
        String id = failing.getString("_id");
        Instant since = failing.getDate("since").toInstant();
        Instant now = clock.instant();
        mongo.updateFirst(query(where("_id").is(id)), new Update().set("disabling", true), COLLECTION);
        String reason = "every delivery failed since " + since + " (for at least " + disableAfter + "); last error: "
                + failing.getString("lastError");
        boolean disabledNow = subscriptions.disable(id, reason, now);
        boolean disabled = disabledNow || subscriptions.find(id).map(s -> Subscription.DISABLED.equals(s.state())).orElse(false);
        if (disabled) {
            long cancelled = mongo.updateMulti(query(where("subscriptionId").is(id).and("state").in(DeliveryStore.OPEN)),
                    new Update().set("state", DeliveryState.CANCELLED.name()).set("finishedAt", Date.from(now))
                            .set("note", "subscription disabled: " + reason)
                            .set("leaseUntil", DeliveryStore.NO_LEASE).unset("leaseToken"),
                    DeliveryStore.COLLECTION).getModifiedCount();
            events.publish("endpoint.disabled:" + id + ":" + since.toEpochMilli(),
                    new EndpointDisabled(id, reason, since, now, cancelled), now);
            log.warn("webhook subscription {} disabled, {} open deliveries cancelled: {}", id, cancelled, reason);
        }
        mongo.remove(query(where("_id").is(id)), COLLECTION);
    }
}
