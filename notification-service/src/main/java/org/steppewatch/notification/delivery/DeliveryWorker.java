package org.steppewatch.notification.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.steppewatch.notification.PublicLinks;
import org.steppewatch.notification.egress.WebhookTargets;
import org.steppewatch.notification.subscription.Subscription;
import org.steppewatch.notification.subscription.SubscriptionIndex;
import org.steppewatch.notification.subscription.SubscriptionStore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due deliveries as a pipeline of batches:
 * <ol>
 * <li>the claim loop stamps a lease on up to {@code claim-batch} due deliveries in one update,
 * takes their subscriptions from the in-memory index (reading the store only for those it does not
 * hold), loads their alerts in one read, and hands them to the dispatcher;</li>
 * <li>the dispatcher sends them concurrently (HTTP/1.1 keep-alive, bounded per host and in all);
 * an attempt only starts while its lease has time left for the longest attempt, so no delivery is
 * sent twice within or across leases;</li>
 * <li>the recorder writes the outcomes of whatever finished meanwhile in one unordered bulk
 * request, and only then counts them in the metrics.</li>
 * </ol>
 * Deliveries are documents, so nothing is lost at a restart: a graceful stop hands back what was
 * claimed but not attempted, and a crash leaves leases that simply expire.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    /** How long to wait for an alert document written just after its deliveries (a fan-out in progress). */
    private static final Duration ALERT_NOT_YET_STORED = Duration.ofSeconds(1);
    /**
     * Deliveries whose alert never got stored (the fan-out crashed and its assessment went to the
     * dead-letter topic) are given up after this long; a replay from the DLT within it still sends them.
     */
    private static final Duration ORPHAN_AFTER = Duration.ofDays(1);
    private static final int RECORD_BATCH = 1000;
    private static final String SMTP = "smtp";
    /** Buckets searched by the first claim after an idle spell: 8 of 1024, under 1 % of what is due. */
    private static final int FIRST_WIDTH = 8;

    private final DeliveryStore store;
    private final SubscriptionStore subscriptions;
    private final SubscriptionIndex activeSubscriptions;
    private final AlertPayloads alerts;
    private final DeliveryProperties properties;
    private final Backoff backoff;
    private final WebhookSender webhooks;
    private final MailChannel mail;
    private final PublicLinks links;
    private final JsonMapper json;
    private final Clock clock;
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;
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
    private final LinkedBlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    /** Fan-out chunks created already leased to this worker, waiting to be sent; at most two. */
    private final java.util.concurrent.ConcurrentLinkedQueue<HandOver> handedOver = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Semaphore handOverSpace = new Semaphore(2);
    private volatile Dispatcher dispatcher;
    private volatile ExecutorService mailThreads;
    private volatile ExecutorService webhookThreads;
    private volatile Thread loop;
    private volatile Thread recorder;
    private volatile boolean running;
    private volatile boolean recording;
    /** Claim-loop state: where the next claim looks, and how many buckets at once. */
    private int nextBucket;
    private int bucketWidth = FIRST_WIDTH;

    DeliveryWorker(DeliveryStore store, SubscriptionStore subscriptions, SubscriptionIndex activeSubscriptions,
                   AlertPayloads alerts, DeliveryProperties properties, MailChannel mail, PublicLinks links, JsonMapper json, Clock clock,
                   MeterRegistry meters, WebhookTargets webhookTargets) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.activeSubscriptions = activeSubscriptions;
        this.alerts = alerts;
        this.properties = properties;
        this.backoff = properties.backoff();
        this.webhooks = new WebhookSender(properties.connectTimeout(), properties.requestTimeout(),
                properties.attemptDeadline(), properties.concurrency(), properties.perHostConcurrency(), webhookTargets, clock);
        this.mail = mail;
        this.links = links;
        this.json = json;
        this.clock = clock;
        this.sent = counter(meters, "sent");
        this.retried = counter(meters, "retried");
        this.failed = counter(meters, "failed");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("steppewatch.deliveries").description("delivery attempts by outcome (webhook and e-mail)")
                .tag("outcome", outcome).register(meters);
    }

    /** Look for due deliveries now rather than at the next poll; call after creating some. */
    public void wake() {
        lookInStore.set(true);
        workArrived.release();
    }

    /**
     * Creates a fan-out's deliveries already leased to this worker and queues them for sending,
     * which spares each of them the claim (an update and a read): half the store work of a first
     * attempt. Waits while two chunks are queued already, so leases do not age in the queue; when
     * the worker is not running (or stays full for half a lease) the deliveries are created unleased
     * instead, for any instance to claim. Either way each exists once.
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
        handedOver.add(new HandOver(inserted, lease));
        workArrived.release();
    }

    private record HandOver(List<Document> deliveries, Outcome.Lease lease) {
    }

    // --- the claim loop ---------------------------------------------------------------------------

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
                    if (!handOver.deliveries().isEmpty()) {
                        outstanding.addAndGet(handOver.deliveries().size());
                        dispatchOrHandBack(handOver.deliveries(), handOver.lease());
                    }
                    continue;
                }
                long quiet = quietUntil - System.nanoTime();
                if (quiet > 0 && !lookInStore.get()) {
                    workArrived.tryAcquire(quiet, TimeUnit.NANOSECONDS);
                    continue;
                }
                lookInStore.set(false);
                String token = UUID.randomUUID().toString();
                Instant now = clock.instant();
                Instant leaseUntil = now.plus(properties.lease());
                List<Document> batch;
                try {
                    batch = claim(now, leaseUntil, token, Math.min(room, properties.claimBatch()));
                } catch (RuntimeException e) {
                    log.warn("could not look for due deliveries, retrying in {}: {}", properties.pollInterval(), e.toString());
                    Thread.sleep(properties.pollInterval().toMillis());
                    continue;
                }
                Outcome.Lease lease = new Outcome.Lease(token, leaseUntil);
                if (batch.isEmpty()) {
                    // nothing due: the store is searched again after a poll interval, or when woken
                    quietUntil = System.nanoTime() + properties.pollInterval().toNanos();
                    continue;
                }
                outstanding.addAndGet(batch.size());
                dispatchOrHandBack(batch, lease);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void dispatchOrHandBack(List<Document> batch, Outcome.Lease lease) {
        try {
            dispatch(batch, lease);
        } catch (RuntimeException e) {
            // e.g. MongoDB gone while loading subscriptions: nothing was handed on, all is handed back
            log.warn("could not prepare {} deliveries, handing them back: {}", batch.size(), e.toString());
            for (Document d : batch) {
                outcomes.add(Outcome.release(d.getString("_id"), lease, clock.instant().plus(properties.pollInterval())));
            }
        }
    }

    /**
     * Claims about {@code target} due deliveries: the due ones of a range of buckets, the range
     * moving round the buckets and its width adapting so that a claim brings about {@code target}.
     * An empty range widens the search; after a full round without anything due, the next search
     * starts narrow again, so the first claim after a large fan-out does not take all of it. A probe
     * for any due delivery comes first and places the range at it: when nothing is due, that one
     * read is all a claim costs.
     */
    private List<Document> claim(Instant now, Instant leaseUntil, String token, int target) {
        // one read that stops at the first due delivery, instead of a round of claims that find nothing
        int dueBucket = store.someDueBucket(now);
        if (dueBucket < 0) {
            bucketWidth = FIRST_WIDTH;
            return List.of();
        }
        if (dueBucket < nextBucket || dueBucket >= nextBucket + bucketWidth) {
            nextBucket = dueBucket;
        }
        int searched = 0;
        while (searched < DeliveryStore.BUCKETS) {
            int from = nextBucket;
            int to = Math.min(from + bucketWidth, DeliveryStore.BUCKETS);
            long t0 = System.nanoTime();
            List<Document> batch = store.claimBuckets(now, leaseUntil, token, from, to);
            if (log.isDebugEnabled()) {
                log.debug("claim [{}, {}): {} in {} ms, outstanding {}", from, to, batch.size(),
                        (System.nanoTime() - t0) / 1_000_000, outstanding.get());
            }
            searched += to - from;
            nextBucket = to % DeliveryStore.BUCKETS;
            if (!batch.isEmpty()) {
                if (batch.size() < target / 2) {
                    bucketWidth = Math.min(bucketWidth * 2, DeliveryStore.BUCKETS);
                } else if (batch.size() > target * 2L && bucketWidth > 1) {
                    bucketWidth /= 2;
                }
                return batch;
            }
            bucketWidth = Math.min(bucketWidth * 2, DeliveryStore.BUCKETS);
        }
        bucketWidth = FIRST_WIDTH;
        return List.of();
    }

    private void dispatch(List<Document> batch, Outcome.Lease lease) {
        Set<String> subscriptionIds = new LinkedHashSet<>();
        Set<String> alertIds = new LinkedHashSet<>();
        for (Document d : batch) {
            subscriptionIds.add(d.getString("subscriptionId"));
            if (d.getString("alertId") != null) {
                alertIds.add(d.getString("alertId"));
            }
        }
        // active ones from memory; the store is read only for the others (pending, deleted)
        Map<String, Subscription> subs = new HashMap<>(activeSubscriptions.activeAmong(subscriptionIds));
        if (subs.size() < subscriptionIds.size()) {
            subscriptionIds.removeAll(subs.keySet());
            subscriptions.findForDelivery(subscriptionIds).forEach(s -> subs.put(s.id(), s));
        }
        Map<String, AlertPayloads.AlertPayload> payloads = alertIds.isEmpty() ? Map.of() : alerts.load(alertIds);
        WebhookBodies bodies = new WebhookBodies(json);
        Map<String, String> hosts = new HashMap<>();
        Instant now = clock.instant();
        List<Dispatcher.Job> jobs = new ArrayList<>(batch.size());
        // handed on only at the end, so a failure half-way hands the whole batch back exactly once
        List<Outcome> settledNow = new ArrayList<>();
        for (Document d : batch) {
            String id = d.getString("_id");
            Subscription sub = subs.get(d.getString("subscriptionId"));
            AlertPayloads.AlertPayload alert = d.getString("alertId") == null ? null : payloads.get(d.getString("alertId"));
            Outcome settled = settledWithoutSending(d, lease, sub, alert, now);
            if (settled != null) {
                settledNow.add(settled);
                continue;
            }
            int attemptNumber = d.getInteger("attemptCount", 0) + 1;
            if (Subscription.EMAIL.equals(sub.channelType())) {
                boolean confirmation = DeliveryStore.KIND_CONFIRMATION.equals(d.getString("kind"));
                String level = d.getString("level");
                jobs.add(new Dispatcher.Job(SMTP, () -> onThreads(mailThreads, id, lease, attemptNumber,
                        () -> confirmation ? mail.sendConfirmation(sub) : mail.sendAlert(sub, alert, level)),
                        () -> outcomes.add(Outcome.release(id, lease, clock.instant()))));
            } else {
                WebhookBody body = bodies.body(alert, d.getString("language"), sub.id(), d.getString("level"),
                        links.unsubscribe(sub.id(), sub.unsubscribeToken()));
                String host = hosts.computeIfAbsent(sub.url(), DeliveryWorker::host);
                jobs.add(new Dispatcher.Job(host, () -> onThreads(webhookThreads, id, lease, attemptNumber,
                        () -> webhooks.send(sub.url(), sub.secret(), id, body)),
                        () -> outcomes.add(Outcome.release(id, lease, clock.instant()))));
            }
        }
        outcomes.addAll(settledNow);
        Dispatcher current = dispatcher;
        jobs.forEach(current::submit);
    }

    /** An outcome decided without contacting anybody, or null when the delivery is to be attempted. */
    private Outcome settledWithoutSending(Document d, Outcome.Lease token, Subscription sub, AlertPayloads.AlertPayload alert,
                                          Instant now) {
        String id = d.getString("_id");
        boolean confirmation = DeliveryStore.KIND_CONFIRMATION.equals(d.getString("kind"));
        if (sub == null || Subscription.DELETED.equals(sub.state())) {
            return Outcome.cancel(id, token, "subscription deleted");
        }
        if (confirmation) {
            return Subscription.PENDING_CONFIRMATION.equals(sub.state()) ? null
                    : Outcome.cancel(id, token, "subscription confirmed already");
        }
        if (!sub.active()) {
            return Outcome.cancel(id, token, "subscription not confirmed");
        }
        if (alert == null) {
            Duration age = Duration.between(d.getDate("createdAt").toInstant(), now);
            if (age.compareTo(ORPHAN_AFTER) > 0) {
                return Outcome.cancel(id, token, "alert was never stored");
            }
            // look again soon, then less and less often
            Duration wait = age.dividedBy(10).compareTo(ALERT_NOT_YET_STORED) > 0 ? age.dividedBy(10) : ALERT_NOT_YET_STORED;
            return Outcome.release(id, token, now.plus(wait));
        }
        if (alert.cancelled() && !"Cancel".equals(alert.msgType())) {
            return Outcome.cancel(id, token, "alert cancelled before it was delivered");
        }
        if (Subscription.WEBHOOK.equals(sub.channelType()) && (sub.url() == null || sub.secret() == null)) {
            return Outcome.cancel(id, token, "webhook without url or secret");
        }
        return null;
    }

    /** True when the lease has time left for the longest attempt and its recording. */
    private boolean leaseAllows(Instant leaseUntil) {
        return !clock.instant().plus(properties.attemptBudget()).isAfter(leaseUntil);
    }

    /**
     * Runs one blocking attempt on {@code threads}, unless the service is stopping or the lease has
     * too little time left for it: then the delivery is handed back unattempted.
     */
    private CompletableFuture<?> onThreads(ExecutorService threads, String id, Outcome.Lease lease, int attemptNumber,
                                           java.util.function.Supplier<DeliveryView.Attempt> send) {
        try {
            return CompletableFuture.runAsync(() -> {
                if (!running || !leaseAllows(lease.until())) {
                    outcomes.add(Outcome.release(id, lease, clock.instant()));
                    return;
                }
                DeliveryView.Attempt attempt;
                try {
                    attempt = send.get();
                } catch (RuntimeException e) {
                    // a bug in composing the message, not the receiver's fault: still an attempt, recorded
                    log.error("delivery {}: could not compose or send the message", id, e);
                    attempt = new DeliveryView.Attempt(clock.instant(), "error", null, WebhookSender.describe(e), 0);
                }
                outcomes.add(afterAttempt(id, lease, attemptNumber, attempt));
            }, threads);
        } catch (RejectedExecutionException e) {
            outcomes.add(Outcome.release(id, lease, clock.instant()));
            return CompletableFuture.completedFuture(null);
        }
    }

    private Outcome afterAttempt(String id, Outcome.Lease token, int attemptNumber, DeliveryView.Attempt attempt) {
        if (attempt.success()) {
            return Outcome.attempt(id, token, attempt, DeliveryState.SENT, null);
        }
        if (attemptNumber >= properties.maxAttempts()) {
            log.warn("delivery {} FAILED after {} attempts: {}", id, attemptNumber, attempt.error());
            return Outcome.attempt(id, token, attempt, DeliveryState.FAILED, null);
        }
        Instant next = clock.instant().plus(backoff.delay(attemptNumber));
        log.info("delivery {} attempt {} failed ({}), next attempt at {}", id, attemptNumber, attempt.error(), next);
        return Outcome.attempt(id, token, attempt, DeliveryState.RETRYING, next);
    }

    private static String host(String url) {
        try {
            URI uri = URI.create(url);
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return Objects.requireNonNullElse(uri.getHost(), "?").toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    // --- the recorder -----------------------------------------------------------------------------

    private void recordLoop() {
        List<Outcome> batch = new ArrayList<>(RECORD_BATCH);
        while (recording || !outcomes.isEmpty()) {
            try {
                Outcome first = outcomes.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                outcomes.drainTo(batch, RECORD_BATCH - 1);
                write(batch);
                outstanding.addAndGet(-batch.size());
                if (batch.stream().anyMatch(o -> o.type() == Outcome.Type.RELEASE)) {
                    // handed back, most of them due at once
                    wake();
                }
                batch.clear();
                roomFreed.release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Retries a failed bulk write a few times; what still fails is left to lease expiry (then tried again). */
    private void write(List<Outcome> batch) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                long t0 = System.nanoTime();
                int lost = store.recordAll(batch, clock.instant());
                if (log.isDebugEnabled()) {
                    log.debug("recorded {} outcomes in {} ms", batch.size(), (System.nanoTime() - t0) / 1_000_000);
                }
                if (lost > 0) {
                    log.warn("{} of {} delivery outcomes found their lease taken over; attempts kept, state left to the new holder",
                            lost, batch.size());
                }
                count(batch);
                return;
            } catch (RuntimeException e) {
                if (attempt >= 5) {
                    log.error("could not record {} delivery outcomes, their leases will expire and they are retried: {}",
                            batch.size(), e.toString());
                    return;
                }
                log.warn("could not record {} delivery outcomes (try {}), retrying: {}", batch.size(), attempt, e.toString());
                Thread.sleep(200L * attempt);
            }
        }
    }

    private void count(List<Outcome> batch) {
        for (Outcome o : batch) {
            if (o.type() == Outcome.Type.ATTEMPT) {
                switch (o.next()) {
                    case SENT -> sent.increment();
                    case RETRYING -> retried.increment();
                    case FAILED -> failed.increment();
                    default -> {
                    }
                }
            }
        }
    }

    // --- lifecycle --------------------------------------------------------------------------------

    @Override
    public void start() {
        if (running || !properties.workerEnabled()) {
            return;
        }
        dispatcher = new Dispatcher(properties.concurrency(), properties.perHostConcurrency());
        AtomicInteger n = new AtomicInteger();
        mailThreads = Executors.newFixedThreadPool(properties.mailConcurrency(), r -> {
            Thread t = new Thread(r, "mail-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // the dispatcher never has more than `concurrency` attempts in flight, so these threads never queue
        webhookThreads = Executors.newFixedThreadPool(properties.concurrency(), r -> {
            Thread t = new Thread(r, "webhook-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        running = true;
        recording = true;
        recorder = daemon(this::recordLoop, "delivery-recorder");
        loop = daemon(this::claimLoop, "delivery-claimer");
    }

    private static Thread daemon(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
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
        join(loop, false, Duration.ofSeconds(10));
        for (Dispatcher.Job job : dispatcher.drain()) {
            job.ifDropped().run();
        }
        for (HandOver handOver = handedOver.poll(); handOver != null; handOver = handedOver.poll()) {
            handOverSpace.release();
            for (Document d : handOver.deliveries()) {
                outcomes.add(Outcome.release(d.getString("_id"), handOver.lease(), clock.instant()));
            }
            outstanding.addAndGet(handOver.deliveries().size());
        }
        long deadline = System.nanoTime() + properties.longestAttempt().toNanos();
        while (dispatcher.inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        mailThreads.shutdown();
        webhookThreads.shutdown();
        recording = false;
        join(recorder, false, Duration.ofSeconds(10));
    }

    private static void join(Thread t, boolean interrupt, Duration timeout) {
        if (t == null) {
            return;
        }
        if (interrupt) {
            t.interrupt();
        }
        try {
            t.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Closes the pooled webhook connections when the context goes away (after {@link #stop}). */
    @jakarta.annotation.PreDestroy
    void closeConnections() {
        webhooks.close();
    }

    /** Deliveries claimed and not yet recorded (for tests and the benchmark). */
    public int outstanding() {
        return outstanding.get();
    }
}
