package org.steppewatch.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leases this instance holds, each with the deliveries it still has to record. While any are left,
 * the lease is extended every third of its length by one update (by token), so a delivery that waits
 * its turn behind a slow host, or whose attempt runs to its deadline, stays this worker's. A lease that
 * could not be renewed in time is given up: its deliveries are not attempted any more (they may be
 * someone else's now), and what is written for them is fenced by the token anyway.
 */
final class Leases {

    private static final Logger log = LoggerFactory.getLogger(Leases.class);

    private static final class Held {
        final AtomicInteger open;
        volatile Instant until;

        Held(int open, Instant until) {
            this.open = new AtomicInteger(open);
            this.until = until;
        }
    }

    private final DeliveryStore store;
    private final Duration length;
    private final Clock clock;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    Leases(DeliveryStore store, Duration length, Clock clock) {
        this.store = store;
        this.length = length;
        this.clock = clock;
    }

    /** A new lease on {@code deliveries} deliveries, to be renewed until they are all recorded. */
    void taken(Outcome.Lease lease, int deliveries) {
        if (deliveries > 0) {
            held.put(lease.token(), new Held(deliveries, lease.until()));
        }
    }

    /** When the lease ends as far as this instance knows (after its last renewal). */
    Instant until(Outcome.Lease lease) {
        Held h = held.get(lease.token());
        return h == null ? lease.until() : h.until;
    }

    /** {@code n} outcomes under {@code token} were written (or given up): the lease needs no renewal for them. */
    void done(String token, int n) {
        Held h = held.get(token);
        if (h != null && h.open.addAndGet(-n) <= 0) {
            held.remove(token);
        }
    }

    /** Extends every lease still in use; one that already ran out is dropped, not revived. */
    void renew() {
        Instant now = clock.instant();
        for (Map.Entry<String, Held> e : held.entrySet()) {
            Held h = e.getValue();
            if (!h.until.isAfter(now)) {
                held.remove(e.getKey());
                log.warn("lease {} ran out before it could be renewed; its {} deliveries left may be claimed by others",
                        e.getKey(), h.open.get());
                continue;
            }
            Instant until = now.plus(length);
            try {
                store.renew(e.getKey(), until);
                h.until = until;
            } catch (RuntimeException ex) {
                log.warn("could not renew lease {} (ends {}): {}", e.getKey(), h.until, ex.toString());
            }
        }
    }

    int count() {
        return held.size();
    }
}
