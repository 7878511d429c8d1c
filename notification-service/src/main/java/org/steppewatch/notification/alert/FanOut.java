package org.steppewatch.notification.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.Severity;
import org.steppewatch.notification.delivery.DeliveryStore;
import org.steppewatch.notification.delivery.DeliveryWorker;
import org.steppewatch.notification.delivery.NewDelivery;
import org.steppewatch.notification.subscription.Subscription;
import org.steppewatch.notification.subscription.SubscriptionIndex;
import org.steppewatch.notification.subscription.SubscriptionStore;

/**
 * Creates the deliveries of stored alerts, off the Kafka listener's thread: the listener stores the alert with its
 * fan-out pending and hands it here, so a fan-out to 100,000 subscriptions does not hold up the next record. The
 * recipients are worked out when the fan-out runs, from the alert document (its assessment, its references), and the
 * deliveries created in chunks (delivery ids are alert id + subscription id, so a chunk created twice exists once);
 * the alert is marked done last. A pass at start and every {@code fan-out-recovery} takes up any alert whose fan-out
 * is not done and whose lease has expired: one that a crash, a stop or a failed write cut short, on this instance or
 * another.
 *
 * <p>Order per incident: an Update reaches everyone an earlier alert of the incident reached, and a Cancel everyone
 * any of them reached, read from the earlier alerts' deliveries. Those are complete only once the earlier fan-outs
 * are done, so a fan-out starts only when no earlier message of its incident has one pending
 * ({@link FanOutState#earlierPending}); otherwise it gives its lease back and is taken up again when the earlier one
 * finishes (which looks for the incident's waiting alerts) or by the next recovery pass. The check follows the claim,
 * and a waiting fan-out checks again after giving its lease back, so a finish in between is not missed.
 */
@Component
class FanOut implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FanOut.class);
    /** Deliveries created between two wake-ups of the worker (and two lease renewals). */
    static final int CHUNK = 5000;
    private static final int RECOVERY_BATCH = 100;

    private final FanOutState state;
    private final SubscriptionIndex index;
    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final DeliveryWorker worker;
    private final Clock clock;
    private final int threads;
    private final Duration lease;
    private final Duration recoveryEvery;
    private volatile ExecutorService executor;
    private volatile ScheduledExecutorService recovery;

    FanOut(FanOutState state, SubscriptionIndex index, SubscriptionStore subscriptions, DeliveryStore deliveries,
           DeliveryWorker worker, Clock clock,
           @Value("${steppewatch.alerts.fan-out-threads:2}") int threads,
           @Value("${steppewatch.alerts.fan-out-lease:60s}") Duration lease,
           @Value("${steppewatch.alerts.fan-out-recovery:10s}") Duration recoveryEvery) {
        this.state = state;
        this.index = index;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.worker = worker;
        this.clock = clock;
        this.threads = threads;
        this.lease = lease;
        this.recoveryEvery = recoveryEvery;
    }

    /** Starts the alert's fan-out soon, on this instance; does nothing when it is done or another instance runs it. */
    void submit(String alertId) {
        ExecutorService current = executor;
        if (current == null) {
            return; // stopped: the recovery pass of whichever instance runs next takes it up
        }
        try {
            current.execute(() -> run(alertId));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("fan-out of {} not started: stopping", alertId);
        }
    }

    boolean done(String alertId) {
        return state.done(alertId);
    }

    private void run(String alertId) {
        String token = UUID.randomUUID().toString();
        try {
            Document alert = claimWhenEarlierDone(alertId, token);
            if (alert == null) {
                return;
            }
            List<NewDelivery> all = recipients(alert);
            if (!state.recipients(alertId, token, all.size())) {
                return;
            }
            for (int from = 0; from < all.size(); from += CHUNK) {
                if (executor == null || Thread.currentThread().isInterrupted()) {
                    state.release(alertId, token);
                    return;
                }
                worker.createAndHandOver(all.subList(from, Math.min(all.size(), from + CHUNK)), clock.instant());
                if (!state.renew(alertId, token, clock.instant().plus(lease))) {
                    log.warn("fan-out of {} lost its lease after {} deliveries: another instance completes it",
                            alertId, from + CHUNK);
                    return;
                }
            }
            if (state.finish(alertId, token)) {
                log.info("fan-out of {} done: {} deliveries", alertId, all.size());
                // the incident's next message may have been waiting for this one
                state.unfinished(alert.getString("incidentId"), clock.instant(), RECOVERY_BATCH).forEach(this::submit);
            }
        } catch (RuntimeException e) {
            if (executor == null) {
                // stopping: a write cut off by the interrupt; hand the alert back rather than wait for the lease
                Thread.interrupted();
                try {
                    state.release(alertId, token);
                } catch (RuntimeException ignored) {
                    // the lease expires instead
                }
            }
            // otherwise the lease expires, and a recovery pass takes the alert up again
            log.warn("fan-out of {} stopped, to be resumed: {}", alertId, e.toString());
        }
    }

    /** @return the alert, leased to {@code token}, when no earlier fan-out of its incident is pending; else null */
    private Document claimWhenEarlierDone(String alertId, String token) {
        while (true) {
            Document alert = state.claim(alertId, token, clock.instant(), clock.instant().plus(lease));
            if (alert == null) {
                return null;
            }
            if (!state.earlierPending(alert)) {
                return alert;
            }
            state.release(alertId, token);
            if (state.earlierPending(alert)) {
                return null; // the earlier one, when done, submits this one again
            }
        }
    }

    /** Whom the alert goes to, as of now: see the class comment for why earlier recipients are complete. */
    private List<NewDelivery> recipients(Document alert) {
        String alertId = alert.getString("_id");
        String incidentId = alert.getString("incidentId");
        List<String> earlierIds = alert.getList("references", String.class, List.of());
        Map<String, String> earlier = deliveries.recipientsOf(earlierIds);
        List<NewDelivery> fanOut = new ArrayList<>();
        if ("Cancel".equals(alert.getString("msgType"))) {
            for (Subscription s : subscriptions.findForDelivery(earlier.keySet())) {
                if (s.active()) {
                    fanOut.add(new NewDelivery(alertId, s.id(), incidentId, s.channelType(), s.language(),
                            earlier.get(s.id())));
                }
            }
            return fanOut;
        }
        IncidentAssessed assessment = EventJson.read(alert.getString("assessment"), IncidentAssessed.class);
        index.match(AlertService.zones(assessment), severity(assessment)).forEach(m -> fanOut.add(
                new NewDelivery(alertId, m.subscriptionId(), incidentId, m.channelType(), m.language(), m.level())));
        // an Update also goes to everyone an earlier alert reached, even when the revised zones no longer reach
        // them or fall below their minimum severity: a town told to shelter must hear that the threat has moved
        Set<String> matched = fanOut.stream().map(NewDelivery::subscriptionId).collect(Collectors.toSet());
        for (Subscription s : subscriptions.findForDelivery(earlier.keySet())) {
            if (s.active() && !matched.contains(s.id())) {
                fanOut.add(new NewDelivery(alertId, s.id(), incidentId, s.channelType(), s.language(), null));
            }
        }
        return fanOut;
    }

    static Severity severity(IncidentAssessed assessment) {
        return assessment.severity() == null ? Severity.UNKNOWN : assessment.severity();
    }

    /** Takes up every fan-out that is not done and that nobody holds. */
    void recover() {
        try {
            List<String> unfinished = state.unfinished(null, clock.instant(), RECOVERY_BATCH);
            if (!unfinished.isEmpty()) {
                log.info("resuming {} unfinished fan-out(s)", unfinished.size());
                unfinished.forEach(this::submit);
            }
        } catch (RuntimeException e) {
            log.warn("fan-out recovery pass failed, next one in {}: {}", recoveryEvery, e.toString());
        }
    }

    @Override
    public void start() {
        executor = Executors.newFixedThreadPool(threads, daemon("alert-fan-out"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("alert-fan-out-recovery"));
        scheduler.scheduleWithFixedDelay(this::recover, 0, recoveryEvery.toMillis(), TimeUnit.MILLISECONDS);
        recovery = scheduler;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Fan-outs in flight stop after their current chunk and give their lease back, for the next instance. */
    @Override
    public void stop() {
        ScheduledExecutorService scheduler = recovery;
        ExecutorService running = executor;
        recovery = null;
        executor = null;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(lease.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
