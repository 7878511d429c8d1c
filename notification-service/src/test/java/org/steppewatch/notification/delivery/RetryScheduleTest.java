package org.steppewatch.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule svix = new RetrySchedule(DeliveryProperties.SVIX, 0.2);

    @Test
    void theDefaultIsSvixsEightAttemptsOverAboutTwentySevenAndAHalfHours() {
        assertThat(svix.attempts()).isEqualTo(8);
        // 5 s + 5 min + 30 min + 2 h + 5 h + 10 h + 10 h = 27 h 35 min 5 s (Svix's published schedule)
        assertThat(svix.span()).isEqualTo(Duration.ofHours(27).plusMinutes(35).plusSeconds(5));
        // the middle of the jitter is the nominal wait
        assertThat(svix.after(1, () -> 0.5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(svix.after(2, () -> 0.5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(svix.after(7, () -> 0.5)).isEqualTo(Duration.ofHours(10));
    }

    @Test
    void afterTheLastAttemptOfARoundThereIsNoNext() {
        assertThat(svix.after(8)).isNull();
        assertThat(svix.after(9)).isNull();
        assertThat(new RetrySchedule(List.of(Duration.ZERO), 0.2).after(1)).isNull();
    }

    @Test
    void jitterStaysWithinTwentyPercent() {
        Random random = new Random(42);
        for (int n = 1; n < 8; n++) {
            long nominal = DeliveryProperties.SVIX.get(n).toMillis();
            for (int i = 0; i < 200; i++) {
                assertThat(svix.after(n, random::nextDouble).toMillis())
                        .isBetween(Math.round(nominal * 0.8), Math.round(nominal * 1.2));
            }
        }
        assertThat(svix.after(1, () -> 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(svix.after(1, () -> 0.999_999)).isBetween(Duration.ofMillis(5_999), Duration.ofSeconds(6));
    }

    @Test
    void aScheduleMustStartAtOnceAndHaveNoNegativeWaits() {
        assertThatThrownBy(() -> new RetrySchedule(List.of(), 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ofSeconds(1)), 0.2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(-1)), 0.2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ZERO), 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
