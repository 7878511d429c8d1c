package org.steppewatch.benchmarks.memory;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;

import org.openjdk.jol.info.GraphLayout;
import org.steppewatch.analysis.reference.SettlementIndex;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.Severity;
import org.steppewatch.georef.Geodesy;
import org.steppewatch.georef.Settlement;
import org.steppewatch.notification.subscription.Subscription;

/**
 * One case of {@link MemoryFootprint}, in a JVM of its own: builds one index as its service does and prints
 * {@code RESULT <case> <entries> <heap bytes> <JOL bytes or -1> <build ms>}.
 * <p>
 * Heap: used heap after {@code System.gc()} (three in a row, the least reading) with the index built, less the same
 * before it, with everything else (the catalogue, the crypto, loaded classes) in place in both readings. JOL: the
 * size of every object reachable from the index ({@code GraphLayout.parseInstance(index).totalSize()}).
 * <ul>
 *   <li>{@code subscriptions-<mix>}: the notification service's {@code SubscriptionAreas} (what its
 *       {@code SubscriptionIndex} keeps: every active subscription by id and the STR-tree of their areas), filled by
 *       {@code replaceAll} as a load does, its tree built by a first match. The class is package-private: it is
 *       reached by reflection, so the benchmark measures the service's own class rather than a copy.</li>
 *   <li>{@code settlements}: the analysis service's {@link SettlementIndex} (the settlement list and its STR-tree).</li>
 * </ul>
 */
public final class IndexHeap {

    private static final String AREAS = "org.steppewatch.notification.subscription.SubscriptionAreas";

    private IndexHeap() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int entries = Integer.parseInt(args[1]);
        boolean jol = Boolean.parseBoolean(args[2]);
        SubscriptionPopulation subscriptions = new SubscriptionPopulation();
        // loads the catalogue, the classes and the crypto before the first reading
        subscriptions.make(1_000, SubscriptionPopulation.Mix.MIXED);
        SettlementPopulation.make(1_000);
        long before = usedAfterGc();
        long start = System.nanoTime();
        Object index = kind.equals("settlements") ? settlementIndex(entries) : subscriptionAreas(subscriptions, entries,
                SubscriptionPopulation.Mix.valueOf(kind.substring("subscriptions-".length()).toUpperCase(java.util.Locale.ROOT)));
        long buildMillis = (System.nanoTime() - start) / 1_000_000;
        long heap = usedAfterGc() - before;
        long retained = jol ? GraphLayout.parseInstance(index).totalSize() : -1;
        Reference.reachabilityFence(index);
        Reference.reachabilityFence(subscriptions);
        System.out.println("RESULT " + kind + " " + entries + " " + heap + " " + retained + " " + buildMillis);
    }

    private static Object settlementIndex(int entries) {
        List<Settlement> settlements = SettlementPopulation.make(entries);
        return new SettlementIndex(settlements);
    }

    private static Object subscriptionAreas(SubscriptionPopulation population, int entries, SubscriptionPopulation.Mix mix)
            throws Exception {
        Class<?> type = Class.forName(AREAS);
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        Object areas = constructor.newInstance();
        Method replaceAll = type.getDeclaredMethod("replaceAll", Collection.class);
        replaceAll.setAccessible(true);
        List<Subscription> all = population.make(entries, mix);
        replaceAll.invoke(areas, all);
        all = null;
        // the STR-tree is built at the first match after a change
        Method matching = type.getDeclaredMethod("matching", Collection.class, Severity.class);
        matching.setAccessible(true);
        matching.invoke(areas, List.of(Geodesy.circle(Geo.point(63.3, 45.9), 10, 32)), Severity.EXTREME);
        return areas;
    }

    private static long usedAfterGc() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            // let the collector's concurrent work settle before reading
            Thread.sleep(200);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
