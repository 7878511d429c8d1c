package org.steppewatch.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.steppewatch.analysis.assessment.IncidentAssessor;
import org.steppewatch.analysis.reference.FallZoneIndex;
import org.steppewatch.analysis.reference.ReferenceSnapshot;
import org.steppewatch.analysis.reference.ReferenceZone;
import org.steppewatch.analysis.reference.ShippedReference;
import org.steppewatch.analysis.substance.SubstanceTable;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.georef.Geodesy;
import org.steppewatch.georef.Settlement;

/**
 * One assessment against N synthetic settlements (uniform over Kazakhstan's bounding box) and 1,000 synthetic
 * drop zones (geodesic circles of 5-15 km): the 2013 Proton-M release (172 t UDMH, wind from 225° at 3 m/s,
 * class D), assessed from the 2013 impact point.
 * <ul>
 *   <li>{@code assessment}: the whole assessment (plume zones on the ellipsoid, fall zone, areas of concern,
 *       settlements in zones or nearest, samples, severity, summary) with the STRtree/PreparedGeometry indexes;</li>
 *   <li>{@code lookupIndexed}: only its spatial lookups (settlements inside the two threat zones, the five nearest
 *       settlements, the drop-zone finding) through the indexes;</li>
 *   <li>{@code lookupLinearScan}: the same lookups by a plain scan of every settlement and every zone.</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar -wi 2 -i 3 -f 1}. In-memory only: no MongoDB, no Kafka.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class AssessmentBenchmark {

    static final int ZONES = 1_000;
    static final double MIN_LON = 46.5;
    static final double MAX_LON = 87.3;
    static final double MIN_LAT = 40.6;
    static final double MAX_LAT = 55.4;

    @Param({"1000", "10000", "100000", "1000000"})
    public int settlements;

    private ReferenceSnapshot reference;
    private IncidentAssessor assessor;
    private IncidentFacts facts;
    private Point site;
    private List<Geometry> threatZones;
    private List<Settlement> all;
    private List<ReferenceZone> zones;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        all = new ArrayList<>(settlements);
        for (int i = 0; i < settlements; i++) {
            all.add(new Settlement("syn:" + i, "S" + i, null, null, MIN_LON + random.nextDouble() * (MAX_LON - MIN_LON),
                    MIN_LAT + random.nextDouble() * (MAX_LAT - MIN_LAT), random.nextInt(5_000), "synthetic", "synthetic", List.of()));
        }
        zones = new ArrayList<>(ZONES);
        for (int i = 0; i < ZONES; i++) {
            Point centre = Geo.point(MIN_LON + random.nextDouble() * (MAX_LON - MIN_LON), MIN_LAT + random.nextDouble() * (MAX_LAT - MIN_LAT));
            zones.add(new ReferenceZone("DZ-" + i, "zone " + i, ReferenceZone.DROP_ZONE, "synthetic",
                    Geodesy.circle(centre, 5 + random.nextDouble() * 10, 32), true, "synthetic", "synthetic", null));
        }
        ShippedReference shipped = ShippedReference.load();
        ShippedReference synthetic = new ShippedReference(all, zones, shipped.areasOfConcern(), SubstanceTable.shipped(),
                "synthetic", "synthetic");
        reference = ReferenceSnapshot.assemble(synthetic, ReferenceSnapshot.Imports.NONE, FallZoneIndex.DEFAULT_NEARBY_KM);
        assessor = IncidentAssessor.withDefaults();
        site = Geo.point(63.00, 46.05);
        facts = new IncidentFacts("Proton-M", IncidentCategory.LAUNCH_FAILURE, Instant.parse("2013-07-02T02:38:22Z"), site, null,
                "Proton-M", null, List.of(new IncidentFacts.Release("UDMH", 172_000)),
                List.of(new IncidentFacts.Sample("UDMH", "SOIL", 123, "mg/kg", site, Instant.parse("2013-07-03T10:00:00Z"))),
                new IncidentFacts.Weather(225.0, 3.0, "D"), null);
        IncidentAssessed once = assessor.assess(reference, "bench", 1, facts, Instant.parse("2013-07-02T03:00:00Z")).event();
        threatZones = once.hazardZones().stream().map(IncidentAssessed.HazardZone::geometry).toList();
    }

    @Benchmark
    public IncidentAssessed assessment() {
        return assessor.assess(reference, "bench", 1, facts, Instant.parse("2013-07-02T03:00:00Z")).event();
    }

    @Benchmark
    public void lookupIndexed(Blackhole bh) {
        for (Geometry zone : threatZones) {
            bh.consume(reference.settlements().inside(zone));
        }
        bh.consume(reference.settlements().nearest(site, 5, 150));
        bh.consume(reference.dropZones().locate(site));
    }

    @Benchmark
    public void lookupLinearScan(Blackhole bh) {
        for (Geometry zone : threatZones) {
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(zone);
            List<Settlement> inside = new ArrayList<>();
            for (Settlement s : all) {
                if (prepared.contains(s.point())) {
                    inside.add(s);
                }
            }
            bh.consume(inside);
        }
        // the five nearest within 150 km: a cheap haversine for every settlement, geodesic for the five kept
        PriorityQueue<double[]> nearest = new PriorityQueue<>(Comparator.comparingDouble((double[] a) -> -a[0]));
        for (int i = 0; i < all.size(); i++) {
            Settlement s = all.get(i);
            double km = haversineKm(site.getX(), site.getY(), s.lon(), s.lat());
            if (km <= 150) {
                nearest.add(new double[] {km, i});
                if (nearest.size() > 5) {
                    nearest.poll();
                }
            }
        }
        for (double[] n : nearest) {
            Settlement s = all.get((int) n[1]);
            bh.consume(Geodesy.distanceKm(site.getX(), site.getY(), s.lon(), s.lat()));
        }
        // the drop-zone finding: every zone measured
        double best = Double.POSITIVE_INFINITY;
        for (ReferenceZone zone : zones) {
            if (zone.geometry().covers(site)) {
                best = 0;
                break;
            }
            var edge = org.locationtech.jts.operation.distance.DistanceOp.nearestPoints(zone.geometry().getBoundary(), site)[0];
            best = Math.min(best, Geodesy.distanceKm(site.getX(), site.getY(), edge.x, edge.y));
        }
        bh.consume(best);
    }

    static double haversineKm(double lon1, double lat1, double lon2, double lat2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371.0088 * 2 * Math.asin(Math.sqrt(a));
    }
}
