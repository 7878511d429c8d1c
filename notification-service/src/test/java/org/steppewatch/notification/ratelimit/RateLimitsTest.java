package org.steppewatch.notification.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RateLimitsTest {

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        assertThat(RateLimits.clientKey("2001:db8:1:2:aaaa::1")).isEqualTo(RateLimits.clientKey("2001:db8:1:2:bbbb::99"));
        assertThat(RateLimits.clientKey("2001:db8:1:2:aaaa::1")).isNotEqualTo(RateLimits.clientKey("2001:db8:1:3::1"));
        assertThat(RateLimits.clientKey("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(RateLimits.clientKey("203.0.113.7")).isNotEqualTo(RateLimits.clientKey("203.0.113.8"));
    }

    @Test
    void tagsAndCaseOfAnEmailAddressShareOneBucket() {
        assertThat(RateLimits.mailboxKey("School+alerts@Akai.KZ")).isEqualTo("school@akai.kz");
        assertThat(RateLimits.mailboxKey(" school@akai.kz")).isEqualTo("school@akai.kz");
        assertThat(RateLimits.mailboxKey("other@akai.kz")).isNotEqualTo("school@akai.kz");
    }

    @Test
    void aBucketRefillsEvenlyAndSaysHowLongToWait() {
        // capacity 2, 1 more every hour: the third take waits an hour (3,600 s), less the moments since the first
        KeyedLimiter limiter = new KeyedLimiter(new RateLimitProperties.Limit(2, 1, Duration.ofHours(1)), 10);
        assertThat(limiter.take("a")).isEmpty();
        assertThat(limiter.take("a")).isEmpty();
        assertThat(limiter.take("a")).hasValueSatisfying(wait -> assertThat(wait)
                .isBetween(Duration.ofMinutes(59), Duration.ofHours(1)));
        assertThat(limiter.take("b")).isEmpty();
    }

    @Test
    void theBucketsKeptAreBounded() {
        KeyedLimiter limiter = new KeyedLimiter(new RateLimitProperties.Limit(1, 1, Duration.ofHours(1)), 100);
        for (int i = 0; i < 10_000; i++) {
            limiter.take("client-" + i);
        }
        assertThat(limiter.size()).isLessThanOrEqualTo(100);
    }
}
