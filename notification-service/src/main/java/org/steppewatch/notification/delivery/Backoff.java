package org.steppewatch.notification.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: after failed attempt n the nominal wait is
 * {@code min(max, initial * multiplier^(n-1))}, spread by ±jitter and never above max.
 */
record Backoff(Duration initial, double multiplier, Duration max, double jitter) {

    /** The wait before the next attempt after {@code failedAttempts} failures (1 = after the first). */
    Duration delay(int failedAttempts) {
        return delay(failedAttempts, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param uniform supplies values in [0, 1): 0 gives the shortest wait, towards 1 the longest */
    Duration delay(int failedAttempts, DoubleSupplier uniform) {
        double nominal = nominalMillis(failedAttempts);
        double spread = 1 + jitter * (2 * uniform.getAsDouble() - 1);
        return Duration.ofMillis(Math.round(Math.min(max.toMillis(), nominal * spread)));
    }

    double nominalMillis(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts starts at 1");
        }
        // computed in doubles and capped, so a large attempt count cannot overflow
        double millis = initial.toMillis() * Math.pow(multiplier, failedAttempts - 1);
        return Math.min(millis, max.toMillis());
    }
}
