package org.steppewatch.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The CPU time of one {@link EnsembleBenchmark} call, measured on the calling thread: on a shared machine the
 * wall-clock time includes waiting for a core, the thread's CPU time does not. Prints the first (cold) call's wall
 * time, then p50 and p99 of 300 calls after 300 warm-up calls. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar org.steppewatch.benchmarks.EnsembleCpuTime}.
 */
public final class EnsembleCpuTime {

    private static final int CALLS = 300;

    private EnsembleCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String weather : args.length > 0 ? List.of(args) : List.of("REPORTED", "NO_DIRECTION")) {
            EnsembleBenchmark b = new EnsembleBenchmark();
            b.settlements = 100_000;
            b.weather = weather;
            b.setUp();
            long cold = System.nanoTime();
            b.assessment();
            double coldMs = (System.nanoTime() - cold) / 1e6;
            for (int i = 0; i < CALLS; i++) {
                b.assessment();
            }
            double[] cpu = new double[CALLS];
            double[] wall = new double[CALLS];
            for (int i = 0; i < CALLS; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                b.assessment();
                cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                wall[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(cpu);
            Arrays.sort(wall);
            System.out.printf(Locale.ROOT, "%s: cold first call %.1f ms; CPU p50 %.2f ms, p99 %.2f ms; wall p50 %.2f ms, p99 %.2f ms%n",
                    weather, coldMs, cpu[CALLS / 2], cpu[CALLS * 99 / 100], wall[CALLS / 2], wall[CALLS * 99 / 100]);
        }
    }
}
