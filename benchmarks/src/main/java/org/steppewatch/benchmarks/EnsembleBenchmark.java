package org.steppewatch.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.locationtech.jts.geom.Point;
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
import org.steppewatch.analysis.assessment.IncidentAssessor;
import org.steppewatch.analysis.reference.FallZoneIndex;
import org.steppewatch.analysis.reference.ReferenceSnapshot;
import org.steppewatch.analysis.reference.ShippedReference;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.georef.Settlement;

/**
 * The whole assessment with its Monte Carlo ensemble (1,000 members) against the shipped settlements plus N synthetic
 * ones (seeded, uniform over Kazakhstan's bounding box, populations 0-50,000), at the 2013 Proton-M impact point:
 * <ul>
 *   <li>{@code REPORTED}: 172 t UDMH, wind from 332° (towards Toretam and Baikonur) at 1.5 m/s, class F, σθ 20°;</li>
 *   <li>{@code NO_DIRECTION}: 172 t UDMH and 420 t N2O4 (as NO2: three levels), no wind direction, 4 m/s, class E:
 *       every bearing sampled, the release and exposure window lets the plume travel 29 km, two releases, so the
 *       most settlements and the most work per member.</li>
 * </ul>
 * Sampled time (p50, p99 per call). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar EnsembleBenchmark -wi 3 -i 5 -w 2s -r 2s -f 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class EnsembleBenchmark {

    @Param({"100000"})
    public int settlements;

    @Param({"REPORTED", "NO_DIRECTION"})
    public String weather;

    private ReferenceSnapshot reference;
    private IncidentAssessor assessor;
    private IncidentFacts facts;
    private final Instant assessedAt = Instant.parse("2013-07-02T03:00:00Z");

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        ShippedReference shipped = ShippedReference.load();
        List<Settlement> all = new ArrayList<>(shipped.settlements());
        for (int i = 0; i < settlements; i++) {
            all.add(new Settlement("syn:" + i, "S" + i, null, null,
                    AssessmentBenchmark.MIN_LON + random.nextDouble() * (AssessmentBenchmark.MAX_LON - AssessmentBenchmark.MIN_LON),
                    AssessmentBenchmark.MIN_LAT + random.nextDouble() * (AssessmentBenchmark.MAX_LAT - AssessmentBenchmark.MIN_LAT),
                    random.nextInt(50_000), "synthetic", "synthetic", List.of()));
        }
        ShippedReference synthetic = new ShippedReference(all, shipped.dropZones(), shipped.areasOfConcern(), shipped.substances(),
                "synthetic", "synthetic");
        reference = ReferenceSnapshot.assemble(synthetic, ReferenceSnapshot.Imports.NONE, FallZoneIndex.DEFAULT_NEARBY_KM);
        assessor = IncidentAssessor.withDefaults();
        Point site = Geo.point(63.00, 46.05);
        boolean reported = "REPORTED".equals(weather);
        List<IncidentFacts.Release> releases = reported ? List.of(new IncidentFacts.Release("UDMH", 172_000))
                : List.of(new IncidentFacts.Release("UDMH", 172_000), new IncidentFacts.Release("N2O4", 420_000));
        IncidentFacts.Weather w = reported ? new IncidentFacts.Weather(332.0, 1.5, "F", null, 20.0)
                : new IncidentFacts.Weather(null, 4.0, "E", null, null);
        facts = new IncidentFacts("Proton-M", IncidentCategory.LAUNCH_FAILURE, Instant.parse("2013-07-02T02:38:22Z"), site, null,
                "Proton-M", null, releases, List.of(), w, null);
    }

    @Benchmark
    public IncidentAssessed assessment() {
        return assessor.assess(reference, "bench", 1, facts, assessedAt).event();
    }
}
