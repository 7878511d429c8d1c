package org.steppewatch.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.steppewatch.notification.subscription.Subscription;
import org.steppewatch.notification.subscription.SubscriptionStore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due deliveries: claims them one at a time with a lease (so two instances never send the
 * same one at once, and a crash mid-send frees it when the lease runs out), sends up to
 * {@code concurrency} at a time, and records every attempt. Woken after a fan-out, otherwise it
 * polls. A receiver that is down only delays its own deliveries.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    /** How long to wait for an alert document written just after its deliveries (a fan-out in progress). */
    private static final Duration ALERT_NOT_YET_STORED = Duration.ofSeconds(2);
    /**
     * Deliveries whose alert never got stored (the fan-out crashed and its assessment went to the
     * dead-letter topic) are given up after this long; a replay from the DLT within it still sends them.
     */
    private static final Duration ORPHAN_AFTER = Duration.ofDays(1);

    private final DeliveryStore store;
    private final SubscriptionStore subscriptions;
    private final AlertPayloads alerts;
    private final DeliveryProperties properties;
    private final Backoff backoff;
    private final WebhookSender sender;
    private final JsonMapper json;
    private final Clock clock;
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Semaphore slots;
    private volatile ExecutorService pool;
    private volatile Thread loop;
    private volatile boolean running;

    DeliveryWorker(DeliveryStore store, SubscriptionStore subscriptions, AlertPayloads alerts,
                   DeliveryProperties properties, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.alerts = alerts;
        this.properties = properties;
        this.backoff = properties.backoff();
        this.sender = new WebhookSender(properties.connectTimeout(), properties.requestTimeout(), clock);
        this.json = json;
        this.clock = clock;
        this.slots = new Semaphore(properties.concurrency());
        this.sent = counter(meters, "sent");
        this.retried = counter(meters, "retried");
        this.failed = counter(meters, "failed");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("steppewatch.deliveries").description("webhook delivery attempts by outcome")
                .tag("outcome", outcome).register(meters);
    }

    /** Look for due deliveries now rather than at the next poll; call after creating some. */
    public void wake() {
        wakeUp.release();
    }

    private void run() {
        while (running) {
            try {
                // claim only when a sender is free, so no lease is held by a delivery waiting in a queue
                if (!slots.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    continue;
                }
                Document claimed;
                String token = UUID.randomUUID().toString();
                try {
                    Instant now = clock.instant();
                    claimed = store.claimNext(now, now.plus(properties.lease()), token);
                } catch (RuntimeException e) {
                    slots.release();
                    log.warn("could not look for due deliveries, retrying in {}: {}", properties.pollInterval(), e.toString());
                    Thread.sleep(properties.pollInterval().toMillis());
                    continue;
                }
                if (claimed == null) {
                    slots.release();
                    wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                    continue;
                }
                pool.execute(() -> {
                    try {
                        attempt(claimed, token);
                    } finally {
                        slots.release();
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void attempt(Document delivery, String token) {
        String id = delivery.getString("_id");
        try {
            Optional<Subscription> subscription = subscriptions.find(delivery.getString("subscriptionId"))
                    .filter(Subscription::active);
            if (subscription.isEmpty()) {
                store.cancel(id, token, clock.instant(), "subscription deleted");
                return;
            }
            Optional<Map<String, Object>> data = alerts.webhookData(delivery.getString("alertId"));
            if (data.isEmpty()) {
                Instant now = clock.instant();
                Duration age = Duration.between(delivery.getDate("createdAt").toInstant(), now);
                if (age.compareTo(ORPHAN_AFTER) > 0) {
                    store.cancel(id, token, now, "alert was never stored");
                } else {
                    // look again soon, then less and less often
                    Duration wait = age.dividedBy(10).compareTo(ALERT_NOT_YET_STORED) > 0 ? age.dividedBy(10) : ALERT_NOT_YET_STORED;
                    store.release(id, token, now.plus(wait));
                }
                return;
            }
            String body = body(data.get(), delivery.getString("language"));
            DeliveryView.Attempt attempt = sender.send(subscription.get().url(), subscription.get().secret(), id, body);
            record(id, token, delivery.getInteger("attemptCount", 0) + 1, attempt);
        } catch (InterruptedException e) {
            // shutting down mid-attempt: hand it back uncounted so the next start (or another instance) retries it
            Thread.currentThread().interrupt();
            store.release(id, token, clock.instant());
        } catch (RuntimeException e) {
            // e.g. MongoDB unreachable: the lease runs out and the delivery is claimed again
            log.warn("delivery {} not completed, will retry after its lease: {}", id, e.toString());
        }
    }

    private void record(String id, String token, int attemptNumber, DeliveryView.Attempt attempt) {
        if ("success".equals(attempt.outcome())) {
            store.recordAttempt(id, token, attempt, DeliveryState.SENT, null);
            sent.increment();
        } else if (attemptNumber >= properties.maxAttempts()) {
            store.recordAttempt(id, token, attempt, DeliveryState.FAILED, null);
            failed.increment();
            log.warn("delivery {} FAILED after {} attempts: {}", id, attemptNumber, attempt.error());
        } else {
            Instant next = clock.instant().plus(backoff.delay(attemptNumber));
            store.recordAttempt(id, token, attempt, DeliveryState.RETRYING, next);
            retried.increment();
            log.info("delivery {} attempt {} failed ({}), next attempt at {}", id, attemptNumber, attempt.error(), next);
        }
    }

    /** The Standard Webhooks body: the same bytes are signed and sent. */
    private String body(Map<String, Object> alert, String language) {
        Map<String, Object> data = new LinkedHashMap<>(alert);
        data.put("language", language);
        // the CAP 1.2 XML comes with the CAP issue; the field is in the contract already
        data.put("cap", null);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", "alert.issued");
        envelope.put("timestamp", alert.get("sent"));
        envelope.put("data", data);
        return json.writeValueAsString(envelope);
    }

    @Override
    public void start() {
        if (running) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(properties.concurrency(), r -> {
            Thread t = new Thread(r, "webhook-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        running = true;
        Thread t = new Thread(this::run, "delivery-worker");
        t.setDaemon(true);
        loop = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = loop;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ExecutorService p = pool;
        if (p != null) {
            p.shutdown();
            try {
                // let attempts in flight finish and be recorded; interrupt them only if they hang
                if (!p.awaitTermination(properties.requestTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
                    p.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.shutdownNow();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
