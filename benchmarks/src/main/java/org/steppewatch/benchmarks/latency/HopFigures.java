package org.steppewatch.benchmarks.latency;

import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * The time of each hop from a report's intended send time to its first webhook, from the events' own times
 * ({@link Hops}); microseconds, negative differences (the record timestamps have millisecond resolution) as 0.
 */
final class HopFigures {

    static final String[] NAMES = {
            "POST → incident stored", "incident relay", "analysis: consume, assess, store", "assessment relay",
            "notification: consume, compose, sign, store", "alert stored → first webhook"};

    private final Map<String, Histogram> hops = new LinkedHashMap<>();
    private int incomplete;

    HopFigures() {
        for (String name : NAMES) {
            hops.put(name, new Histogram(3));
        }
    }

    void add(long due, Hops.Times t, long webhook) {
        if (t == null || t.reportedWritten == 0 || t.assessedWritten == 0 || t.alertWritten == 0) {
            incomplete++;
            return;
        }
        long[] points = {due, t.reportedWritten, t.reportedSent, t.assessedWritten, t.assessedSent, t.alertWritten,
                webhook};
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
