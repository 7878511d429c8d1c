package org.steppewatch.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.steppewatch.notification.subscription.Subscription;
import org.steppewatch.notification.subscription.SubscriptionIndex;
import org.steppewatch.notification.subscription.SubscriptionStore;

/**
 * Gets a claimed batch ready to send: its subscriptions (active ones from the in-memory index, the
 * store read only for the others), its alerts in one read (and its notices, if it has any, in another), and for each delivery either what to send
 * or an outcome decided without contacting anybody.
 * <p>
 * Per subscriber the latest message wins: a delivery whose alert a newer message of the incident
 * replaced (an Update, or a Cancel) is CANCELLED, since that newer message goes to everybody the
 * earlier one reached or was reaching; and an Update or Cancel is handed back for a moment while an
 * older message of the same incident to the same subscription is leased by any worker (it may be
 * on the wire), so it can never arrive before it.
 */
final class DeliveryPreparation {

    /**
     * An alert is stored before any of its deliveries, so a delivery without its alert is left from data written
     * before that order, or its alert was removed by hand: it is looked at again, less and less often from this
     * wait on, and given up after {@link #ORPHAN_AFTER}.
     */
    private static final Duration ALERT_NOT_YET_STORED = Duration.ofSeconds(1);
    private static final Duration ORPHAN_AFTER = Duration.ofDays(1);
    /** How long a newer message waits before it looks again whether the older one is still in flight. */
    static final Duration OLDER_IN_FLIGHT = Duration.ofSeconds(1);

    /** A delivery to attempt now. */
    record Ready(Document delivery, Subscription subscription, AlertPayloads.AlertPayload alert) {
    }

    /** The batch split into what to attempt and what was decided without sending. */
    record Prepared(List<Ready> ready, List<Outcome> settled) {
    }

    private final DeliveryStore store;
    private final SubscriptionStore subscriptions;
    private final SubscriptionIndex activeSubscriptions;
    private final AlertPayloads alerts;
    private final NoticePayloads notices;

    DeliveryPreparation(DeliveryStore store, SubscriptionStore subscriptions, SubscriptionIndex activeSubscriptions,
                        AlertPayloads alerts, NoticePayloads notices) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.activeSubscriptions = activeSubscriptions;
        this.alerts = alerts;
        this.notices = notices;
    }

    Prepared prepare(List<Document> batch, Outcome.Lease lease, Instant now) {
        Set<String> subscriptionIds = new LinkedHashSet<>();
        Set<String> alertIds = new LinkedHashSet<>();
        Set<String> noticeIds = new LinkedHashSet<>();
        for (Document d : batch) {
            subscriptionIds.add(d.getString("subscriptionId"));
            if (d.getString("alertId") != null) {
                (DeliveryStore.KIND_NOTICE.equals(d.getString("kind")) ? noticeIds : alertIds).add(d.getString("alertId"));
            }
        }
        Map<String, Subscription> subs = new HashMap<>(activeSubscriptions.activeAmong(subscriptionIds));
        if (subs.size() < subscriptionIds.size()) {
            subscriptionIds.removeAll(subs.keySet());
            subscriptions.findForDelivery(subscriptionIds).forEach(s -> subs.put(s.id(), s));
        }
        Map<String, AlertPayloads.AlertPayload> payloads = new HashMap<>();
        if (!alertIds.isEmpty()) {
            payloads.putAll(alerts.load(alertIds));
        }
        if (!noticeIds.isEmpty()) {
            // a notice is delivered as an alert is; its id is never an alert's (both are name-based UUIDs of other names)
            payloads.putAll(notices.load(noticeIds));
        }
        List<Ready> ready = new ArrayList<>(batch.size());
        List<Outcome> settled = new ArrayList<>();
        for (Document d : batch) {
            Subscription sub = subs.get(d.getString("subscriptionId"));
            AlertPayloads.AlertPayload alert = d.getString("alertId") == null ? null : payloads.get(d.getString("alertId"));
            Outcome outcome = settledWithoutSending(d, lease, sub, alert, now);
            if (outcome != null) {
                settled.add(outcome);
            } else {
                ready.add(new Ready(d, sub, alert));
            }
        }
        return new Prepared(afterOlderMessages(ready, lease, now, settled), settled);
    }

    /** An outcome decided without contacting anybody, or null when the delivery is to be attempted. */
    private static Outcome settledWithoutSending(Document d, Outcome.Lease lease, Subscription sub,
                                                 AlertPayloads.AlertPayload alert, Instant now) {
        String id = d.getString("_id");
        boolean confirmation = DeliveryStore.KIND_CONFIRMATION.equals(d.getString("kind"));
        if (sub == null || Subscription.DELETED.equals(sub.state())) {
            return Outcome.cancel(id, lease, "subscription deleted");
        }
        if (confirmation) {
            return Subscription.PENDING_CONFIRMATION.equals(sub.state()) ? null
                    : Outcome.cancel(id, lease, "subscription confirmed already");
        }
        if (Subscription.DISABLED.equals(sub.state())) {
            return Outcome.cancel(id, lease, "subscription disabled");
        }
        if (!sub.active()) {
            return Outcome.cancel(id, lease, "subscription not confirmed");
        }
        if (alert == null) {
            Duration age = Duration.between(d.getDate("createdAt").toInstant(), now);
            if (age.compareTo(ORPHAN_AFTER) > 0) {
                return Outcome.cancel(id, lease, "alert was never stored");
            }
            // look again soon, then less and less often
            Duration wait = age.dividedBy(10).compareTo(ALERT_NOT_YET_STORED) > 0 ? age.dividedBy(10) : ALERT_NOT_YET_STORED;
            return Outcome.release(id, lease, now.plus(wait));
        }
        String replacedBy = alert.replacedBy();
        if (replacedBy != null) {
            return Outcome.cancel(id, lease, "superseded by " + replacedBy);
        }
        if (Subscription.WEBHOOK.equals(sub.channelType()) && (sub.url() == null || sub.secret() == null)) {
            return Outcome.cancel(id, lease, "webhook without url or secret");
        }
        return null;
    }

    /**
     * The deliveries of {@code ready} that may go now; the Updates and Cancels with an older message of
     * their incident to the same subscription leased elsewhere are handed back into {@code settled}. One
     * read per batch, and only when it holds Updates or Cancels: a first Alert has nothing before it.
     */
    private List<Ready> afterOlderMessages(List<Ready> ready, Outcome.Lease lease, Instant now, List<Outcome> settled) {
        Set<String> incidents = new LinkedHashSet<>();
        Set<String> newer = new LinkedHashSet<>();
        for (Ready r : ready) {
            if (r.alert() != null && !"Alert".equals(r.alert().msgType()) && r.delivery().getString("incidentId") != null) {
                incidents.add(r.delivery().getString("incidentId"));
                newer.add(r.alert().id());
            }
        }
        if (incidents.isEmpty()) {
            return ready;
        }
        Set<String> busy = store.olderInFlight(incidents, newer, lease.token(), now);
        if (busy.isEmpty()) {
            return ready;
        }
        List<Ready> go = new ArrayList<>(ready.size());
        for (Ready r : ready) {
            String key = DeliveryStore.pair(r.delivery().getString("incidentId"), r.delivery().getString("subscriptionId"));
            if (newer.contains(r.delivery().getString("alertId")) && busy.contains(key)) {
                settled.add(Outcome.release(r.delivery().getString("_id"), lease, now.plus(OLDER_IN_FLIGHT)));
            } else {
                go.add(r);
            }
        }
        return go;
    }
}
