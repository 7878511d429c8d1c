package org.steppewatch.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), 2.0, Duration.ofMinutes(10), 0.2);

    @Test
    void nominalScheduleDoublesFromTwoSecondsAndIsCappedAtTenMinutes() {
        assertThat(backoff.nominalMillis(1)).isEqualTo(2_000);
        assertThat(backoff.nominalMillis(2)).isEqualTo(4_000);
        assertThat(backoff.nominalMillis(3)).isEqualTo(8_000);
        assertThat(backoff.nominalMillis(7)).isEqualTo(128_000);
        assertThat(backoff.nominalMillis(9)).isEqualTo(512_000);
        assertThat(backoff.nominalMillis(10)).isEqualTo(600_000);
        assertThat(backoff.nominalMillis(1_000)).isEqualTo(600_000);
    }

    @Test
    void nominalScheduleNeverShrinks() {
        for (int n = 1; n < 100; n++) {
            assertThat(backoff.nominalMillis(n + 1)).isGreaterThanOrEqualTo(backoff.nominalMillis(n));
        }
    }

    @Test
    void jitterStaysWithinTwentyPercentAndNeverExceedsTheCap() {
        Random random = new Random(42);
        for (int n = 1; n <= 20; n++) {
            double nominal = backoff.nominalMillis(n);
            for (int i = 0; i < 200; i++) {
                long millis = backoff.delay(n, random::nextDouble).toMillis();
                assertThat(millis).isBetween(Math.round(nominal * 0.8), Math.round(Math.min(600_000, nominal * 1.2)));
            }
        }
    }

    @Test
    void jitterExtremesAreTheBoundsOfTheSpread() {
        assertThat(backoff.delay(1, () -> 0.0)).isEqualTo(Duration.ofMillis(1_600));
        assertThat(backoff.delay(1, () -> 0.5)).isEqualTo(Duration.ofMillis(2_000));
        assertThat(backoff.delay(1, () -> 0.999999)).isEqualTo(Duration.ofMillis(2_400));
        assertThat(backoff.delay(50, () -> 0.999999)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.delay(50, () -> 0.0)).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void jitteredScheduleStillGrowsBelowTheCap() {
        // with ×2 growth and ±20 % spread, the longest wait after n failures is shorter than the shortest after n+1
        for (int n = 1; n < 9; n++) {
            assertThat(backoff.delay(n, () -> 0.999999)).isLessThan(backoff.delay(n + 1, () -> 0.0));
        }
    }

    @Test
    void defaultsMatchTheDocumentedPolicy() {
        DeliveryProperties defaults = new DeliveryProperties(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
        assertThat(defaults.maxAttempts()).isEqualTo(8);
        assertThat(defaults.backoff()).isEqualTo(backoff);
        assertThat(defaults.concurrency()).isEqualTo(64);
        assertThat(defaults.perHostConcurrency()).isEqualTo(8);
        assertThat(defaults.workerEnabled()).isTrue();
        // an attempt that starts with less lease left than this is handed back, not sent
        assertThat(defaults.attemptBudget()).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    }
}
