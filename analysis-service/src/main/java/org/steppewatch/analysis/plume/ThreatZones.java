package org.steppewatch.analysis.plume;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.steppewatch.contracts.Geo;
import org.steppewatch.georef.Geodesy;

/**
 * Threat-zone polygons of a {@link PlumeModel} release, one per level of concern. A plume zone is built in
 * local metres (x downwind, y crosswind, positive to the right of the wind) and each vertex is placed on
 * the WGS-84 ellipsoid with {@link Geodesy#destination}: distance √(x² + y²) along bearing
 * downwind + atan2(y, x). No degree arithmetic.
 * <p>
 * All levels share one set of downwind sample distances (Chebyshev-spaced over each level's extent, so both
 * ends are dense). With a shared grid a lower threshold is wider at every sample, starts nearer (a raised source)
 * and reaches farther, so the polygons nest: AEGL-3 ⊂ AEGL-2 ⊂ AEGL-1.
 */
public final class ThreatZones {

    /** Samples along each level's reach. */
    static final int POINTS_PER_LEVEL = 24;
    /** Vertices of a no-wind circle. */
    static final int CIRCLE_SEGMENTS = 72;
    /** A level reaching less than this (metres) gets no zone: there is nothing to draw. */
    public static final double MIN_DRAWN_M = 1.0;

    private ThreatZones() {
    }

    /** A level of concern as a concentration. */
    public record Level(String name, double thresholdMgPerM3) {
    }

    /**
     * A drawn zone.
     *
     * @param reachM        downwind reach (a circle's radius), metres; at most the cap
     * @param truncated     the model reaches beyond the cap; the zone is cut there
     * @param maxHalfWidthM widest crosswind half-width, metres (the radius for a circle)
     */
    public record Zone(Level level, double reachM, boolean truncated, double maxHalfWidthM, Polygon geometry) {
    }

    /** Plume-shaped zones of a ground-level source pointing along {@code downwindBearingDeg}, in the order of {@code levels}. */
    public static List<Zone> plume(Point source, double downwindBearingDeg, double qMgPerS, double windMs, Stability stability,
                                   List<Level> levels, double maxReachM) {
        return plume(source, downwindBearingDeg, qMgPerS, windMs, stability, 0, levels, maxReachM);
    }

    /**
     * Plume-shaped zones of a source {@code heightM} above the ground (an effective height), cut at {@code maxReachM}.
     * A raised source's zone starts where its ground-level centre line first reaches the threshold, not at the source.
     */
    public static List<Zone> plume(Point source, double downwindBearingDeg, double qMgPerS, double windMs, Stability stability,
                                   double heightM, List<Level> levels, double maxReachM) {
        PlumeModel.Extent[] extents = extents(qMgPerS, windMs, stability, heightM, levels, maxReachM);
        double[] grid = grid(extents, maxReachM);
        // half-widths at the cap of the zones cut there: a cut zone's end edge carries the end vertices of the
        // narrower cut zones too, so that their end edges coincide instead of crossing by rounding
        TreeSet<Double> endWidths = new TreeSet<>();
        for (int i = 0; i < levels.size(); i++) {
            if (Double.isInfinite(extents[i].toM())) {
                endWidths.add(PlumeModel.halfWidthM(qMgPerS, windMs, stability, levels.get(i).thresholdMgPerM3(), maxReachM, heightM));
            }
        }
        List<Zone> zones = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            Level level = levels.get(i);
            double from = extents[i].fromM();
            double r = extents[i].toM();
            boolean truncated = Double.isInfinite(r);
            double x = truncated ? maxReachM : r;
            if (!(r >= MIN_DRAWN_M) || !(x - from >= MIN_DRAWN_M)) {
                continue;
            }
            List<double[]> right = new ArrayList<>();
            double widest = 0;
            for (double gx : grid) {
                if (gx >= x) {
                    break;
                }
                if (gx <= from) {
                    continue;
                }
                double w = PlumeModel.halfWidthM(qMgPerS, windMs, stability, level.thresholdMgPerM3(), gx, heightM);
                widest = Math.max(widest, w);
                right.add(new double[] {gx, w});
            }
            List<Coordinate> ring = new ArrayList<>();
            ring.add(from == 0 ? source.getCoordinate().copy() : place(source, downwindBearingDeg, from, 0));
            for (double[] p : right) {
                ring.add(place(source, downwindBearingDeg, p[0], p[1]));
            }
            if (truncated) {
                double w = PlumeModel.halfWidthM(qMgPerS, windMs, stability, level.thresholdMgPerM3(), x, heightM);
                widest = Math.max(widest, w);
                List<Double> end = new ArrayList<>(endWidths.headSet(w, true).descendingSet());
                for (double e : end) {
                    ring.add(place(source, downwindBearingDeg, x, e));
                }
                for (int k = end.size() - 1; k >= 0; k--) {
                    ring.add(place(source, downwindBearingDeg, x, -end.get(k)));
                }
            } else {
                ring.add(place(source, downwindBearingDeg, x, 0));
            }
            for (int k = right.size() - 1; k >= 0; k--) {
                ring.add(place(source, downwindBearingDeg, right.get(k)[0], -right.get(k)[1]));
            }
            ring.add(ring.get(0).copy());
            zones.add(new Zone(level, x, truncated, widest, Geo.FACTORY.createPolygon(ring.toArray(Coordinate[]::new))));
        }
        return zones;
    }

    /**
     * Circles of the downwind reach, for a release whose wind direction is unknown: the zone may lie in any
     * direction, so every direction is drawn.
     */
    public static List<Zone> circles(Point source, double qMgPerS, double windMs, Stability stability, List<Level> levels,
                                     double maxReachM) {
        return circles(source, qMgPerS, windMs, stability, 0, levels, maxReachM);
    }

    /** Circles of the downwind reach of a source {@code heightM} above the ground. */
    public static List<Zone> circles(Point source, double qMgPerS, double windMs, Stability stability, double heightM,
                                     List<Level> levels, double maxReachM) {
        PlumeModel.Extent[] extents = extents(qMgPerS, windMs, stability, heightM, levels, maxReachM);
        List<Zone> zones = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            double r = extents[i].toM();
            if (!(r >= MIN_DRAWN_M)) {
                continue;
            }
            boolean truncated = Double.isInfinite(r);
            double radius = truncated ? maxReachM : r;
            zones.add(new Zone(levels.get(i), radius, truncated, radius, Geodesy.circle(source, radius / 1000.0, CIRCLE_SEGMENTS)));
        }
        return zones;
    }

    private static PlumeModel.Extent[] extents(double q, double u, Stability s, double h, List<Level> levels, double maxReachM) {
        PlumeModel.Extent[] extents = new PlumeModel.Extent[levels.size()];
        for (int i = 0; i < extents.length; i++) {
            extents[i] = PlumeModel.extent(q, u, s, levels.get(i).thresholdMgPerM3(), maxReachM, h);
        }
        return extents;
    }

    /** Downwind sample distances: Chebyshev nodes over each level's (capped) extent, merged. */
    static double[] grid(PlumeModel.Extent[] extents, double maxReachM) {
        TreeSet<Double> xs = new TreeSet<>();
        for (PlumeModel.Extent e : extents) {
            if (!(e.toM() >= MIN_DRAWN_M)) {
                continue;
            }
            double to = Double.isInfinite(e.toM()) ? maxReachM : e.toM();
            double from = Math.min(e.fromM(), to);
            for (int k = 1; k < POINTS_PER_LEVEL; k++) {
                xs.add(from + (to - from) * (1 - Math.cos(Math.PI * k / POINTS_PER_LEVEL)) / 2);
            }
        }
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The point {@code x} metres downwind and {@code y} metres to the right of the wind, on the ellipsoid. */
    static Coordinate place(Point source, double downwindBearingDeg, double x, double y) {
        double distance = Math.hypot(x, y);
        if (distance == 0) {
            return source.getCoordinate().copy();
        }
        double bearing = downwindBearingDeg + Math.toDegrees(Math.atan2(y, x));
        return Geodesy.destination(source, bearing, distance / 1000.0);
    }
}
