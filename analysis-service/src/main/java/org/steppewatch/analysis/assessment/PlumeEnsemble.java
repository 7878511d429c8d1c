package org.steppewatch.analysis.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.steppewatch.analysis.plume.PlumeModel;
import org.steppewatch.analysis.plume.Stability;
import org.steppewatch.analysis.plume.ThreatZones;
import org.steppewatch.contracts.ZoneLevels;

/**
 * Runs the {@link EnsembleMembers} through the {@link PlumeModel} (ground-level concentration of a raised source)
 * and counts, per settlement disc and per level of concern, the members in which the level is exceeded.
 * <p>
 * A member exceeds a level at a settlement when the concentration at one point of the settlement's disc is above
 * the threshold: the point of the disc nearest the member's plume axis (when the disc crosses the axis, the point
 * of the axis inside the disc nearest the source). Closer than {@value #MIN_X_M} m downwind the model is not
 * applied and the concentration at {@value #MIN_X_M} m is taken. A point counts only when the plume can reach it
 * in time: its distance downwind x within u · (release duration + exposure window), the travel time x/u within the
 * release and the exposure window after it; and only within the maximum reach (as the deterministic zones). The
 * arrival at a settlement is the earliest x/u among the members exceeding some level there.
 * <p>
 * Settlements are given by distance and bearing from the source and placed on the local tangent plane
 * (azimuthal equidistant), which is within a few metres of the ellipsoid over 100 km.
 */
final class PlumeEnsemble {

    /** Nearer than this, metres, the concentration is taken at this distance (the model is not applied there). */
    static final double MIN_X_M = 100;

    /** A settlement as the ensemble sees it: geodesic distance and bearing from the source, and its disc. */
    record Candidate(String id, double distanceKm, double bearingDeg, double radiusKm) {
    }

    /**
     * @param probability    per level (most severe first), the share of members exceeding it on the disc
     * @param arrivalMinutes the earliest arrival among the exceeding members, minutes after the release began
     */
    record Odds(Map<String, Double> probability, Integer arrivalMinutes) {
    }

    private final double maxReachM;
    private final int exposureMinutes;
    private final PolarGrid grid;

    PlumeEnsemble(double maxReachKm, int exposureMinutes) {
        this.maxReachM = maxReachKm * 1000;
        this.exposureMinutes = exposureMinutes;
        this.grid = new PolarGrid(MIN_X_M, maxReachM);
    }

    int exposureMinutes() {
        return exposureMinutes;
    }

    PolarGrid grid() {
        return grid;
    }

    /** The ensemble of {@code members} for {@code sources}, with each member's reach prepared. */
    Run run(List<PlumeHazards.Source> sources, EnsembleMembers members) {
        return new Run(sources, members);
    }

    /** One ensemble, prepared: per member and release, the bounds that let most settlements be skipped cheaply. */
    final class Run {

        final List<PlumeHazards.Source> sources;
        final EnsembleMembers members;
        /** Level names over all releases, most severe first; per release, each level's index in that list. */
        final List<String> levels;
        final int[][] levelIndex;
        /** [source][member]: farthest x (m) at which the lowest level can be exceeded in time; widest half-width bound (m). */
        final double[][] reachM;
        final double[][] widthBoundM;
        /** [source][member]: 2·ln(C(100 m)/c) of the lowest level: y² beyond 2σy²·ln(...) is below it wherever x is. */
        final double[][] twoLnRatio;

        private Run(List<PlumeHazards.Source> sources, EnsembleMembers members) {
            this.sources = List.copyOf(sources);
            this.members = members;
            TreeSet<String> names = new TreeSet<>(ZoneLevels.MOST_SEVERE_FIRST.thenComparing(String::compareTo));
            sources.forEach(s -> s.levels().forEach(l -> names.add(l.name())));
            this.levels = List.copyOf(names);
            this.levelIndex = new int[sources.size()][];
            this.reachM = new double[sources.size()][members.size()];
            this.widthBoundM = new double[sources.size()][members.size()];
            this.twoLnRatio = new double[sources.size()][members.size()];
            for (int s = 0; s < sources.size(); s++) {
                List<ThreatZones.Level> ls = sources.get(s).levels();
                levelIndex[s] = ls.stream().mapToInt(l -> levels.indexOf(l.name())).toArray();
                double lowest = ls.stream().mapToDouble(ThreatZones.Level::thresholdMgPerM3).min().orElse(Double.POSITIVE_INFINITY);
                for (int i = 0; i < members.size(); i++) {
                    prepare(s, i, lowest);
                }
            }
        }

        /**
         * Bounds for release s in member i. The ground-level centre line of a ground source, Q/(π·u·σy·σz), falls
         * with x and bounds that of a raised source from above; so the first ring where it is below the lowest
         * threshold bounds the reach, and σy there × √(2·ln(C(100 m)/c)) bounds every half-width.
         */
        private void prepare(int s, int i, double lowest) {
            double u = members.speedMs[i];
            Stability st = members.stability[i];
            double q = members.qMgPerS[s][i];
            double timeM = u * (members.durationS[s][i] + exposureMinutes * 60.0);
            double near = q / (Math.PI * u * st.sigmaY(MIN_X_M) * st.sigmaZ(MIN_X_M));
            if (!(near > lowest)) {
                reachM[s][i] = -1;
                return;
            }
            double reach = Math.min(grid.reachBound(st, q, u, lowest), timeM);
            reachM[s][i] = reach;
            twoLnRatio[s][i] = 2 * Math.log(near / lowest);
            widthBoundM[s][i] = st.sigmaY(reach) * Math.sqrt(twoLnRatio[s][i]);
        }

        /** The farthest distance from the source, km, at which any member can exceed any level. */
        double reachKm() {
            double max = 0;
            for (double[] perMember : reachM) {
                for (double r : perMember) {
                    max = Math.max(max, r);
                }
            }
            return max / 1000;
        }

        /** The odds of every candidate that some member reaches, by candidate id. */
        Map<String, Odds> odds(List<Candidate> given) {
            // nearest first: each member looks only at the candidates whose disc can lie within its reach
            List<Candidate> candidates = given.stream().sorted(java.util.Comparator.comparingDouble(Candidate::distanceKm)).toList();
            int n = members.size();
            int c = candidates.size();
            int nl = levels.size();
            double[] east = new double[c];
            double[] north = new double[c];
            double[] radius = new double[c];
            double[] centre = new double[c];
            double widest = 0;
            for (int k = 0; k < c; k++) {
                Candidate cand = candidates.get(k);
                double b = Math.toRadians(cand.bearingDeg());
                east[k] = cand.distanceKm() * 1000 * Math.sin(b);
                north[k] = cand.distanceKm() * 1000 * Math.cos(b);
                radius[k] = cand.radiusKm() * 1000;
                widest = Math.max(widest, radius[k]);
                centre[k] = cand.distanceKm() * 1000;
            }
            int[] hits = new int[c * nl];
            int[] lastMember = new int[c * nl];
            java.util.Arrays.fill(lastMember, -1);
            double[] arrivalS = new double[c];
            java.util.Arrays.fill(arrivalS, Double.POSITIVE_INFINITY);
            for (int s = 0; s < sources.size(); s++) {
                List<ThreatZones.Level> ls = sources.get(s).levels();
                double[] thresholds = ls.stream().mapToDouble(ThreatZones.Level::thresholdMgPerM3).toArray();
                int[] index = levelIndex[s];
                for (int i = 0; i < n; i++) {
                    double reach = reachM[s][i];
                    if (reach < 0) {
                        continue;
                    }
                    double bound = widthBoundM[s][i];
                    double twoLn = twoLnRatio[s][i];
                    double d = Math.toRadians(members.downwindDeg[i]);
                    double ux = Math.sin(d);
                    double uy = Math.cos(d);
                    double u = members.speedMs[i];
                    Stability st = members.stability[i];
                    double q = members.qMgPerS[s][i];
                    double h = members.heightM[s][i];
                    int end = PolarGrid.firstAbove(centre, reach + widest);
                    for (int k = 0; k < end; k++) {
                        double r = radius[k];
                        double x = east[k] * ux + north[k] * uy;
                        if (x + r <= 0 || x - r > reach) {
                            continue;
                        }
                        double y = Math.abs(east[k] * uy - north[k] * ux);
                        if (y - r > bound) {
                            continue;
                        }
                        double xp;
                        double yp;
                        if (y <= r) {
                            xp = x - Math.sqrt(r * r - y * y);
                            yp = 0;
                        } else {
                            xp = x;
                            yp = y - r;
                        }
                        xp = Math.max(xp, MIN_X_M);
                        if (xp > reach) {
                            continue;
                        }
                        double sy = st.sigmaY(xp);
                        if (yp * yp >= twoLn * sy * sy) {
                            continue; // the lateral factor alone puts it below the lowest level, whatever the centre line
                        }
                        double conc = PlumeModel.concentration(q, u, st, xp, yp, h);
                        boolean any = false;
                        for (int l = 0; l < thresholds.length; l++) {
                            if (conc > thresholds[l]) {
                                int slot = k * nl + index[l];
                                if (lastMember[slot] != i) { // one count per member, whichever release exceeds
                                    lastMember[slot] = i;
                                    hits[slot]++;
                                }
                                any = true;
                            }
                        }
                        if (any) {
                            arrivalS[k] = Math.min(arrivalS[k], xp / u);
                        }
                    }
                }
            }
            Map<String, Odds> found = new LinkedHashMap<>();
            for (int k = 0; k < c; k++) {
                if (Double.isInfinite(arrivalS[k])) {
                    continue;
                }
                Map<String, Double> p = new LinkedHashMap<>();
                for (int l = 0; l < nl; l++) {
                    p.put(levels.get(l), hits[k * nl + l] / (double) n);
                }
                found.put(candidates.get(k).id(), new Odds(p, (int) Math.floor(arrivalS[k] / 60)));
            }
            return found;
        }

        /** Zero for every level: a settlement no member reaches. */
        Map<String, Double> none() {
            Map<String, Double> p = new LinkedHashMap<>();
            levels.forEach(l -> p.put(l, 0.0));
            return p;
        }

        /** Per release and level, the farthest distance per bearing at which at least {@code share} of the members exceed it. */
        List<PolarGrid.Footprint> footprints(double share) {
            List<PolarGrid.Footprint> all = new ArrayList<>();
            for (int s = 0; s < sources.size(); s++) {
                all.addAll(grid.footprints(sources.get(s), s, members, reachM[s], share));
            }
            return all;
        }
    }
}
