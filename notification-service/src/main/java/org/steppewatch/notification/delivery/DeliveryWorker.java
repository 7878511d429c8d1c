package org.steppewatch.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.steppewatch.notification.PublicLinks;
import org.steppewatch.notification.egress.WebhookTargets;
import org.steppewatch.notification.subscription.SubscriptionIndex;
import org.steppewatch.notification.subscription.SubscriptionStore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due deliveries as a pipeline of batches, each part on its own thread:
 * <ol>
 * <li>the claim loop here takes a batch, handed over by a fan-out or claimed by the {@link Claimer},
 * and gets it ready ({@link DeliveryPreparation});</li>
 * <li>{@link Attempts} sends it concurrently, bounded per host and in all;</li>
 * <li>the {@link OutcomeRecorder} writes the outcomes, fenced by their lease tokens, in bulk.</li>
 * </ol>
 * Meanwhile {@link Leases} renews the leases of what is still being worked on. Deliveries are
 * documents, so nothing is lost at a restart: a graceful stop hands back what was claimed but not
 * attempted, and a crash leaves leases that simply expire.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    /** How often deliveries given up or endpoints disabled that a crash left unannounced are looked for. */
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final DeliveryStore store;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final Claimer claimer;
    private final DeliveryPreparation preparation;
    private final Leases leases;
    private final Attempts attempts;
    private final OutcomeRecorder recorder;
    private final Exhaustion exhaustion;
    private final EndpointHealth endpoints;
    /** Released on wake() and on a hand-over: the claim loop has something to do. */
    private final Semaphore workArrived = new Semaphore(0);
    /**
     * Set by wake(): deliveries may be due in the store that were not. Otherwise, after a search
     * that found nothing, the store is searched again only a poll interval later (each search is a
     * scan of the collection in the embedded MongoDB).
     */
    private final AtomicBoolean lookInStore = new AtomicBoolean(true);
    /** Released whenever outcomes were recorded: the claim loop may have room again. */
    private final Semaphore roomFreed = new Semaphore(0);
    private final AtomicInteger outstanding = new AtomicInteger();
    /** Fan-out chunks created already leased to this worker, waiting to be sent; at most two. */
    private final ConcurrentLinkedQueue<HandOver> handedOver = new ConcurrentLinkedQueue<>();
    private final Semaphore handOverSpace = new Semaphore(2);
    private volatile ScheduledExecutorService upkeep;
    private volatile Thread loop;
    private volatile boolean running;

    DeliveryWorker(DeliveryStore store, SubscriptionStore subscriptions, SubscriptionIndex activeSubscriptions,
                   AlertPayloads alerts, NoticePayloads notices, DeliveryProperties properties, MailChannel mail, PublicLinks links, JsonMapper json,
                   Clock clock, MeterRegistry meters, WebhookTargets webhookTargets, OperationalEvents events,
                   MongoTemplate mongo) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.claimer = new Claimer(store);
        this.preparation = new DeliveryPreparation(store, subscriptions, activeSubscriptions, alerts, notices);
        this.leases = new Leases(store, properties.lease(), clock);
        this.exhaustion = new Exhaustion(mongo, events, OutcomeRecorder.counter(meters, "exhausted"));
        this.endpoints = new EndpointHealth(mongo, subscriptions, events, properties.disableAfter(), clock);
        this.recorder = new OutcomeRecorder(store, leases, exhaustion, endpoints, meters, this::recorded);
        WebhookSender webhooks = new WebhookSender(properties.connectTimeout(), properties.requestTimeout(),
                properties.attemptDeadline(), properties.concurrency(), properties.perHostConcurrency(), webhookTargets, clock);
        this.attempts = new Attempts(webhooks, mail, links, json, properties, leases, clock, recorder::add);
        DeliveryQueries queries = store.queries();
        Gauge.builder("steppewatch.deliveries.failed", queries, DeliveryQueries::failedCount)
                .description("deliveries FAILED after their last attempt, waiting for a redrive").register(meters);
    }

    /** Look for due deliveries now rather than at the next poll; call after creating some. */
    public void wake() {
        lookInStore.set(true);
        workArrived.release();
    }

    /**
     * Creates a fan-out's deliveries already leased to this worker and queues them for sending,
     * which spares each of them the claim (an update and a read): half the store work of a first
     * attempt. Waits while two chunks are queued already; when the worker is not running (or stays
     * full for half a lease) the deliveries are created unleased instead, for any instance to claim.
     * Either way each exists once. Queued chunks are renewed like any other lease.
     */
    public void createAndHandOver(List<NewDelivery> deliveries, Instant now) {
        boolean queued = false;
        if (running) {
            try {
                queued = handOverSpace.tryAcquire(properties.lease().toMillis() / 2, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!queued || !running) {
            if (queued) {
                handOverSpace.release();
            }
            store.createAll(deliveries, now);
            wake();
            return;
        }
        Outcome.Lease lease = new Outcome.Lease(UUID.randomUUID().toString(), clock.instant().plus(properties.lease()));
        List<Document> inserted;
        try {
            inserted = store.createLeased(deliveries, now, lease);
        } catch (RuntimeException e) {
            handOverSpace.release();
            throw e;
        }
        leases.taken(lease, inserted.size());
        handedOver.add(new HandOver(inserted, lease));
        workArrived.release();
    }

    private record HandOver(List<Document> deliveries, Outcome.Lease lease) {
    }

    private void claimLoop() {
        int lowWater = Math.min(properties.claimBatch(), properties.maxOutstanding() / 2);
        long quietUntil = System.nanoTime();
        while (running) {
            try {
                int room = properties.maxOutstanding() - outstanding.get();
                if (room < lowWater) {
                    roomFreed.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                HandOver handOver = handedOver.poll();
                if (handOver != null) {
                    handOverSpace.release();
                    send(handOver.deliveries(), handOver.lease());
                    continue;
                }
                long quiet = quietUntil - System.nanoTime();
                if (quiet > 0 && !lookInStore.get()) {
                    workArrived.tryAcquire(quiet, TimeUnit.NANOSECONDS);
                    continue;
                }
                lookInStore.set(false);
                Outcome.Lease lease = new Outcome.Lease(UUID.randomUUID().toString(), clock.instant().plus(properties.lease()));
                List<Document> batch;
                try {
                    batch = claimer.claim(clock.instant(), lease.until(), lease.token(), Math.min(room, properties.claimBatch()));
                } catch (RuntimeException e) {
                    log.warn("could not look for due deliveries, retrying in {}: {}", properties.pollInterval(), e.toString());
                    Thread.sleep(properties.pollInterval().toMillis());
                    continue;
                }
                if (batch.isEmpty()) {
                    // nothing due: the store is searched again after a poll interval, or when woken
                    quietUntil = System.nanoTime() + properties.pollInterval().toNanos();
                    continue;
                }
                leases.taken(lease, batch.size());
                send(batch, lease);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void send(List<Document> batch, Outcome.Lease lease) {
        if (batch.isEmpty()) {
            return;
        }
        outstanding.addAndGet(batch.size());
        DeliveryPreparation.Prepared prepared;
        try {
            prepared = preparation.prepare(batch, lease, clock.instant());
        } catch (RuntimeException e) {
            // e.g. MongoDB gone while loading subscriptions: nothing was handed on, all is handed back
            log.warn("could not prepare {} deliveries, handing them back: {}", batch.size(), e.toString());
            for (Document d : batch) {
                recorder.add(Outcome.release(d.getString("_id"), lease, clock.instant().plus(properties.pollInterval())));
            }
            return;
        }
        prepared.settled().forEach(recorder::add);
        attempts.submit(prepared.ready(), lease);
    }

    /** A batch of outcomes was written (or given up). */
    private void recorded(List<Outcome> batch) {
        outstanding.addAndGet(-batch.size());
        if (batch.stream().anyMatch(o -> o.type() == Outcome.Type.RELEASE)) {
            // handed back, most of them due at once
            wake();
        }
        roomFreed.release();
    }

    @Override
    public void start() {
        if (running || !properties.workerEnabled()) {
            return;
        }
        attempts.start();
        running = true;
        recorder.start();
        upkeep = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "delivery-upkeep");
            t.setDaemon(true);
            return t;
        });
        long renew = properties.renewEvery().toMillis();
        upkeep.scheduleWithFixedDelay(leases::renew, renew, renew, TimeUnit.MILLISECONDS);
        upkeep.scheduleWithFixedDelay(this::sweep, 0, SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        loop = new Thread(this::claimLoop, "delivery-claimer");
        loop.setDaemon(true);
        loop.start();
    }

    private void sweep() {
        try {
            exhaustion.announceLeftOver();
            endpoints.sweep();
        } catch (RuntimeException e) {
            log.warn("could not look for unannounced failures: {}", e.toString());
        }
    }

    /**
     * Stops claiming, hands back what was claimed but not started, lets attempts in flight finish
     * and records everything before returning, so the next start (or another instance) resumes at once.
     */
    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        // not interrupted: a claim cut short between its update and its read would strand its leases
        workArrived.release();
        roomFreed.release();
        try {
            loop.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (HandOver handOver = handedOver.poll(); handOver != null; handOver = handedOver.poll()) {
            handOverSpace.release();
            outstanding.addAndGet(handOver.deliveries().size());
            for (Document d : handOver.deliveries()) {
                recorder.add(Outcome.release(d.getString("_id"), handOver.lease(), clock.instant()));
            }
        }
        attempts.stop();
        // renewed until everything is recorded
        recorder.stop();
        upkeep.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Closes the pooled webhook connections when the context goes away (after {@link #stop}). */
    @jakarta.annotation.PreDestroy
    void closeConnections() {
        attempts.close();
    }

    /** Deliveries claimed and not yet recorded (for tests and the benchmark). */
    public int outstanding() {
        return outstanding.get();
    }
}
