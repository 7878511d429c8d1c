package org.steppewatch.eventing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes the events waiting in the {@code outbox} arrays of a service's collections and removes each one only
 * after Kafka acknowledged it: at-least-once, and consumers are idempotent.
 * <p>
 * Order per incident: the relay works key by key (the incident id, also the Kafka key). It takes the key's lease
 * ({@link OutboxLeases}), gathers the key's waiting events from every outbox collection, sorts them by incident
 * version, then time, then event id, and publishes them one at a time, each after the previous one's
 * acknowledgement; at the first failure that may pass (broker away, timeout) it stops that key, so nothing of the
 * key overtakes the event that failed. Since only the lease holder publishes a key and the lease, renewed by its
 * token once a quarter of it has passed, outlasts any send begun under it, one incident's events reach its
 * partition in version order whichever document or collection holds them, even with several instances; removals
 * are fenced by the token as well ({@link OutboxStore}).
 * <p>
 * An event that can never be published ({@link PublishFailures}) is parked in {@code parkedEvents} with its
 * error, logged at ERROR and counted ({@code steppewatch.outbox.parked}), and the key's later events flow on:
 * that key's order then has a gap, which the parked list shows.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final OutboxLeases leases;
    private final CloudEventPublisher publisher;
    private final MeterRegistry meters;
    private final boolean enabled;
    private final Duration pollInterval;
    private final Clock clock;
    private final OutboxWakeUp wakeUp;
    private final AtomicLong published = new AtomicLong();
    private volatile Thread worker;
    private volatile boolean running;

    OutboxRelay(OutboxStore store, OutboxLeases leases, CloudEventPublisher publisher, MeterRegistry meters,
                boolean enabled, Duration pollInterval, Clock clock) {
        this(store, leases, publisher, meters, enabled, pollInterval, clock, new OutboxWakeUp());
    }

    /** @param wakeUp rung by {@link OutboxWriteListener} after every outbox write of the service */
    OutboxRelay(OutboxStore store, OutboxLeases leases, CloudEventPublisher publisher, MeterRegistry meters,
                boolean enabled, Duration pollInterval, Clock clock, OutboxWakeUp wakeUp) {
        this.wakeUp = wakeUp;
        this.store = store;
        this.leases = leases;
        this.publisher = publisher;
        this.meters = meters;
        this.enabled = enabled;
        this.pollInterval = pollInterval;
        this.clock = clock;
    }

    /**
     * Asks the relay to look now rather than at its next poll. A service's outbox writes through its MongoClient wake
     * the relay by themselves ({@link OutboxWriteListener}); this is for writes it cannot see.
     */
    public void wake() {
        wakeUp.ring();
    }

    /** Events published since start, for tests and metrics. */
    public long publishedCount() {
        return published.get();
    }

    /** One pass over every key with waiting events; returns how many events were published. */
    int relayOnce() {
        int count = 0;
        for (var waiting : store.keysWaiting().entrySet()) {
            String key = waiting.getKey();
            String token = leases.take(key);
            if (token == null) {
                continue; // another instance relays this key
            }
            try {
                // every key gets its turn, even after another failed: one key's trouble must not hold the others
                count += relayKey(key, waiting.getValue(), token);
            } finally {
                leases.release(key, token);
            }
        }
        return count;
    }

    private int relayKey(String key, List<String> collections, String token) {
        Instant held = clock.instant();
        List<OutboxStore.Pending> pending = store.claim(key, collections, token);
        Set<List<Object>> unstamped = new HashSet<>();
        int count = 0;
        try {
            for (int i = 0; i < pending.size(); i++) {
                OutboxStore.Pending next = pending.get(i);
                if (leases.due(held)) {
                    if (!leases.renew(key, token)) {
                        log.warn("outbox lease of {} was taken over; leaving the rest to its holder", key);
                        break;
                    }
                    held = clock.instant();
                }
                try {
                    publisher.publish(next.message());
                } catch (CloudEventPublisher.PublishFailed e) {
                    if (!e.permanent()) {
                        // the rest of this key's events wait too, so their order on the topic is kept
                        log.warn("{}; will retry: {}", e.getMessage(), rootMessage(e));
                        return count;
                    }
                    park(next, token, e);
                    continue;
                }
                // the document's last event here takes the stamp off with it: one write less than unstamping after
                boolean last = pending.subList(i + 1, pending.size()).stream()
                        .noneMatch(later -> later.document().equals(next.document()));
                if (!store.remove(next, token, last)) {
                    // the lease went to another instance, which publishes this event again: a duplicate, not a loss
                    break;
                }
                if (last) {
                    unstamped.add(next.document());
                }
                published.incrementAndGet();
                count++;
            }
        } finally {
            store.unstamp(pending.stream().filter(p -> !unstamped.contains(p.document())).toList(), token);
        }
        return count;
    }

    private void park(OutboxStore.Pending pending, String token, CloudEventPublisher.PublishFailed e) {
        OutboxMessage message = pending.message();
        if (store.park(pending, token, rootMessage(e), clock.instant())) {
            log.error("{} can never be published; parked in {} (incident {} version {}), the incident's later "
                    + "events go on", e.getMessage(), OutboxStore.PARKED, message.key(), message.sequence(), e);
            meters.counter("steppewatch.outbox.parked", "topic", message.topic()).increment();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private void loop() {
        while (running) {
            try {
                int count = relayOnce();
                if (count == 0) {
                    // woken by the next outbox write; the poll is the safety net (writes in another process)
                    wakeUp.await(pollInterval);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // MongoDB unreachable or similar: the events are safe in their documents, try again later
                log.warn("outbox relay pass failed, retrying in {}: {}", pollInterval, rootMessage(e));
                try {
                    Thread.sleep(pollInterval.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        Thread t = new Thread(this::loop, "outbox-relay");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        WorkerThreads.stop(worker);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
