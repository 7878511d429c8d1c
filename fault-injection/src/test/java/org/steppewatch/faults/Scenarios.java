package org.steppewatch.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

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

    /**
     * Waits until every expected delivery arrived and notification-service has handled every retraction, then checks
     * every guarantee of the issue.
     */
    static Ledger.Tally settle(Ledger ledger, Receivers receivers, Duration deadline, String kafka, Api api,
                               String notifications) {
        awaitLedger(ledger, receivers, deadline);
        Set<String> retracted = new TreeSet<>();
        ledger.incidents().forEach((incidentId, fate) -> {
            if (fate == Ledger.Fate.RETRACTED) {
                retracted.add(incidentId);
            }
        });
        // the ledger does not wait for the withdrawal of an incident whose alert reached nobody yet, so until it is
        // handled the alerts API may still show that alert in force: what it says is final only after this
        Retractions.awaitHandled(kafka, retracted, Duration.ofMinutes(2));
        // and a subscriber the alert reached meanwhile must now get the Cancel after it
        Ledger.Tally tally = awaitLedger(ledger, receivers, Duration.ofMinutes(1));
        assertThat(tally.problems()).as("deliveries under two webhook-ids").isEmpty();
        assertThat(tally.stale()).as("subscribers whose last message is stale").isZero();
        for (String incidentId : retracted) {
            List<JsonNode> alerts = api.alerts(notifications, incidentId);
            Optional<JsonNode> cancel = alerts.stream().filter(a -> "Cancel".equals(a.path("msgType").asString()))
                    .findFirst();
            for (JsonNode a : alerts) {
                assertThat("Cancel".equals(a.path("msgType").asString())
                        || "CANCELLED".equals(a.path("status").asString()))
                        .as("alert %s (%s of version %d, %s) of retracted incident %s is %s %s, after "
                                        + "notification-service handled the incident's withdrawal: look at "
                                        + "notification-service's lines for %s (AlertService: \"alert ... for %s v1\", "
                                        + "\"cancel ... for %s\", \"withdrawn before any alert was issued\") in the "
                                        + "instance logs kept under %s; the incident's alerts: %s",
                                a.path("id").asString(), a.path("msgType").asString(),
                                a.path("incidentVersion").asLong(), a.path("severity").asString(), incidentId,
                                a.path("status").asString(), cancel.map(c -> "although Cancel "
                                        + c.path("id").asString() + " exists").orElse("and no Cancel exists"),
                                incidentId, incidentId, incidentId, FaultLogs.ROOT, alerts)
                        .isTrue();
            }
        }
        assertThat(Lab.deadLetters(kafka)).as("records waiting in a dead-letter topic").isEmpty();
        return tally;
    }

    private static Ledger.Tally awaitLedger(Ledger ledger, Receivers receivers, Duration deadline) {
        Ledger.Tally[] last = new Ledger.Tally[1];
        try {
            await().atMost(deadline).pollInterval(Duration.ofSeconds(1)).until(() -> {
                last[0] = ledger.tally(receivers.received());
                return last[0].complete();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not every subscriber got what it must within " + deadline + ": "
                    + (last[0] == null ? "nothing tallied" : last[0].summary()) + "; the instance logs are kept under "
                    + FaultLogs.ROOT, e);
        }
        return last[0];
    }
}
