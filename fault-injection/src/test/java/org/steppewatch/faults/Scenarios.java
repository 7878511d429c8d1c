package org.steppewatch.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/** What every scenario does the same way: subscribing many, waiting for the ledger, checking the guarantees. */
final class Scenarios {

    private Scenarios() {
    }

    /** {@code n} subscriptions made {@code parallelism} at a time, as many communities signing up at once would. */
    static List<Api.Subscription> subscribe(Api api, String notifications, Ledger ledger, String prefix, int n,
                                            IntFunction<String> url) {
        return inParallel(8, n, i -> {
            String path = prefix + "-" + i;
            Api.Subscription s = api.subscribe(notifications, "Fault suite " + path, url.apply(i) + path);
            if (ledger != null) {
                ledger.subscribed(path);
            }
            return s;
        });
    }

    static void unsubscribe(Api api, String notifications, List<Api.Subscription> subscriptions) {
        inParallel(8, subscriptions.size(), i -> {
            api.unsubscribe(notifications, subscriptions.get(i));
            return null;
        });
    }

    static <T> List<T> inParallel(int parallelism, int n, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> task.apply(k)));
            }
            List<T> results = Collections.synchronizedList(new ArrayList<>());
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A fault that lasts {@code duration}: the outage itself, not a wait for something to happen. */
    static void lasting(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every expected delivery arrived, then checks every guarantee of the issue. */
    static Ledger.Tally settle(Ledger ledger, Receivers receivers, Duration deadline, Supplier<java.util.Map<String, Long>> deadLetters,
                               Api api, String notifications) {
        Ledger.Tally[] last = new Ledger.Tally[1];
        try {
            await().atMost(deadline).pollInterval(Duration.ofSeconds(1)).until(() -> {
                last[0] = ledger.tally(receivers.received());
                return last[0].complete();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not every subscriber got what it must within " + deadline + ": "
                    + (last[0] == null ? "nothing tallied" : last[0].summary()), e);
        }
        Ledger.Tally tally = last[0];
        assertThat(tally.problems()).as("deliveries under two webhook-ids").isEmpty();
        assertThat(tally.stale()).as("subscribers whose last message is stale").isZero();
        ledger.incidents().forEach((incidentId, fate) -> {
            if (fate == Ledger.Fate.RETRACTED) {
                List<JsonNode> alerts = api.alerts(notifications, incidentId);
                assertThat(alerts).as("alerts of retracted incident %s", incidentId)
                        .allSatisfy(a -> assertThat(a.path("msgType").asString().equals("Cancel")
                                || a.path("status").asString().equals("CANCELLED"))
                                .as("alert %s (%s) is %s", a.path("id").asString(), a.path("msgType").asString(),
                                        a.path("status").asString()).isTrue());
            }
        });
        assertThat(deadLetters.get()).as("records waiting in a dead-letter topic").isEmpty();
        return tally;
    }
}
