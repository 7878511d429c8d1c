package org.steppewatch.benchmarks.postgis;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.locationtech.jts.geom.Envelope;
import org.steppewatch.georef.Geodesy;

/** A short description of the zones: how many of each level, their extents and vertex counts. */
final class Zones {

    private Zones() {
    }

    static String describe(List<Dataset.Zone> zones) {
        Map<String, Integer> levels = new TreeMap<>();
        double[] across = new double[zones.size()];
        int minVertices = Integer.MAX_VALUE;
        int maxVertices = 0;
        for (int i = 0; i < across.length; i++) {
            Dataset.Zone z = zones.get(i);
            levels.merge(z.level(), 1, Integer::sum);
            Envelope e = z.geometry().getEnvelopeInternal();
            double mid = (e.getMinY() + e.getMaxY()) / 2;
            double km = Math.max(Geodesy.distanceKm(e.getMinX(), mid, e.getMaxX(), mid), Geodesy.distanceKm(e.getMinX(), e.getMinY(),
                    e.getMinX(), e.getMaxY()));
            across[i] = km;
            minVertices = Math.min(minVertices, z.geometry().getNumPoints());
            maxVertices = Math.max(maxVertices, z.geometry().getNumPoints());
        }
        Arrays.sort(across);
        return String.format(Locale.ROOT, "%s; %.1f-%.0f km across, median %.1f km, 90th percentile %.0f km; %d-%d vertices", levels,
                across[0], across[across.length - 1], across[across.length / 2], across[across.length * 9 / 10], minVertices, maxVertices);
    }
}
