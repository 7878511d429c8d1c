package org.steppewatch.analysis.plume;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Project Prairie Grass (O'Neill, Nebraska, 1956), one row per run and arc, read from the test resource
 * {@code org/steppewatch/analysis/validation/prairie_grass.csv}; the meaning and the source of every column are in
 * {@code prairie_grass.SOURCE.md} beside it.
 */
final class PrairieGrass {

    static final String RESOURCE = "/org/steppewatch/analysis/validation/prairie_grass.csv";

    /** Irwin's and Bijloos's detection threshold for SO2 (Barad 1958, vol. 1, p. 77), mg/m³. */
    static final double DETECTION_MG_M3 = 0.1;

    /**
     * One arc of one run, as the CSV gives it. {@code windSpeedMs} (at 2 m) and {@code obukhovLengthM} are NaN
     * where the data has none.
     */
    record Arc(int runId, double releaseRateGs, double releaseHeightM, double receptorHeightM, double distanceM,
               double obsArcMaxMgM3, double obsCwicGm2, double windSpeedMs, double obukhovLengthM) {

        boolean hasMeteorology() {
            return !Double.isNaN(windSpeedMs) && !Double.isNaN(obukhovLengthM);
        }
    }

    private PrairieGrass() {
    }

    static List<Arc> arcs() {
        try (InputStream in = Objects.requireNonNull(PrairieGrass.class.getResourceAsStream(RESOURCE), RESOURCE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = Arrays.asList(reader.readLine().split(",", -1));
            List<Arc> arcs = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                Column c = name -> {
                    int i = header.indexOf(name);
                    if (i < 0) {
                        throw new IllegalStateException("no column " + name);
                    }
                    return cells[i].isBlank() ? Double.NaN : Double.parseDouble(cells[i]);
                };
                arcs.add(new Arc((int) c.get("run_id"), c.get("release_rate_g_s"), c.get("release_height_m"),
                        c.get("receptor_height_m"), c.get("distance_m"), c.get("obs_arcmax_mg_m3"), c.get("obs_cwic_g_m2"),
                        c.get("wind_speed_m_s"), c.get("obukhov_length_m")));
            }
            return arcs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The Pasquill class of an Obukhov length, by Golder's (1972) relation as fitted by Seinfeld &amp; Pandis
     * (2006, eq. 16.83): each class lies on the line 1/L = a + b·log10(z0), and the class is the one whose line
     * is nearest the observed 1/L. A modelling assumption of this validation, not data.
     */
    static Stability golderClass(double obukhovLengthM, double roughnessM) {
        double[][] ab = {{-0.096, 0.029}, {-0.037, 0.029}, {-0.002, 0.018}, {0, 0}, {0.004, -0.018}, {0.035, -0.036}};
        double inverse = 1 / obukhovLengthM;
        Stability best = null;
        double bestGap = Double.POSITIVE_INFINITY;
        for (Stability s : Stability.values()) {
            double[] line = ab[s.ordinal()];
            double gap = Math.abs(line[0] + line[1] * Math.log10(roughnessM) - inverse);
            if (gap < bestGap) {
                best = s;
                bestGap = gap;
            }
        }
        return best;
    }

    private interface Column {
        double get(String name);
    }
}
