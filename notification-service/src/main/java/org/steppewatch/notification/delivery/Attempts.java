package org.steppewatch.notification.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.steppewatch.notification.PublicLinks;
import org.steppewatch.notification.subscription.Subscription;

import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the attempts: each prepared delivery becomes a job of the {@link Dispatcher} (bounded per
 * host and in all), run on a thread of its own pool (webhooks, SMTP), and ends as an outcome handed
 * to {@code record}: sent, retried at the time the {@link RetrySchedule} says, or FAILED after the
 * round's last attempt. An attempt starts only while its lease (as last renewed) has time left for the
 * longest attempt and its recording, so no delivery is sent twice within or across leases.
 */
final class Attempts {

    private static final Logger log = LoggerFactory.getLogger(Attempts.class);
    private static final String SMTP = "smtp";

    private final WebhookSender webhooks;
    private final MailChannel mail;
    private final PublicLinks links;
    private final JsonMapper json;
    private final DeliveryProperties properties;
    private final RetrySchedule schedule;
    private final Leases leases;
    private final Clock clock;
    private final Consumer<Outcome> record;
    private volatile Dispatcher dispatcher;
    private volatile ExecutorService mailThreads;
    private volatile ExecutorService webhookThreads;
    private volatile boolean starting;

    Attempts(WebhookSender webhooks, MailChannel mail, PublicLinks links, JsonMapper json, DeliveryProperties properties,
             Leases leases, Clock clock, Consumer<Outcome> record) {
        this.webhooks = webhooks;
        this.mail = mail;
        this.links = links;
        this.json = json;
        this.properties = properties;
        this.schedule = properties.schedule();
        this.leases = leases;
        this.clock = clock;
        this.record = record;
    }

    void start() {
        dispatcher = new Dispatcher(properties.concurrency(), properties.perHostConcurrency());
        AtomicInteger n = new AtomicInteger();
        mailThreads = Executors.newFixedThreadPool(properties.mailConcurrency(), r -> daemon(r, "mail-sender-" + n.incrementAndGet()));
        // the dispatcher never has more than `concurrency` attempts in flight, so these threads never queue
        webhookThreads = Executors.newFixedThreadPool(properties.concurrency(),
                r -> daemon(r, "webhook-sender-" + n.incrementAndGet()));
        starting = true;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Queues the attempts of a prepared batch. */
    void submit(List<DeliveryPreparation.Ready> ready, Outcome.Lease lease) {
        WebhookBodies bodies = new WebhookBodies(json);
        Map<String, String> hosts = new HashMap<>();
        Dispatcher current = dispatcher;
        for (DeliveryPreparation.Ready r : ready) {
            Document d = r.delivery();
            Subscription sub = r.subscription();
            String id = d.getString("_id");
            int inRound = d.getInteger("attemptCount", 0) - d.getInteger(DeliveryStore.ROUND_START, 0) + 1;
            Runnable handBack = () -> record.accept(Outcome.release(id, lease, clock.instant()));
            boolean notice = DeliveryStore.KIND_NOTICE.equals(d.getString("kind"));
            if (Subscription.EMAIL.equals(sub.channelType())) {
                boolean confirmation = DeliveryStore.KIND_CONFIRMATION.equals(d.getString("kind"));
                String level = d.getString("level");
                current.submit(new Dispatcher.Job(SMTP, () -> onThreads(mailThreads, id, lease, inRound, null,
                        () -> confirmation ? mail.sendConfirmation(sub)
                                : notice ? mail.sendNotice(sub, r.alert()) : mail.sendAlert(sub, r.alert(), level)), handBack));
            } else {
                WebhookBody body = bodies.body(r.alert(), notice, d.getString("language"), sub.id(), d.getString("level"),
                        links.unsubscribe(sub.id(), sub.unsubscribeToken()));
                String host = hosts.computeIfAbsent(sub.url(), Attempts::host);
                current.submit(new Dispatcher.Job(host, () -> onThreads(webhookThreads, id, lease, inRound, sub.id(),
                        () -> webhooks.send(sub.url(), sub.secret(), id, body)), handBack));
            }
        }
    }

    /**
     * Runs one blocking attempt on {@code threads}, unless attempts are stopping or the lease has
     * too little time left for it: then the delivery is handed back unattempted.
     */
    private CompletableFuture<?> onThreads(ExecutorService threads, String id, Outcome.Lease lease, int inRound,
                                           String endpoint, Supplier<DeliveryView.Attempt> send) {
        try {
            return CompletableFuture.runAsync(() -> {
                if (!starting || clock.instant().plus(properties.attemptBudget()).isAfter(leases.until(lease))) {
                    record.accept(Outcome.release(id, lease, clock.instant()));
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
                record.accept(afterAttempt(id, lease, inRound, attempt, endpoint));
            }, threads);
        } catch (RejectedExecutionException e) {
            record.accept(Outcome.release(id, lease, clock.instant()));
            return CompletableFuture.completedFuture(null);
        }
    }

    private Outcome afterAttempt(String id, Outcome.Lease lease, int inRound, DeliveryView.Attempt attempt, String endpoint) {
        if (attempt.success()) {
            return Outcome.attempt(id, lease, attempt, DeliveryState.SENT, null, endpoint);
        }
        Duration wait = schedule.after(inRound);
        if (wait == null) {
            log.warn("delivery {} FAILED after attempt {} of its round: {}", id, inRound, attempt.error());
            return Outcome.attempt(id, lease, attempt, DeliveryState.FAILED, null, endpoint);
        }
        Instant next = clock.instant().plus(wait);
        log.info("delivery {} attempt {} failed ({}), next attempt at {}", id, inRound, attempt.error(), next);
        return Outcome.attempt(id, lease, attempt, DeliveryState.RETRYING, next, endpoint);
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

    /**
     * Starts no more attempts: what waits in the dispatcher is handed back, attempts in flight are
     * given up to the longest an attempt takes to finish, then the threads go.
     */
    void stop() {
        starting = false;
        for (Dispatcher.Job job : dispatcher.drain()) {
            job.ifDropped().run();
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
    }

    /** Closes the pooled webhook connections. */
    void close() {
        webhooks.close();
    }
}
