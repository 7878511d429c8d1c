package org.steppewatch.analysis.assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.steppewatch.analysis.plume.Stability;
import org.steppewatch.analysis.plume.ThreatZones;
import org.steppewatch.contracts.Geo;
import org.steppewatch.georef.Geodesy;

/**
 * The polar grid on which the ensemble's probability zones are counted: {@value #BEARINGS} bearings
 * ({@value #STEP_DEG}° apart) by {@value #RINGS} distances spaced evenly in log from {@code minM} to the maximum
 * reach. A member covers a grid point at distance x and bearing b when b lies within its plume's angular
 * half-width atan(w(x)/x) of its downwind bearing, w(x) = σy·√(2·ln(C(x, 0)/c)) the half-width of the Gaussian
 * plume above the threshold (x along the axis stands for the distance: the plumes are narrow), and x is within the
 * member's reach in time. The zone of a level is, per bearing, everything out to the farthest distance at which the
 * share of covering members is at least the zone's probability: a star-shaped polygon around the source, which
 * includes any nearer point of lower probability on that bearing (near a raised source). Without a wind direction
 * every bearing is equally likely, and a bearing's share at x is the members' mean angular width 2α/360° (the
 * expectation over the direction, not a count): the zone is then a circle.
 */
final class PolarGrid {

    static final int BEARINGS = 720;
    static final double STEP_DEG = 360.0 / BEARINGS;
    static final int RINGS = 80;

    /** What the ensemble covers for one release and level: per bearing index, the farthest distance in metres (0: none). */
    record Footprint(PlumeHazards.Source source, ThreatZones.Level level, double[] farthestM) {

        double farthestKm() {
            double max = 0;
            for (double f : farthestM) {
                max = Math.max(max, f);
            }
            return max / 1000;
        }
    }

    private final double[] ringM = new double[RINGS];
    private final double[][] sigmaY = new double[Stability.values().length][RINGS];
    private final double[][] sigmaZ = new double[Stability.values().length][RINGS];
    /** σy·σz per class and ring, increasing with the ring, its logarithm, and σy/x. */
    private final double[][] product = new double[Stability.values().length][RINGS];
    private final double[][] lnProduct = new double[Stability.values().length][RINGS];
    private final double[][] spread = new double[Stability.values().length][RINGS];
    private final double maxM;

    PolarGrid(double minM, double maxM) {
        this.maxM = maxM;
        double ratio = Math.pow(maxM / minM, 1.0 / (RINGS - 1));
        for (int k = 0; k < RINGS; k++) {
            ringM[k] = k == RINGS - 1 ? maxM : minM * Math.pow(ratio, k);
            for (Stability s : Stability.values()) {
                sigmaY[s.ordinal()][k] = s.sigmaY(ringM[k]);
                sigmaZ[s.ordinal()][k] = s.sigmaZ(ringM[k]);
                product[s.ordinal()][k] = sigmaY[s.ordinal()][k] * sigmaZ[s.ordinal()][k];
                lnProduct[s.ordinal()][k] = Math.log(product[s.ordinal()][k]);
                spread[s.ordinal()][k] = sigmaY[s.ordinal()][k] / ringM[k];
            }
        }
    }

    double ringM(int k) {
        return ringM[k];
    }

    /**
     * A distance, metres, beyond which the ground-level centre line of a ground source Q/(π·u·σy·σz) is below
     * {@code threshold}: the first ring where it is (σy·σz grows with x), or the maximum reach.
     */
    double reachBound(Stability s, double q, double u, double threshold) {
        int first = firstAbove(product[s.ordinal()], q / (Math.PI * u * threshold));
        return first == RINGS ? maxM : ringM[first];
    }

    /** The index of the first of the ascending {@code values} above {@code limit}; their length when none is. */
    static int firstAbove(double[] values, double limit) {
        int lo = 0;
        int hi = values.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] > limit) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The footprints of release {@code s} (one per level) where at least {@code share} of the members exceed the level. */
    List<Footprint> footprints(PlumeHazards.Source source, int s, EnsembleMembers members, double[] reachM, double share) {
        List<ThreatZones.Level> levels = source.levels();
        int nl = levels.size();
        double[] lnThreshold = levels.stream().mapToDouble(l -> Math.log(l.thresholdMgPerM3())).toArray();
        double lnLowest = Arrays.stream(lnThreshold).min().orElse(Double.POSITIVE_INFINITY);
        // without a direction every bearing is equally likely: a bearing's share at distance x is the members' mean
        // angular width 2α/360°, the same on every bearing (the expectation over the direction, without counting)
        boolean uniform = members.sigmaThetaDeg == null;
        int stride = BEARINGS + 1;
        int[] diff = new int[uniform ? 0 : nl * RINGS * stride];
        double[] width = new double[uniform ? nl * RINGS : 0];
        int n = members.size();
        for (int i = 0; i < n; i++) {
            if (reachM[i] < 0) {
                continue;
            }
            int cls = members.stability[i].ordinal();
            double u = members.speedMs[i];
            double h = members.heightM[s][i];
            double lnQu = Math.log(members.qMgPerS[s][i] / (Math.PI * u));
            double theta = members.downwindDeg[i];
            for (int k = 0; k < RINGS && ringM[k] <= reachM[i]; k++) {
                double lnGround = lnQu - lnProduct[cls][k];
                if (lnGround <= lnLowest) {
                    break; // the ground source's centre line falls with x and bounds a raised one's: no level farther out
                }
                double sz = sigmaZ[cls][k];
                double lnC = lnGround - h * h / (2 * sz * sz);
                for (int l = 0; l < nl; l++) {
                    double excess = lnC - lnThreshold[l];
                    if (excess > 0) {
                        double alpha = atanDeg(spread[cls][k] * Math.sqrt(2 * excess));
                        if (uniform) {
                            width[l * RINGS + k] += Math.min(1, alpha / 180);
                        } else {
                            cover(diff, (l * RINGS + k) * stride, theta, alpha);
                        }
                    }
                }
            }
        }
        int needed = (int) Math.ceil(share * n - 1e-9);
        List<Footprint> found = new ArrayList<>();
        for (int l = 0; l < nl; l++) {
            double[] farthest = new double[BEARINGS];
            boolean any = false;
            for (int k = 0; k < RINGS && uniform; k++) {
                if (width[l * RINGS + k] >= share * n - 1e-9) {
                    Arrays.fill(farthest, ringM[k]);
                    any = true;
                }
            }
            for (int k = 0; k < RINGS && !uniform; k++) {
                int base = (l * RINGS + k) * stride;
                int count = 0;
                for (int j = 0; j < BEARINGS; j++) {
                    count += diff[base + j];
                    if (count >= needed) {
                        farthest[j] = ringM[k];
                        any = true;
                    }
                }
            }
            if (any) {
                found.add(new Footprint(source, levels.get(l), farthest));
            }
        }
        return found;
    }

    /** atan in degrees from a table with linear interpolation below {@value #ATAN_TABLE_MAX} (error about 1e-6°). */
    static double atanDeg(double t) {
        if (t >= ATAN_TABLE_MAX) {
            return Math.toDegrees(Math.atan(t));
        }
        double f = t * (ATAN_STEPS / ATAN_TABLE_MAX);
        int i = (int) f;
        return ATAN_DEG[i] + (f - i) * (ATAN_DEG[i + 1] - ATAN_DEG[i]);
    }

    private static final double ATAN_TABLE_MAX = 2;
    private static final int ATAN_STEPS = 4096;
    private static final double[] ATAN_DEG = new double[ATAN_STEPS + 1];

    static {
        for (int i = 0; i <= ATAN_STEPS; i++) {
            ATAN_DEG[i] = Math.toDegrees(Math.atan(i * ATAN_TABLE_MAX / ATAN_STEPS));
        }
    }

    /** Adds one member to the bearings whose centre lies within {@code alpha} degrees of {@code theta}. */
    private static void cover(int[] diff, int base, double theta, double alpha) {
        int first = (int) Math.ceil((theta - alpha) / STEP_DEG);
        int last = (int) Math.floor((theta + alpha) / STEP_DEG);
        if (last < first) {
            return;
        }
        if (last - first + 1 >= BEARINGS) {
            diff[base]++;
            diff[base + BEARINGS]--;
            return;
        }
        int start = Math.floorMod(first, BEARINGS);
        int end = Math.floorMod(last, BEARINGS);
        diff[base + start]++;
        if (start <= end) {
            diff[base + end + 1]--;
        } else {
            diff[base + BEARINGS]--;
            diff[base]++;
            diff[base + end + 1]--;
        }
    }

    /**
     * The footprint as a polygon on the ellipsoid: per bearing a vertex at its farthest distance
     * ({@link Geodesy#destination}). Bearings with nothing split it into lobes, each closed at the source; lobes
     * touch only there, so their MultiPolygon is valid without repair. A lobe of a single bearing has no area and is
     * left out. Null when nothing is left.
     */
    static Geometry polygon(Point source, Footprint footprint) {
        double[] f = footprint.farthestM();
        int firstGap = -1;
        for (int j = 0; j < BEARINGS && firstGap < 0; j++) {
            if (f[j] <= 0) {
                firstGap = j;
            }
        }
        if (firstGap < 0) { // every bearing: one ring around the source
            List<Coordinate> ring = new ArrayList<>();
            for (int j = 0; j < BEARINGS; j++) {
                ring.add(vertex(source, j, f[j]));
            }
            ring.add(ring.get(0).copy());
            return Geo.FACTORY.createPolygon(ring.toArray(Coordinate[]::new));
        }
        List<Polygon> lobes = new ArrayList<>();
        List<Coordinate> lobe = new ArrayList<>();
        for (int step = 1; step <= BEARINGS; step++) { // from just after a gap round to it: no lobe is cut at 0°
            int j = (firstGap + step) % BEARINGS;
            if (f[j] > 0) {
                lobe.add(vertex(source, j, f[j]));
            } else if (!lobe.isEmpty()) {
                if (lobe.size() >= 2) {
                    lobe.add(0, source.getCoordinate().copy());
                    lobe.add(source.getCoordinate().copy());
                    lobes.add(Geo.FACTORY.createPolygon(lobe.toArray(Coordinate[]::new)));
                }
                lobe = new ArrayList<>();
            }
        }
        if (lobes.isEmpty()) {
            return null;
        }
        return lobes.size() == 1 ? lobes.get(0) : Geo.FACTORY.createMultiPolygon(lobes.toArray(Polygon[]::new));
    }

    private static Coordinate vertex(Point source, int bearing, double distanceM) {
        return Geodesy.destination(source, bearing * STEP_DEG, distanceM / 1000);
    }
}
