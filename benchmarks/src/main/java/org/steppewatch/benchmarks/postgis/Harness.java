package org.steppewatch.benchmarks.postgis;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * One harness for both sides, so that they are timed alike: the same inputs in the same order, System.nanoTime
 * around each call (the call includes everything the caller waits for: for PostGIS the statement's parameters,
 * the loopback round trip and reading every row), a warm-up of the same calls first, then exact percentiles of
 * every measured call. Single-threaded: latency of one query, not throughput.
 */
final class Harness {

    /** A query over input {@code i}; returns the number of rows it found. */
    @FunctionalInterface
    interface Call {
        int run(int i) throws Exception;
    }

    /**
     * Figures of one measured series, µs; {@code rowsPerInput}: the mean over one pass of every input; CPU: the mean per
     * call of the calling thread's CPU time and of the other process's (NaN when not measured).
     */
    record Figures(int calls, double medianUs, double p99Us, double meanUs, double rowsPerInput, double clientCpuUs,
                   double serverCpuUs) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final double warmSeconds;
    private final double measureSeconds;

    Harness(double warmSeconds, double measureSeconds) {
        this.warmSeconds = warmSeconds;
        this.measureSeconds = measureSeconds;
    }

    Figures measure(Call call, int inputs) throws Exception {
        return measure(call, inputs, () -> -1);
    }

    /** As {@link #measure(Call, int)}, also reading the CPU time of the process serving the calls (ns, -1 if unknown). */
    Figures measure(Call call, int inputs, LongSupplier serverCpuNanos) throws Exception {
        int next = 0;
        long firstPass = 0;
        long warmEnd = System.nanoTime() + (long) (warmSeconds * 1e9);
        do {
            int rows = call.run(next % inputs);
            firstPass += next++ < inputs ? rows : 0;
        } while (System.nanoTime() < warmEnd || next < inputs);
        long[] nanos = new long[1 << 16];
        int n = 0;
        long clientCpu = THREADS.getCurrentThreadCpuTime();
        long serverCpu = serverCpuNanos.getAsLong();
        long end = System.nanoTime() + (long) (measureSeconds * 1e9);
        long now;
        do {
            long start = System.nanoTime();
            call.run(next++ % inputs);
            now = System.nanoTime();
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = now - start;
        } while (now < end || n < inputs);
        clientCpu = THREADS.getCurrentThreadCpuTime() - clientCpu;
        long serverAfter = serverCpuNanos.getAsLong();
        double serverUs = serverCpu < 0 || serverAfter < 0 ? Double.NaN : (serverAfter - serverCpu) / 1e3 / n;
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        return new Figures(n, percentile(sorted, 50) / 1e3, percentile(sorted, 99) / 1e3, mean / 1e3, (double) firstPass / inputs,
                clientCpu / 1e3 / n, serverUs);
    }

    /** Nearest-rank percentile. */
    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
