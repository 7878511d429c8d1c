package org.steppewatch.notification.delivery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When the attempts of one round go: entry n is the wait before attempt n + 1, counted from the end of
 * attempt n (entry 0, the first attempt, is always at once). The default follows Svix: at once, 5 s,
 * 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, about 27.5 h in all, so a receiver down for a day still gets the
 * alert. Each wait is spread by ±jitter, so receivers coming back are not stampeded.
 */
record RetrySchedule(List<Duration> waits, double jitter) {

    RetrySchedule {
        waits = List.copyOf(waits);
        if (waits.isEmpty() || !waits.get(0).isZero() || waits.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("steppewatch.delivery.retry-schedule: at least one entry, the first 0s "
                    + "(the first attempt goes at once), none negative");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("steppewatch.delivery.jitter must be at least 0 and below 1");
        }
    }

    /** Attempts in one round; after the last one fails the delivery is FAILED. */
    int attempts() {
        return waits.size();
    }

    /**
     * The wait before the next attempt after attempt {@code attemptInRound} (1 = the round's first)
     * failed, or null when that was the round's last.
     */
    Duration after(int attemptInRound) {
        return after(attemptInRound, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param uniform supplies values in [0, 1): 0 gives the shortest wait, towards 1 the longest */
    Duration after(int attemptInRound, DoubleSupplier uniform) {
        if (attemptInRound < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
        if (attemptInRound >= waits.size()) {
            return null;
        }
        double spread = 1 + jitter * (2 * uniform.getAsDouble() - 1);
        return Duration.ofMillis(Math.round(waits.get(attemptInRound).toMillis() * spread));
    }

    /** The nominal time from the first attempt to the last, without jitter. */
    Duration span() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
