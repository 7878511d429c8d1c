package org.steppewatch.benchmarks.postgis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.locationtech.jts.geom.Point;
import org.steppewatch.analysis.reference.SettlementIndex;
import org.steppewatch.benchmarks.Machine;
import org.steppewatch.georef.Settlement;

/**
 * JTS in memory, as the services use it, against PostGIS over JDBC, on the same generated data. Run by
 * benchmarks/postgis.sh, which starts a throwaway PostgreSQL with PostGIS and passes its JDBC URL:
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar org.steppewatch.benchmarks.postgis.PostgisComparison \
 *       --jdbc jdbc:postgresql://127.0.0.1:PORT/postgres?user=postgres [--quick] [--seed 13] [--out FILE] [--machine TEXT]
 * </pre>
 * Queries: (1) settlements inside a hazard zone; (2) the 10 nearest settlements to a point; (2b) settlements within
 * 50 km of a point; (3) subscriptions whose area meets one incident's set of zones. The in-memory side of (1), (2)
 * and (2b) is analysis-service's own SettlementIndex; of (3) a replica of notification-service's matching
 * ({@link SubscriptionMatcher}).
 */
public final class PostgisComparison {

    static final int NEAREST = 10;
    /** The nearest search's cap on the JTS side, far enough that both sides always return {@value #NEAREST}. */
    static final double NEAREST_MAX_KM = 1_000;
    static final double WITHIN_KM = 50;
    static final int INCIDENTS = 60;
    static final int PROBES = 200;
    static final int CHECKED = 100;

    private PostgisComparison() {
    }

    public static void main(String[] args) throws Exception {
        String jdbc = null;
        String out = null;
        String machine = Machine.summary();
        boolean quick = false;
        long seed = 13;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jdbc" -> jdbc = args[++i];
                case "--out" -> out = args[++i];
                case "--machine" -> machine = args[++i];
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--quick" -> quick = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (jdbc == null) {
            throw new IllegalArgumentException("--jdbc URL is required");
        }
        int[] sizes = quick ? new int[] {1_000, 10_000} : new int[] {1_000, 10_000, 100_000, 1_000_000};
        int[] subscriptionSizes = quick ? new int[] {1_000, 10_000} : new int[] {10_000, 100_000};
        Harness harness = quick ? new Harness(0.3, 0.7) : new Harness(1.0, 2.5);

        long started = System.nanoTime();
        Dataset data = Dataset.generate(seed, sizes[sizes.length - 1], INCIDENTS, PROBES, subscriptionSizes[subscriptionSizes.length - 1]);
        List<Dataset.Zone> zones = data.incidents().stream().flatMap(List::stream).toList();
        log("generated in %.1f s: %d settlements, %d incidents with %d zones (%s), %d subscriptions", secondsSince(started),
                data.settlements().size(), data.incidents().size(), zones.size(), Zones.describe(zones), data.subscriptions().size());

        Report report = new Report();
        String store;
        try (PostgisStore postgis = new PostgisStore(DriverManager.getConnection(jdbc))) {
            store = postgis.versions() + ", JDBC " + org.postgresql.util.DriverInfo.DRIVER_VERSION
                    + " over loopback TCP";
            Harness.Figures floor = harness.measure(i -> postgis.roundTrip(), 1, postgis::backendCpuNanos);
            report.floor(floor);
            log("JDBC round trip of a prepared SELECT 1: median %.1f µs", floor.medianUs());
            for (int size : sizes) {
                settlements(data, zones, size, postgis, harness, report);
            }
            for (int size : subscriptionSizes) {
                subscriptions(data, size, postgis, harness, report);
            }
        }
        String settings = "Data: seed " + seed + "; settlements uniform over 46-88 E, 40-56 N; " + zones.size() + " hazard zones from "
                + data.incidents().size() + " synthetic incidents assessed by analysis-service (" + Zones.describe(zones) + "); "
                + "subscriptions 70 % geodesic circles of 2-50 km radius (64 vertices), 30 % star polygons of 5-8 vertices, 3-30 km across. "
                + "Queries: (1) settlements inside a zone [JTS SettlementIndex.inside: STRtree + PreparedGeometry.contains | "
                + "geometry ST_Intersects]; (2) the " + NEAREST + " nearest settlements to a point [SettlementIndex.nearest, "
                + "ellipsoid | geography KNN <->, sphere, with ST_Distance on the ellipsoid]; (2b) settlements within " + (int) WITHIN_KM
                + " km [SettlementIndex.within, ellipsoid | geography ST_DWithin, ellipsoid]; (3) subscriptions meeting one incident's "
                + "zones, with the worst level [SubscriptionAreas.match replica: STRtree + PreparedGeometry.intersects | geometry "
                + "ST_Intersects joined with unnest of the zones, GROUP BY]. Whole run " + String.format(Locale.ROOT, "%.0f", secondsSince(started))
                + " s.";
        String md = report.markdown(machine, store, settings);
        System.out.println();
        System.out.println(md);
        if (out != null) {
            Path path = Path.of(out);
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, md);
            log("written to %s", out);
        }
    }

    private static void settlements(Dataset data, List<Dataset.Zone> zones, int size, PostgisStore postgis, Harness harness,
                                    Report report) throws Exception {
        String label = String.format(Locale.ROOT, "%,d settlements", size);
        List<Settlement> settlements = data.settlements().subList(0, size);
        SettlementIndex jts = built(label, () -> new SettlementIndex(settlements), () -> postgis.loadSettlements(settlements), report);

        Map<Integer, Settlement> byId = Agreement.byId(settlements);
        List<Point> probes = data.probes();
        List<Point> checkedProbes = probes.subList(0, Math.min(CHECKED, probes.size()));
        report.agreement("(1) inside a zone", label, Agreement.inside(zones, jts, postgis, byId));
        report.agreement("(2) nearest " + NEAREST, label, Agreement.nearest(checkedProbes, NEAREST, NEAREST_MAX_KM, jts, postgis, byId));
        report.agreement("(2b) within " + (int) WITHIN_KM + " km", label, Agreement.within(checkedProbes, WITHIN_KM, jts, postgis, byId));
        log("%s: both sides agree", label);

        pair(report, "(1) inside a zone", label, harness, postgis, zones.size(),
                i -> jts.inside(zones.get(i).geometry()).size(), i -> postgis.inside(zones.get(i).geometry()).size());
        pair(report, "(2) nearest " + NEAREST, label, harness, postgis, probes.size(),
                i -> jts.nearest(probes.get(i), NEAREST, NEAREST_MAX_KM).size(), i -> postgis.nearest(probes.get(i), NEAREST).size());
        pair(report, "(2b) within " + (int) WITHIN_KM + " km", label, harness, postgis, probes.size(),
                i -> jts.within(probes.get(i), WITHIN_KM).size(), i -> postgis.within(probes.get(i), WITHIN_KM).size());
    }

    private static void subscriptions(Dataset data, int size, PostgisStore postgis, Harness harness, Report report) throws Exception {
        String label = String.format(Locale.ROOT, "%,d subscriptions", size);
        List<Dataset.Area> areas = data.subscriptions().subList(0, size);
        SubscriptionMatcher jts = built(label, () -> new SubscriptionMatcher(areas), () -> postgis.loadSubscriptions(areas), report);
        List<List<Dataset.Zone>> incidents = data.incidents();
        if (size == data.subscriptions().size()) {
            log("plans at the largest sizes:%n%s", postgis.plans(incidents.get(0).get(0).geometry(), data.probes().get(0), incidents.get(0)));
        }
        report.agreement("(3) subscriptions meeting zones", label, Agreement.subscriptions(incidents, jts, postgis));
        log("%s: both sides agree", label);
        pair(report, "(3) subscriptions meeting an incident's zones", label, harness, postgis, incidents.size(),
                i -> jts.match(incidents.get(i)).size(), i -> postgis.subscriptions(incidents.get(i)).size());
    }

    /** Loads of one side, named for the PostGIS store's checked exceptions. */
    @FunctionalInterface
    interface Loader {
        PostgisStore.Load load() throws Exception;
    }

    /** Builds the in-memory index (timed alone), loads the same data into PostGIS, reports both. */
    private static <T> T built(String label, Supplier<T> index, Loader postgis, Report report) throws Exception {
        System.gc();
        long start = System.nanoTime();
        T built = index.get();
        double buildMs = (System.nanoTime() - start) / 1e6;
        PostgisStore.Load load = postgis.load();
        report.load(label, buildMs, load);
        log("%s: JTS index %.0f ms; PostGIS COPY %.0f ms, GiST + ANALYZE %.0f ms", label, buildMs, load.copyMs(), load.indexMs());
        return built;
    }

    private static void pair(Report report, String query, String data, Harness harness, PostgisStore backend, int inputs,
                             Harness.Call jts, Harness.Call postgis) throws Exception {
        System.gc();
        Harness.Figures memory = harness.measure(jts, inputs);
        System.gc();
        Harness.Figures database = harness.measure(postgis, inputs, backend::backendCpuNanos);
        log("%s, %s: JTS median %.1f µs, PostGIS median %.1f µs", query, data, memory.medianUs(), database.medianUs());
        report.pair(query, data, memory, database);
    }

    private static double secondsSince(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[postgis] " + format + "%n", args);
    }
}
