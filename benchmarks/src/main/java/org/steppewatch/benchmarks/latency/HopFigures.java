package org.steppewatch.benchmarks.latency;

import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * The time of each hop from a report's intended send time to its first webhook, from the events' own times
 * ({@link Hops}); microseconds, negative differences (the record timestamps have millisecond resolution) as 0.
 */
final class HopFigures {

    /**
     * Between points with millisecond resolution or better: the report's intended time; incident-service's clock
     * when it took the report (ce_time of IncidentReported); the IncidentReported record's send (its CreateTime);
     * analysis-service's clock when it began the assessment (ce_time of IncidentAssessed); the IncidentAssessed
     * record's send; the first webhook. (notification-service's ce_time is in whole seconds, as CAP's, so it is not a
     * point here.)
     */
    static final String[] NAMES = {
            "POST → incident-service takes it", "store + incident relay", "Kafka → analysis begins",
            "assess + store + relay", "notification: consume → first webhook"};

    private final Map<String, Histogram> hops = new LinkedHashMap<>();
    private int incomplete;

    HopFigures() {
        for (String name : NAMES) {
            hops.put(name, new Histogram(3));
        }
    }

    void add(long due, Hops.Times t, long webhook) {
        if (t == null || t.reportedWritten == 0 || t.assessedWritten == 0) {
            incomplete++;
            return;
        }
        long[] points = {due, t.reportedWritten, t.reportedSent, t.assessedWritten, t.assessedSent, webhook};
        for (int i = 0; i < NAMES.length; i++) {
            hops.get(NAMES[i]).recordValue(Math.max(0, points[i + 1] - points[i]));
        }
    }

    Map<String, Histogram> hops() {
        return hops;
    }

    int incomplete() {
        return incomplete;
    }
}
