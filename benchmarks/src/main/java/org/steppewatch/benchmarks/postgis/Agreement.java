package org.steppewatch.benchmarks.postgis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.locationtech.jts.geom.Point;
import org.steppewatch.analysis.reference.SettlementIndex;
import org.steppewatch.georef.Geodesy;
import org.steppewatch.georef.Settlement;

/**
 * Checks on a sample of inputs that both sides answer alike, before anything is timed; throws on any difference
 * that is not one of the documented ones. Returns a line saying what was compared and what differed.
 */
final class Agreement {

    /** Spherical against ellipsoidal distance on WGS-84: at most about 0.5 %; 1.2 % bounds a rank swap from above. */
    static final double SPHERE_BAND = 0.012;
    /** Two distances of the same pair agree to within a metre (both on the ellipsoid). */
    static final double SAME_KM = 0.001;

    private Agreement() {
    }

    /** (1) The same settlement ids inside each zone; a point on a zone's edge would be the only allowed difference. */
    static String inside(List<Dataset.Zone> zones, SettlementIndex jts, PostgisStore postgis, Map<Integer, Settlement> byId)
            throws Exception {
        long rows = 0;
        for (Dataset.Zone zone : zones) {
            Set<Integer> memory = new HashSet<>();
            jts.inside(zone.geometry()).forEach(s -> memory.add(Dataset.idOf(s)));
            Set<Integer> database = new HashSet<>(postgis.inside(zone.geometry()));
            rows += memory.size();
            for (int id : symmetricDifference(memory, database)) {
                Settlement s = byId.get(id);
                if (zone.geometry().getBoundary().distance(s.point()) > 1e-12) {
                    throw new IllegalStateException("(1) settlements inside a zone: settlement " + id + " at " + s.lon() + " " + s.lat()
                            + " is " + (memory.contains(id) ? "inside by JTS only" : "inside by PostGIS only") + ", zone " + zone.geometry());
                }
            }
        }
        return zones.size() + " zones, " + rows + " settlements found, identical sets";
    }

    /**
     * (2) The same nearest settlements. PostGIS ranks by the geography KNN operator, a spherical distance; JTS (the
     * service) ranks by the ellipsoidal distance. Both report ellipsoidal distances, which must agree to a metre; the
     * sets may differ only by a swap at the last ranks between settlements whose distances lie within the sphere's
     * error of the last one. Also counts how often geometry KNN (planar degrees) would have answered differently.
     */
    static String nearest(List<Point> probes, int count, double maxKm, SettlementIndex jts, PostgisStore postgis,
                          Map<Integer, Settlement> byId) throws Exception {
        int swaps = 0;
        int planarWrong = 0;
        double worst = 0;
        for (Point probe : probes) {
            Map<Integer, Double> memory = new HashMap<>();
            jts.nearest(probe, count, maxKm).forEach(n -> memory.put(Dataset.idOf(n.settlement()), n.distanceKm()));
            Map<Integer, Double> database = new HashMap<>();
            postgis.nearest(probe, count).forEach(n -> database.put(n.id(), n.metres() / 1000));
            if (memory.size() != count || database.size() != count) {
                throw new IllegalStateException("(2) nearest: expected " + count + " from each side, JTS " + memory.size()
                        + ", PostGIS " + database.size() + " at " + probe);
            }
            for (Map.Entry<Integer, Double> e : memory.entrySet()) {
                Double other = database.get(e.getKey());
                if (other != null) {
                    worst = Math.max(worst, Math.abs(other - e.getValue()));
                    if (Math.abs(other - e.getValue()) > SAME_KM) {
                        throw new IllegalStateException("(2) nearest: settlement " + e.getKey() + " at " + e.getValue() + " km by JTS, "
                                + other + " km by PostGIS, from " + probe);
                    }
                }
            }
            double last = memory.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            Set<Integer> differing = symmetricDifference(memory.keySet(), database.keySet());
            for (int id : differing) {
                Settlement s = byId.get(id);
                double km = Geodesy.distanceKm(probe.getX(), probe.getY(), s.lon(), s.lat());
                if (Math.abs(km - last) > last * SPHERE_BAND) {
                    throw new IllegalStateException("(2) nearest: settlement " + id + " at " + km + " km is among the nearest "
                            + count + " by " + (memory.containsKey(id) ? "JTS" : "PostGIS") + " only, the " + count + "th is at "
                            + last + " km, from " + probe);
                }
            }
            swaps += differing.isEmpty() ? 0 : 1;
            planarWrong += new HashSet<>(postgis.nearestByGeometry(probe, count)).equals(memory.keySet()) ? 0 : 1;
        }
        return probes.size() + " points, ellipsoidal distances agree within " + String.format("%.1e", worst) + " km; " + swaps
                + " with a last-rank swap within the sphere/ellipsoid error; geometry KNN (planar degrees) would differ at "
                + planarWrong;
    }

    /** (2b) The same settlements within the distance; only a settlement within a metre of the limit may differ. */
    static String within(List<Point> probes, double km, SettlementIndex jts, PostgisStore postgis, Map<Integer, Settlement> byId)
            throws Exception {
        long rows = 0;
        for (Point probe : probes) {
            Set<Integer> memory = new HashSet<>();
            jts.within(probe, km).forEach(n -> memory.add(Dataset.idOf(n.settlement())));
            Set<Integer> database = new HashSet<>();
            postgis.within(probe, km).forEach(n -> database.add(n.id()));
            rows += memory.size();
            for (int id : symmetricDifference(memory, database)) {
                Settlement s = byId.get(id);
                double d = Geodesy.distanceKm(probe.getX(), probe.getY(), s.lon(), s.lat());
                if (Math.abs(d - km) > SAME_KM) {
                    throw new IllegalStateException("(2b) within " + km + " km: settlement " + id + " at " + d + " km found by "
                            + (memory.contains(id) ? "JTS" : "PostGIS") + " only, from " + probe);
                }
            }
        }
        return probes.size() + " points, " + rows + " settlements found, identical sets";
    }

    /** (3) The same subscriptions, each with the same worst level. */
    static String subscriptions(List<List<Dataset.Zone>> incidents, SubscriptionMatcher jts, PostgisStore postgis) throws Exception {
        long rows = 0;
        for (List<Dataset.Zone> zones : incidents) {
            Map<Integer, String> memory = jts.match(zones);
            Map<Integer, String> database = postgis.subscriptions(zones);
            rows += memory.size();
            if (!memory.equals(database)) {
                Set<Integer> ids = symmetricDifference(memory.keySet(), database.keySet());
                throw new IllegalStateException("(3) subscriptions meeting zones: " + memory.size() + " by JTS, " + database.size()
                        + " by PostGIS; ids on one side only: " + ids + (ids.isEmpty() ? ", levels differ" : ""));
            }
        }
        return incidents.size() + " zone sets, " + rows + " subscriptions found, identical sets and levels";
    }

    static Map<Integer, Settlement> byId(List<Settlement> settlements) {
        Map<Integer, Settlement> map = new HashMap<>();
        settlements.forEach(s -> map.put(Dataset.idOf(s), s));
        return map;
    }

    private static Set<Integer> symmetricDifference(Set<Integer> a, Set<Integer> b) {
        Set<Integer> d = new TreeSet<>(a);
        d.addAll(b);
        Set<Integer> both = new HashSet<>(a);
        both.retainAll(b);
        d.removeAll(both);
        return d;
    }
}
