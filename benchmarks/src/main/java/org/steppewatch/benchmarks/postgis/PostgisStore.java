package org.steppewatch.benchmarks.postgis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.steppewatch.georef.Settlement;

/**
 * The PostGIS side: settlements with a geometry and a geography column (SRID 4326), subscriptions with a geometry
 * column, each with a GiST index built after a COPY load, then ANALYZE and pg_prewarm. Queries are prepared
 * statements over one JDBC connection; each call sends the zone as WKB and reads every row back.
 */
final class PostgisStore implements AutoCloseable {

    /** Levels worst last, so that max() over the zones a subscription meets is its worst level. */
    static final List<String> LEVELS = List.of("SCREENING", "AEGL-1", "REPORTED_FOOTPRINT", "AEGL-2", "AEGL-3");

    /** How long a load took, ms, and what it occupies. */
    record Load(long rows, double copyMs, double indexMs, double megabytes) {
    }

    /** A settlement found near a point, with its distance on the WGS-84 ellipsoid (ST_Distance on geography). */
    record Near(int id, double metres) {
    }

    static final String INSIDE = "SELECT id FROM settlements WHERE ST_Intersects(geom, ST_GeomFromWKB(?, 4326))";
    static final String NEAREST = "SELECT id, ST_Distance(geog, ST_MakePoint(?, ?)::geography) FROM settlements "
            + "ORDER BY geog <-> ST_MakePoint(?, ?)::geography LIMIT ?";
    static final String WITHIN = "SELECT id, ST_Distance(geog, ST_MakePoint(?, ?)::geography) AS d FROM settlements "
            + "WHERE ST_DWithin(geog, ST_MakePoint(?, ?)::geography, ?) ORDER BY d";
    static final String SUBSCRIPTIONS = "SELECT s.id, max(z.rank) FROM unnest(?::bytea[], ?::int[]) AS z(wkb, rank) "
            + "JOIN subscriptions s ON ST_Intersects(s.geom, ST_GeomFromWKB(z.wkb, 4326)) GROUP BY s.id";

    private final Connection connection;
    private final PreparedStatement one;
    private final Path backendStat;
    private PreparedStatement inside;
    private PreparedStatement nearest;
    private PreparedStatement within;
    private PreparedStatement subscriptions;

    PostgisStore(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm");
        }
        one = connection.prepareStatement("SELECT 1");
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            backendStat = Path.of("/proc", Integer.toString(rs.getInt(1)), "stat");
        }
    }

    /**
     * CPU time (user + system) of the PostgreSQL backend serving this connection, ns, from /proc (Linux, same machine,
     * 10 ms ticks); -1 when it cannot be read. Parallel workers, if a plan used any, are other processes: none of
     * these plans does.
     */
    long backendCpuNanos() {
        try {
            String stat = Files.readString(backendStat);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The floor under every PostGIS figure: a prepared statement that does nothing, over the same connection. */
    int roundTrip() throws SQLException {
        try (ResultSet rs = one.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    String versions() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version'), postgis_lib_version(), postgis_geos_version(), "
                     + "postgis_proj_version()")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1) + ", PostGIS " + rs.getString(2) + " (GEOS " + rs.getString(3) + ", PROJ "
                    + rs.getString(4) + ")";
        }
    }

    Load loadSettlements(List<Settlement> settlements) throws SQLException {
        close(inside, nearest, within);
        execute("DROP TABLE IF EXISTS settlements",
                "CREATE TABLE settlements (id integer NOT NULL, geom geometry(Point, 4326) NOT NULL, geog geography(Point, 4326) NOT NULL)");
        WKBWriter wkb = new WKBWriter(2, true);
        long start = System.nanoTime();
        CopyIn copy = ((PGConnection) connection).getCopyAPI().copyIn("COPY settlements (id, geom, geog) FROM STDIN");
        StringBuilder chunk = new StringBuilder(1 << 20);
        for (Settlement s : settlements) {
            String hex = WKBWriter.toHex(wkb.write(s.point()));
            chunk.append(Dataset.idOf(s)).append('\t').append(hex).append('\t').append(hex).append('\n');
            flushIfFull(copy, chunk);
        }
        finish(copy, chunk);
        double copyMs = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        execute("CREATE INDEX settlements_geom ON settlements USING gist (geom)",
                "CREATE INDEX settlements_geog ON settlements USING gist (geog)", "ANALYZE settlements");
        double indexMs = (System.nanoTime() - start) / 1e6;
        prewarm("settlements", "settlements_geom", "settlements_geog");
        inside = connection.prepareStatement(INSIDE);
        nearest = connection.prepareStatement(NEAREST);
        within = connection.prepareStatement(WITHIN);
        return new Load(settlements.size(), copyMs, indexMs, megabytes("settlements"));
    }

    Load loadSubscriptions(List<Dataset.Area> areas) throws SQLException {
        close(subscriptions);
        execute("DROP TABLE IF EXISTS subscriptions",
                "CREATE TABLE subscriptions (id integer NOT NULL, geom geometry(Geometry, 4326) NOT NULL)");
        WKBWriter wkb = new WKBWriter(2, true);
        long start = System.nanoTime();
        CopyIn copy = ((PGConnection) connection).getCopyAPI().copyIn("COPY subscriptions (id, geom) FROM STDIN");
        StringBuilder chunk = new StringBuilder(1 << 20);
        for (Dataset.Area a : areas) {
            chunk.append(a.id()).append('\t').append(WKBWriter.toHex(wkb.write(a.geometry()))).append('\n');
            flushIfFull(copy, chunk);
        }
        finish(copy, chunk);
        double copyMs = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        execute("CREATE INDEX subscriptions_geom ON subscriptions USING gist (geom)", "ANALYZE subscriptions");
        double indexMs = (System.nanoTime() - start) / 1e6;
        prewarm("subscriptions", "subscriptions_geom");
        subscriptions = connection.prepareStatement(SUBSCRIPTIONS);
        return new Load(areas.size(), copyMs, indexMs, megabytes("subscriptions"));
    }

    /** (1) Ids of the settlements inside {@code zone} (geometry: planar lon/lat edges, as JTS draws them). */
    List<Integer> inside(Geometry zone) throws SQLException {
        inside.setBytes(1, new WKBWriter(2).write(zone));
        List<Integer> ids = new ArrayList<>();
        try (ResultSet rs = inside.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }

    /** (2) The {@code count} nearest settlements by the geography KNN operator (sphere), with ellipsoid distances. */
    List<Near> nearest(Point centre, int count) throws SQLException {
        nearest.setDouble(1, centre.getX());
        nearest.setDouble(2, centre.getY());
        nearest.setDouble(3, centre.getX());
        nearest.setDouble(4, centre.getY());
        nearest.setInt(5, count);
        return near(nearest);
    }

    /** (2b) Settlements within {@code km} of {@code centre} on the ellipsoid (ST_DWithin on geography), nearest first. */
    List<Near> within(Point centre, double km) throws SQLException {
        within.setDouble(1, centre.getX());
        within.setDouble(2, centre.getY());
        within.setDouble(3, centre.getX());
        within.setDouble(4, centre.getY());
        within.setDouble(5, km * 1000);
        return near(within);
    }

    /** (3) Subscription id to the worst level of the zones its area meets (geometry ST_Intersects, one statement). */
    Map<Integer, String> subscriptions(List<Dataset.Zone> zones) throws SQLException {
        bindZones(subscriptions, zones);
        Map<Integer, String> found = new HashMap<>();
        try (ResultSet rs = subscriptions.executeQuery()) {
            while (rs.next()) {
                found.put(rs.getInt(1), LEVELS.get(rs.getInt(2)));
            }
        }
        return found;
    }

    private void bindZones(PreparedStatement statement, List<Dataset.Zone> zones) throws SQLException {
        WKBWriter writer = new WKBWriter(2);
        byte[][] wkb = new byte[zones.size()][];
        Integer[] ranks = new Integer[zones.size()];
        for (int i = 0; i < wkb.length; i++) {
            wkb[i] = writer.write(zones.get(i).geometry());
            ranks[i] = LEVELS.indexOf(zones.get(i).level());
        }
        statement.setArray(1, connection.createArrayOf("bytea", wkb));
        statement.setArray(2, connection.createArrayOf("int4", ranks));
    }

    /** Ids of the {@code count} nearest settlements by the geometry KNN operator (planar degrees), for the agreement check only. */
    List<Integer> nearestByGeometry(Point centre, int count) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT id FROM settlements "
                + "ORDER BY geom <-> ST_SetSRID(ST_MakePoint(?, ?), 4326) LIMIT ?")) {
            p.setDouble(1, centre.getX());
            p.setDouble(2, centre.getY());
            p.setInt(3, count);
            List<Integer> ids = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
            return ids;
        }
    }

    /** The plans of (1), (2) and (3) for the given inputs, to show that the GiST indexes are used. */
    String plans(Geometry zone, Point centre, List<Dataset.Zone> zones) throws SQLException {
        StringBuilder plans = new StringBuilder();
        try (PreparedStatement p = connection.prepareStatement("EXPLAIN (COSTS OFF) " + INSIDE)) {
            p.setBytes(1, new WKBWriter(2).write(zone));
            plans.append("(1)\n").append(lines(p));
        }
        try (PreparedStatement p = connection.prepareStatement("EXPLAIN (COSTS OFF) " + NEAREST)) {
            p.setDouble(1, centre.getX());
            p.setDouble(2, centre.getY());
            p.setDouble(3, centre.getX());
            p.setDouble(4, centre.getY());
            p.setInt(5, 10);
            plans.append("(2)\n").append(lines(p));
        }
        try (PreparedStatement p = connection.prepareStatement("EXPLAIN (COSTS OFF) " + SUBSCRIPTIONS)) {
            bindZones(p, zones);
            plans.append("(3)\n").append(lines(p));
        }
        // the literal geometries make the plans unreadable
        return plans.toString().replaceAll("'[0-9A-F]{40,}'", "'…'");
    }

    private static String lines(PreparedStatement p) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                plan.append("    ").append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static List<Near> near(PreparedStatement statement) throws SQLException {
        List<Near> found = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                found.add(new Near(rs.getInt(1), rs.getDouble(2)));
            }
        }
        return found;
    }

    private static void flushIfFull(CopyIn copy, StringBuilder chunk) throws SQLException {
        if (chunk.length() > 1 << 20) {
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.US_ASCII);
            copy.writeToCopy(bytes, 0, bytes.length);
            chunk.setLength(0);
        }
    }

    private static void finish(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.US_ASCII);
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
    }

    private static void close(PreparedStatement... statements) throws SQLException {
        for (PreparedStatement s : statements) {
            if (s != null) {
                s.close();
            }
        }
    }

    private void prewarm(String... relations) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String r : relations) {
                s.execute("SELECT pg_prewarm('" + r + "')");
            }
        }
    }

    private double megabytes(String table) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_total_relation_size('" + table + "')")) {
            rs.next();
            return rs.getLong(1) / 1e6;
        }
    }

    private void execute(String... sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
