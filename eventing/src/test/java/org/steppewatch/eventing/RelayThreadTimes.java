package org.steppewatch.eventing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time per thread of this JVM between two moments, grouped by thread name with its numbers taken out
 * ({@code kafka-producer-network-thread | producer-3} and {@code -1} are one group).
 */
final class RelayThreadTimes {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> before = new HashMap<>();

    RelayThreadTimes() {
        threads.setThreadCpuTimeEnabled(true);
    }

    void start() {
        before.clear();
        for (long id : threads.getAllThreadIds()) {
            before.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
    }

    /** CPU milliseconds since {@link #start} per thread group, largest first (threads that ended meanwhile are not counted). */
    Map<String, Long> sinceStart() {
        Map<String, Long> millis = new HashMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            long used = cpu - before.getOrDefault(info.getThreadId(), 0L);
            millis.merge(info.getThreadName().replaceAll("\\d+", "#"), used / 1_000_000, Long::sum);
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        millis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
