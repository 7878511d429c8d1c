package org.steppewatch.benchmarks.latency;

import java.time.Instant;

/**
 * One clock for the driver: monotonic (nanoTime) but on the epoch, so that what the driver measures compares with
 * the times the services write into their events (ce_time, Kafka record timestamps), taken on this machine's clock.
 */
final class Micros {

    private static final long BASE_NANOS = System.nanoTime();
    private static final long BASE_EPOCH_MICROS = epochMicros(Instant.now());

    private Micros() {
    }

    static long now() {
        return BASE_EPOCH_MICROS + (System.nanoTime() - BASE_NANOS) / 1_000;
    }

    static long epochMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    /** Sleeps until the clock reads {@code micros}. */
    static void sleepUntil(long micros) {
        long wait;
        while ((wait = micros - now()) > 0) {
            try {
                Thread.sleep(wait / 1_000, (int) (wait % 1_000) * 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
