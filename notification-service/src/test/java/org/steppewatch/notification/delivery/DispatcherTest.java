package org.steppewatch.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class DispatcherTest {

    private record Running(String host, CompletableFuture<Void> future) {
    }

    private final List<Running> running = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> peak = new ConcurrentHashMap<>();

    private Dispatcher.Job job(String host) {
        return new Dispatcher.Job(host, () -> {
            int now = inFlight.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
            peak.computeIfAbsent(host, h -> new AtomicInteger()).accumulateAndGet(now, Math::max);
            CompletableFuture<Void> f = new CompletableFuture<>();
            running.add(new Running(host, f));
            return f;
        }, () -> { });
    }

    private void finishAll() {
        List<Running> now = List.copyOf(running);
        running.removeAll(now);
        for (Running r : now) {
            // counted out before completing: completing starts the next job of the host at once
            inFlight.get(r.host()).decrementAndGet();
            r.future().complete(null);
        }
    }

    @Test
    void aHostNeverHasMoreThanItsLimitInFlightAndASlowHostDoesNotHoldUpTheOthers() {
        Dispatcher dispatcher = new Dispatcher(6, 2);
        for (int i = 0; i < 10; i++) {
            dispatcher.submit(job("slow:80"));
        }
        for (int i = 0; i < 4; i++) {
            dispatcher.submit(job("fast:80"));
        }
        // the slow host has its 2 slots, the fast one gets 2 of the remaining 4
        assertThat(dispatcher.inFlight()).isEqualTo(4);
        assertThat(inFlight.get("slow:80").get()).isEqualTo(2);
        assertThat(inFlight.get("fast:80").get()).isEqualTo(2);
        assertThat(dispatcher.pending()).isEqualTo(14);

        await().atMost(Duration.ofSeconds(5)).until(() -> {
            finishAll();
            return dispatcher.pending() == 0;
        });
        assertThat(peak.get("slow:80").get()).isEqualTo(2);
        assertThat(peak.get("fast:80").get()).isEqualTo(2);
    }

    @Test
    void theGlobalLimitHoldsAcrossHostsAndDrainingHandsBackWhatHasNotStarted() {
        Dispatcher dispatcher = new Dispatcher(3, 2);
        for (String host : List.of("a", "b", "c", "d")) {
            dispatcher.submit(job(host));
            dispatcher.submit(job(host));
        }
        assertThat(dispatcher.inFlight()).isEqualTo(3);
        assertThat(dispatcher.drain()).hasSize(5);
        assertThat(dispatcher.pending()).isEqualTo(3);
        finishAll();
        assertThat(dispatcher.pending()).isZero();
    }
}
