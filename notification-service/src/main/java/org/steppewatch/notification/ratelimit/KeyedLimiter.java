package org.steppewatch.notification.ratelimit;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One token bucket per key (a client address, an e-mail address), in memory. A bucket left alone
 * until it is full again is dropped, and at most {@code maxKeys} are kept (least recently used
 * out first), so a flood of new keys costs bounded memory: at worst it hands some keys a fresh bucket.
 * Per instance: with several instances behind a balancer each allows the limit.
 */
final class KeyedLimiter {

    private final RateLimitProperties.Limit limit;
    private final Cache<String, Bucket> buckets;

    KeyedLimiter(RateLimitProperties.Limit limit, int maxKeys) {
        this.limit = limit;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(limit.refillsCompletelyIn())
                .maximumSize(maxKeys)
                .build();
    }

    /** Takes a token for {@code key}: empty when there was one, otherwise how long until there is. */
    Optional<Duration> take(String key) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.refill(), limit.period()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Buckets held now (for tests). */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
