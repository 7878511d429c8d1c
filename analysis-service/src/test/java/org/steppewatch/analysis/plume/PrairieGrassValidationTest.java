package org.steppewatch.analysis.plume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.steppewatch.analysis.plume.PrairieGrass.Arc;

/**
 * The plume model against Project Prairie Grass (docs/assessment.md, "Validation: Project Prairie Grass").
 * Every run with meteorology (53 runs, Bijloos 2022's set), every arc: the observed arc maximum against the
 * model's centre-line concentration and the observed crosswind-integrated concentration (CWIC) against the
 * model's, with the source at the run's release height and the receptor at the samplers' height. Wind: the
 * 2 m speed the data gives. Class: from the Obukhov length ({@link PrairieGrass#golderClass}). Observations are
 * Irwin's, without the SO2 correction factors. Arcs whose maximum is below the detection threshold are dropped.
 * <p>
 * The test prints the tables and checks that docs/assessment.md publishes exactly these figures.
 */
class PrairieGrassValidationTest {

    /** Roughness length of the site, m: DisperSim3D's 0.006 (Bijloos uses 0.008, which gives the same classes). */
    static final double ROUGHNESS_M = 0.006;
    /** The project's own docs, relative to the module (Maven runs tests there). */
    static final Path ASSESSMENT_DOC = Path.of("..", "docs", "assessment.md");

    /** One compared arc: the class assumed and the model's values. */
    record Pair(Arc arc, Stability stability, double arcMaxMgM3, double cwicGm2, double groundLevelMgM3) {
    }

    static List<Arc> modelledArcs() {
        return PrairieGrass.arcs().stream().filter(Arc::hasMeteorology).toList();
    }

    static List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>();
        for (Arc a : modelledArcs()) {
            if (a.obsArcMaxMgM3() < PrairieGrass.DETECTION_MG_M3) {
                continue;
            }
            Stability s = PrairieGrass.golderClass(a.obukhovLengthM(), ROUGHNESS_M);
            double q = a.releaseRateGs() * 1000; // mg/s
            double u = Math.max(a.windSpeedMs(), PlumeModel.MIN_WIND_MS);
            double x = a.distanceM();
            pairs.add(new Pair(a, s,
                    PlumeModel.centrelineAtHeights(q, u, s, x, a.releaseHeightM(), a.receptorHeightM()),
                    PlumeModel.crosswindIntegratedAtHeights(q, u, s, x, a.releaseHeightM(), a.receptorHeightM()) / 1000,
                    PlumeModel.centreline(q, u, s, x)));
        }
        return pairs;
    }

    static PerformanceMetrics measure(List<Pair> pairs, ToDoubleFunction<Pair> observed, ToDoubleFunction<Pair> predicted) {
        return PerformanceMetrics.of(pairs.stream().mapToDouble(observed).toArray(),
                pairs.stream().mapToDouble(predicted).toArray());
    }

    static PerformanceMetrics arcMaxima(List<Pair> pairs) {
        return measure(pairs, p -> p.arc().obsArcMaxMgM3(), Pair::arcMaxMgM3);
    }

    static PerformanceMetrics cwic(List<Pair> pairs) {
        return measure(pairs, p -> p.arc().obsCwicGm2(), Pair::cwicGm2);
    }

    @Test
    void theDataIsTheSetItsSourcesDescribe() {
        List<Arc> all = PrairieGrass.arcs();
        // SOURCES: 340 rows, 68 runs × 5 arcs; 53 runs with L (Bijloos 2022); arc maxima under 0.1 mg/m³: runs 7 and 16 at 800 m
        assertThat(all).hasSize(340);
        assertThat(all.stream().mapToInt(Arc::runId).distinct().count()).isEqualTo(68);
        assertThat(modelledArcs().stream().mapToInt(Arc::runId).distinct().count()).isEqualTo(53);
        assertThat(modelledArcs()).hasSize(265);
        assertThat(modelledArcs().stream().filter(a -> a.obsArcMaxMgM3() < PrairieGrass.DETECTION_MG_M3)
                .map(a -> a.runId() + "@" + (int) a.distanceM())).containsExactlyInAnyOrder("7@800", "16@800");
        assertThat(pairs()).hasSize(263);
        // the modelled runs have a release at 0.46 m, samplers at 1.5 m and winds the model does not raise
        assertThat(modelledArcs()).allSatisfy(a -> {
            assertThat(a.releaseHeightM()).isEqualTo(0.46);
            assertThat(a.receptorHeightM()).isEqualTo(1.5);
            assertThat(a.windSpeedMs()).isGreaterThan(PlumeModel.MIN_WIND_MS);
        });
    }

    @Test
    void oneArcPredictedByHand() {
        // run 22 at 200 m: Q = 48.4 g/s = 48,400 mg/s, u = 7.39 m/s, L = 204 m → D; H = 0.46 m, z = 1.5 m
        // σy = 16/√1.02 = 15.8424, σz = 12/√1.3 = 10.5247, 2σz² = 221.54
        // vertical factor = exp(−1.0816/221.54) + exp(−3.8416/221.54) = 0.995130 + 0.982809 = 1.977939
        // centre line = 48,400/(2π·7.39·15.8424·10.5247) · 1.977939 = 6.25157 · 1.977939 = 12.365 mg/m³ (observed 27.7)
        // CWIC = 48,400/(√(2π)·7.39·10.5247) · 1.977939 = 248.256 · 1.977939 = 491.04 mg/m² = 0.49104 g/m² (observed 0.72208)
        Pair run22 = pairs().stream().filter(p -> p.arc().runId() == 22 && p.arc().distanceM() == 200).findFirst().orElseThrow();
        assertThat(run22.stability()).isEqualTo(Stability.D);
        assertThat(run22.arcMaxMgM3()).isCloseTo(12.365, within(0.001));
        assertThat(run22.cwicGm2()).isCloseTo(0.49104, within(0.00001));
        assertThat(run22.arc().obsArcMaxMgM3()).isEqualTo(27.7);
        assertThat(run22.arc().obsCwicGm2()).isEqualTo(0.72208);
    }

    @Test
    void classesFromTheObukhovLengthFollowGoldersLines() {
        // z0 = 0.006 m, log10 z0 = −2.2218; the lines 1/L = a + b·log10 z0:
        // A −0.1604, B −0.1014, C −0.0420, D 0, E +0.0440, F +0.1150
        // run 7, L = −9.8: 1/L = −0.1020, nearest B (DisperSim3D: B)
        assertThat(PrairieGrass.golderClass(-9.8, ROUGHNESS_M)).isEqualTo(Stability.B);
        // run 11, L = −66: 1/L = −0.0152, 0.0152 from D and 0.0268 from C: D (DisperSim3D: C)
        assertThat(PrairieGrass.golderClass(-66, ROUGHNESS_M)).isEqualTo(Stability.D);
        // run 22, L = 204: 0.0049, D (DisperSim3D: D); run 29, L = 36: 0.0278, 0.0162 from E: E (DisperSim3D: E)
        assertThat(PrairieGrass.golderClass(204, ROUGHNESS_M)).isEqualTo(Stability.D);
        assertThat(PrairieGrass.golderClass(36, ROUGHNESS_M)).isEqualTo(Stability.E);
        // L = 8.0 (run 40): 0.125, nearest F; L = −5.2 (run 16): −0.1923, nearest A
        assertThat(PrairieGrass.golderClass(8.0, ROUGHNESS_M)).isEqualTo(Stability.F);
        assertThat(PrairieGrass.golderClass(-5.2, ROUGHNESS_M)).isEqualTo(Stability.A);
        // Bijloos's roughness (0.008 m) gives every run the same class
        assertThat(modelledArcs()).allSatisfy(a -> assertThat(PrairieGrass.golderClass(a.obukhovLengthM(), 0.008))
                .isEqualTo(PrairieGrass.golderClass(a.obukhovLengthM(), ROUGHNESS_M)));
    }

    @Test
    void overAllArcsTheModelMeetsChangAndHannasCriteriaOnArcMaximaAndOnCwic() {
        // the criteria quoted in the data's SOURCES.md (section 7): |FB| ≤ 0.3, NMSE ≤ 1.5, 0.7 ≤ MG ≤ 1.3, VG ≤ 4, FAC2 ≥ 0.5.
        // Only over all classes: class A fails (see the per-class table in docs/assessment.md).
        for (PerformanceMetrics m : List.of(arcMaxima(pairs()), cwic(pairs()))) {
            assertThat(Math.abs(m.fb())).isLessThanOrEqualTo(0.3);
            assertThat(m.nmse()).isLessThanOrEqualTo(1.5);
            assertThat(m.mg()).isBetween(0.7, 1.3);
            assertThat(m.vg()).isLessThanOrEqualTo(4.0);
            assertThat(m.fac2()).isGreaterThanOrEqualTo(0.5);
        }
    }

    @Test
    void theGroundLevelFormOfTheZonesOverPredictsStableArcMaxima() {
        // the zones put source and receptor at the ground; in class F the plume near the source is thinner than
        // the 1.04 m between the release and the samplers, so the ground-level form over-predicts there
        List<Pair> stable = pairs().stream().filter(p -> p.stability() == Stability.F).toList();
        PerformanceMetrics raised = arcMaxima(stable);
        PerformanceMetrics ground = measure(stable, p -> p.arc().obsArcMaxMgM3(), Pair::groundLevelMgM3);
        assertThat(ground.mg()).isLessThan(raised.mg());
        assertThat(ground.fb()).isLessThan(-0.67); // more than a factor of 2 too high on average
    }

    @Test
    void docsPublishTheFiguresThisTestComputes() throws IOException {
        List<String> lines = tables();
        lines.forEach(System.out::println);
        String doc = Files.readString(ASSESSMENT_DOC, StandardCharsets.UTF_8);
        assertThat(lines).allSatisfy(line -> assertThat(doc).as("docs/assessment.md has the line").contains(line));
    }

    /** The rows of the three tables in docs/assessment.md, as they must be printed there. */
    static List<String> tables() {
        List<Pair> pairs = pairs();
        List<String> lines = new ArrayList<>();
        lines.add(row("arc maxima (centre line at 1.5 m, source at 0.46 m)", pairs.size(), arcMaxima(pairs)));
        lines.add(row("crosswind-integrated concentration (CWIC)", pairs.size(), cwic(pairs)));
        lines.add(row("arc maxima, ground-level form of the zones (H = z = 0)", pairs.size(),
                measure(pairs, p -> p.arc().obsArcMaxMgM3(), Pair::groundLevelMgM3)));
        Map<Stability, List<Pair>> byClass = new EnumMap<>(Stability.class);
        pairs.forEach(p -> byClass.computeIfAbsent(p.stability(), s -> new ArrayList<>()).add(p));
        byClass.forEach((s, ps) -> {
            long runs = ps.stream().mapToInt(p -> p.arc().runId()).distinct().count();
            PerformanceMetrics max = arcMaxima(ps);
            PerformanceMetrics y = cwic(ps);
            lines.add(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s |", s, runs, ps.size(), cells(max), cells(y)));
        });
        Map<Double, List<Pair>> byArc = new TreeMap<>();
        pairs.forEach(p -> byArc.computeIfAbsent(p.arc().distanceM(), d -> new ArrayList<>()).add(p));
        byArc.forEach((d, ps) -> lines.add(String.format(Locale.ROOT, "| %.0f m | %d | %s | %s |", d, ps.size(),
                cells(arcMaxima(ps)), cells(cwic(ps)))));
        return lines;
    }

    private static String row(String what, int n, PerformanceMetrics m) {
        return String.format(Locale.ROOT, "| %s | %d | %s |", what, n, cells(m));
    }

    private static String cells(PerformanceMetrics m) {
        return String.format(Locale.ROOT, "%.2f | %.2f | %.2f | %.2f | %.2f", m.fb(), m.nmse(), m.mg(), m.vg(), m.fac2());
    }
}
