package org.steppewatch.benchmarks.postgis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Markdown tables: latency pairs with their ratio, loads and index builds, the agreement found. */
final class Report {

    private final List<String> pairs = new ArrayList<>();
    private final List<String> loads = new ArrayList<>();
    private final List<String> agreements = new ArrayList<>();
    private Harness.Figures floor;

    /** The JDBC round trip of a prepared SELECT 1: the part of every PostGIS figure that is not the query. */
    void floor(Harness.Figures figures) {
        floor = figures;
    }

    void pair(String query, String data, Harness.Figures jts, Harness.Figures postgis) {
        pairs.add("| " + query + " | " + data + " | " + us(jts.medianUs()) + " | " + us(jts.p99Us()) + " | " + us(postgis.medianUs())
                + " | " + us(postgis.p99Us()) + " | " + ratio(postgis.medianUs() / jts.medianUs()) + " | "
                + String.format(Locale.ROOT, "%.1f", jts.rowsPerInput()) + " | " + us(jts.meanUs()) + " (" + us(jts.clientCpuUs()) + ") | " + us(postgis.meanUs()) + " ("
                + us(postgis.clientCpuUs()) + " + " + us(postgis.serverCpuUs()) + ") | " + jts.calls() + " / " + postgis.calls() + " |");
        if (Math.abs(jts.rowsPerInput() - postgis.rowsPerInput()) > 1e-9) {
            throw new IllegalStateException(query + ", " + data + ": " + jts.rowsPerInput() + " rows per input by JTS, "
                    + postgis.rowsPerInput() + " by PostGIS");
        }
    }

    void load(String data, double jtsBuildMs, PostgisStore.Load load) {
        loads.add("| " + data + " | " + ms(jtsBuildMs) + " | " + ms(load.copyMs()) + " | " + ms(load.indexMs()) + " | "
                + ms(load.copyMs() + load.indexMs()) + " | " + String.format(Locale.ROOT, "%.1f", load.megabytes()) + " |");
    }

    void agreement(String query, String data, String line) {
        agreements.add("- " + query + ", " + data + ": " + line);
    }

    String markdown(String machine, String store, String settings) {
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(machine).append("  \nPostGIS side: ").append(store).append("  \n")
                .append(settings).append("\n\n");
        md.append("Per query, warm (JTS on a warmed JVM; PostgreSQL with the tables and indexes prewarmed into shared buffers), "
                + "one client thread, µs per query (index build excluded; the PostGIS figure includes the loopback JDBC round "
                + "trip of a prepared statement and reading every row):\n\n");
        md.append("Round trip floor (a prepared `SELECT 1` on the same connection): median ").append(us(floor.medianUs()))
                .append(" µs, p99 ").append(us(floor.p99Us())).append(" µs; CPU per call ").append(us(floor.clientCpuUs()))
                .append(" µs in the client thread + ").append(us(floor.serverCpuUs())).append(" µs in the backend.\n\n");
        md.append("Mean columns: mean wall time per query, and in brackets the mean CPU time per query of the calling thread "
                + "(JTS; the JDBC client) and of the PostgreSQL backend process (from /proc, 10 ms ticks over the series); wall "
                + "time above the CPU sum is waiting: loopback wake-ups and, on a busy machine, the run queue.\n\n");
        md.append("| query | data | JTS median | JTS p99 | PostGIS median | PostGIS p99 | PostGIS / JTS (median) | rows per query | JTS mean (CPU) | PostGIS mean (CPU client + server) | calls JTS / PostGIS |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        pairs.forEach(p -> md.append(p).append('\n'));
        md.append("\nLoad and index build, ms (JTS: the STR-tree from objects already in memory; PostGIS: COPY from the "
                + "generated data, then the GiST index(es) and ANALYZE):\n\n");
        md.append("| data | JTS STR-tree build | PostGIS COPY | PostGIS GiST + ANALYZE | PostGIS total | PostGIS table + indexes, MB |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        loads.forEach(l -> md.append(l).append('\n'));
        md.append("\nAgreement, checked before timing:\n\n");
        agreements.forEach(a -> md.append(a).append('\n'));
        return md.toString();
    }

    private static String us(double us) {
        return Double.isNaN(us) ? "n/a" : us < 10 ? String.format(Locale.ROOT, "%.2f", us) : us < 100 ? String.format(Locale.ROOT, "%.1f", us)
                : String.format(Locale.ROOT, "%,.0f", us);
    }

    private static String ms(double ms) {
        return ms < 10 ? String.format(Locale.ROOT, "%.2f", ms) : String.format(Locale.ROOT, "%,.0f", ms);
    }

    private static String ratio(double r) {
        return r < 10 ? String.format(Locale.ROOT, "%.1f×", r) : String.format(Locale.ROOT, "%,.0f×", r);
    }
}
