package org.steppewatch.benchmarks.latency;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;

/**
 * Reports at a fixed rate for a fixed time on an open-loop schedule: report i is due at start + i/rate whatever
 * happened to the ones before (a slow answer does not delay the next report), and its latency is measured from that
 * intended time, so a stall of the system shows in the figures instead of being hidden by a driver that waited
 * (coordinated omission). Then waits for the stragglers and reads, per report, the first signed webhook.
 */
final class RateRun {

    /** One report: when it was due, when its POST started and answered, and the incident id. */
    static final class Sent {
        final long due;
        volatile long started, answered;
        volatile String incidentId;
        volatile Throwable failure;

        Sent(long due) {
            this.due = due;
        }
    }

    /** What a run measured; latencies in microseconds. */
    record Result(String configuration, int rate, int seconds, int sent, int alerted, int failed, Histogram latency,
                  Histogram post, long minWebhooks, long maxWebhooks, HopFigures hops) {

        int missing() {
            return sent - alerted - failed;
        }
    }

    private static final AtomicInteger SITE = new AtomicInteger();
    private static final AtomicInteger REPORTED = new AtomicInteger();

    private RateRun() {
    }

    static Result run(String configuration, Api api, List<String> incidentServices, Receiver receiver, Hops hops,
                      int rate, int seconds, long drainMillis) {
        int count = rate * seconds;
        long interval = 1_000_000L / rate;
        long start = Micros.now() + 100_000;
        List<Sent> sent = new ArrayList<>(count);
        List<CompletableFuture<?>> answers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Sent report = new Sent(start + i * interval);
            sent.add(report);
            Micros.sleepUntil(report.due);
            int site = SITE.getAndIncrement();
            String incidents = incidentServices.get(i % incidentServices.size());
            report.started = Micros.now();
            answers.add(api.report(incidents, "latency benchmark " + configuration + " " + rate + "/s #" + i,
                            Sites.lon(site), Sites.lat(site))
                    .whenComplete((id, failure) -> {
                        report.answered = Micros.now();
                        if (id != null) {
                            REPORTED.incrementAndGet();
                        }
                        report.incidentId = id;
                        report.failure = failure;
                    }));
        }
        long deadline = start + count * interval + drainMillis * 1_000;
        while (Micros.now() < deadline && !allArrived(sent, receiver)) {
            StackProcess.pause(100);
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return measure(configuration, rate, seconds, sent, receiver, hops);
    }

    /** Reports the stack accepted so far, in every run. */
    static int reported() {
        return REPORTED.get();
    }

    private static boolean allArrived(List<Sent> sent, Receiver receiver) {
        for (Sent report : sent) {
            if (report.failure == null && (report.incidentId == null || receiver.arrival(report.incidentId) == null)) {
                return false;
            }
        }
        return true;
    }

    private static Result measure(String configuration, int rate, int seconds, List<Sent> sent, Receiver receiver,
                                  Hops hops) {
        Histogram latency = new Histogram(3);
        Histogram post = new Histogram(3);
        HopFigures hopFigures = new HopFigures();
        int alerted = 0;
        int failed = 0;
        long minWebhooks = Long.MAX_VALUE;
        long maxWebhooks = 0;
        for (Sent report : sent) {
            if (report.failure != null) {
                failed++;
                continue;
            }
            if (report.answered > 0) {
                post.recordValue(Math.max(0, report.answered - report.due));
            }
            Receiver.Arrival arrival = report.incidentId == null ? null : receiver.arrival(report.incidentId);
            if (arrival == null) {
                continue;
            }
            alerted++;
            latency.recordValue(Math.max(0, arrival.firstMicros() - report.due));
            minWebhooks = Math.min(minWebhooks, arrival.count().get());
            maxWebhooks = Math.max(maxWebhooks, arrival.count().get());
            hopFigures.add(report.due, hops.of(report.incidentId), arrival.firstMicros());
        }
        return new Result(configuration, rate, seconds, sent.size(), alerted, failed, latency, post,
                alerted == 0 ? 0 : minWebhooks, maxWebhooks, hopFigures);
    }
}
