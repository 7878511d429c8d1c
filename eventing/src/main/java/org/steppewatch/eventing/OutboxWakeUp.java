package org.steppewatch.eventing;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The relay's doorbell: rung after a write that stored an event ({@link OutboxWriteListener}, or {@link
 * OutboxRelay#wake()}), waited on by the relay between passes, with its poll interval as the longest wait.
 */
class OutboxWakeUp {

    private final Semaphore rings = new Semaphore(0);

    void ring() {
        rings.release();
    }

    /** Waits for a ring or the timeout, then forgets the rings so far: the next pass sees all their events. */
    void await(Duration timeout) throws InterruptedException {
        rings.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        rings.drainPermits();
    }
}
