package org.steppewatch.notification.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on the public writes. Each limit is a token bucket: {@code capacity} requests at once,
 * and {@code refill} more every {@code period}, spread evenly over it.
 *
 * @param enabled                      false turns every limit off
 * @param subscriptionsPerAddress      {@code POST /api/v1/subscriptions} per client address (an IPv6 client per /64)
 * @param confirmationMailsPerAddress  confirmation mails per e-mail address, so nobody can mail-bomb a stranger through us
 * @param maxTrackedKeys               buckets kept per limit at most; the least recently used go first
 */
@ConfigurationProperties("steppewatch.rate-limits")
public record RateLimitProperties(Boolean enabled, Limit subscriptionsPerAddress, Limit confirmationMailsPerAddress,
                                  Integer maxTrackedKeys) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        subscriptionsPerAddress = subscriptionsPerAddress == null ? new Limit(5, 10, Duration.ofHours(1))
                : subscriptionsPerAddress;
        confirmationMailsPerAddress = confirmationMailsPerAddress == null ? new Limit(3, 3, Duration.ofDays(1))
                : confirmationMailsPerAddress;
        maxTrackedKeys = maxTrackedKeys == null ? 100_000 : maxTrackedKeys;
        if (maxTrackedKeys < 1) {
            throw new IllegalArgumentException("steppewatch.rate-limits.max-tracked-keys must be at least 1");
        }
    }

    /**
     * @param capacity requests allowed at once (the burst)
     * @param refill   requests that become allowed again every {@code period}
     */
    public record Limit(int capacity, int refill, Duration period) {

        public Limit {
            if (capacity < 1 || refill < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs capacity >= 1, refill >= 1 and a positive period");
            }
        }

        /** How long an untouched bucket takes to be full again: after that it is as good as a new one. */
        Duration refillsCompletelyIn() {
            return period.multipliedBy(capacity).dividedBy(refill).plusSeconds(1);
        }
    }
}
