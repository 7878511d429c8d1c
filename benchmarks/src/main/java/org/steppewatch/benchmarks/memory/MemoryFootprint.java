package org.steppewatch.benchmarks.memory;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.steppewatch.benchmarks.Machine;

/**
 * Heap per instance for the in-memory indexes: the notification service's subscription index at 100,000 and
 * 1,000,000 subscriptions (the mix of area shapes of {@link SubscriptionPopulation}, and each shape alone at
 * 20,000) and the analysis service's settlement index at 1,000,000 settlements. Each case runs in a fresh JVM
 * ({@link IndexHeap}: used heap after GC, and JOL's retained size where the walk is affordable).
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar org.steppewatch.benchmarks.memory.MemoryFootprint [--quick]}
 * ({@code --quick}: a tenth of every size). Writes {@code target/benchmark-results/memory.md}.
 */
public final class MemoryFootprint {

    private static final String HEAP = "-Xmx6g";

    private MemoryFootprint() {
    }

    record Case(String kind, int entries, boolean jol, String what) {
    }

    public static void main(String[] args) throws Exception {
        int divisor = List.of(args).contains("--quick") ? 10 : 1;
        List<Case> cases = List.of(
                new Case("subscriptions-mixed", 100_000 / divisor, true, "subscriptions, mixed shapes"),
                new Case("subscriptions-mixed", 1_000_000 / divisor, false, "subscriptions, mixed shapes"),
                new Case("subscriptions-settlement", 20_000 / divisor, true, "subscriptions, settlement areas only"),
                new Case("subscriptions-circle", 20_000 / divisor, true, "subscriptions, circles only"),
                new Case("subscriptions-polygon", 20_000 / divisor, true, "subscriptions, drawn polygons only"),
                new Case("settlements", 1_000_000 / divisor, true, "settlements"));
        List<String> rows = new ArrayList<>();
        for (Case c : cases) {
            rows.add(row(c, run(c)));
        }
        List<String> lines = new ArrayList<>();
        lines.add("### Memory: heap per instance of the in-memory indexes");
        lines.add("");
        lines.add("Machine: " + Machine.summary() + "; each case in a fresh JVM (" + HEAP
                + ", the JVM's default collector, compressed references)");
        lines.add("");
        lines.add("Heap = used heap after System.gc() with the index built, less before it (MemoryMXBean); JOL = "
                + "GraphLayout.parseInstance(index).totalSize(), every object reachable from the index. Subscription index: "
                + "notification-service's SubscriptionAreas (every active subscription as read from MongoDB, by id, and the "
                + "STR-tree of their areas); mixed = 60 % settlement areas, 30 % circles of 5-50 km (64-segment polygons), "
                + "10 % drawn polygons of 8-40 vertices; 70 % webhooks, 30 % e-mail. Settlement index: analysis-service's "
                + "SettlementIndex over settlements with the names of the " + SettlementPopulation.catalogueSize()
                + " shipped ones, repeated.");
        lines.add("");
        lines.add("| index | entries | heap after GC (MiB) | bytes per entry (heap) | JOL retained (MiB) | bytes per entry (JOL) | build (s) |");
        lines.add("|---|---|---|---|---|---|---|");
        lines.addAll(rows);
        Machine.report("memory", lines);
    }

    private static long[] run(Case c) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // JOL reads the field offsets of records (Subscription, Settlement) only by its own means
        Process process = new ProcessBuilder(java, HEAP, "-Djol.magicFieldOffset=true", "-Djdk.attach.allowAttachSelf=true", "-cp", System.getProperty("java.class.path"),
                IndexHeap.class.getName(), c.kind(), String.valueOf(c.entries()), String.valueOf(c.jol()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        if (process.waitFor() != 0 || result == null) {
            throw new IllegalStateException("case " + c + " failed (exit " + process.exitValue() + ")");
        }
        String[] f = result.split(" ");
        System.out.println(result);
        return new long[] {Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5])};
    }

    private static String row(Case c, long[] figures) {
        double mib = 1024.0 * 1024.0;
        String jol = figures[1] < 0 ? "- | -" : String.format("%,.1f | %,.0f", figures[1] / mib, (double) figures[1] / c.entries());
        return String.format("| %s | %,d | %,.1f | %,.0f | %s | %.1f |", c.what(), c.entries(), figures[0] / mib,
                (double) figures[0] / c.entries(), jol, figures[2] / 1000.0);
    }
}
