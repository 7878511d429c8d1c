package org.steppewatch.analysis.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.steppewatch.georef.Geodesy;
import org.steppewatch.georef.Settlement;
import org.steppewatch.georef.SettlementCatalog;

/** Settlements in an STRtree, built once: which lie inside an area, which lie near a point. Thread-safe. */
public final class SettlementIndex {

    /** Shortest length of one degree of latitude on WGS-84 (at the equator), km: bounds a search box from above. */
    private static final double MIN_KM_PER_DEGREE_LAT = 110.57;
    /** Length of one degree of longitude at the equator, km; times cos(latitude) it under-estimates elsewhere. */
    private static final double KM_PER_DEGREE_LON_EQUATOR = 111.32;

    /** First search radius of {@link #nearest}. */
    static final double FIRST_NEAREST_KM = 20;

    /** A settlement seen from a point. */
    public record Nearby(Settlement settlement, double distanceKm, double bearingDeg) {
    }

    private final List<Settlement> settlements;
    private final STRtree tree = new STRtree();

    public SettlementIndex(List<Settlement> settlements) {
        this.settlements = List.copyOf(settlements);
        for (Settlement s : settlements) {
            tree.insert(new Envelope(s.lon(), s.lon(), s.lat(), s.lat()), s);
        }
        tree.build();
    }

    public static SettlementIndex shipped() {
        return new SettlementIndex(SettlementCatalog.shipped().all());
    }

    public List<Settlement> all() {
        return settlements;
    }

    public int size() {
        return settlements.size();
    }

    /** Settlements whose point lies inside {@code area} (JTS contains: a point on the edge is not inside). */
    public List<Settlement> inside(Geometry area) {
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
        List<Settlement> found = new ArrayList<>();
        for (Object candidate : tree.query(area.getEnvelopeInternal())) {
            Settlement s = (Settlement) candidate;
            if (prepared.contains(s.point())) {
                found.add(s);
            }
        }
        return found;
    }

    /** Settlements within {@code radiusKm} (geodesic) of {@code centre}, nearest first. */
    public List<Nearby> within(Point centre, double radiusKm) {
        List<Nearby> found = new ArrayList<>();
        for (Candidate c : candidates(centre, radiusKm)) {
            double km = Geodesy.distanceKm(centre.getX(), centre.getY(), c.settlement().lon(), c.settlement().lat());
            if (km <= radiusKm) {
                found.add(nearby(centre, c.settlement(), km));
            }
        }
        found.sort(Comparator.comparingDouble(Nearby::distanceKm));
        return found;
    }

    /**
     * The {@code count} settlements nearest to {@code centre} within {@code maxKm}, nearest first. Searches boxes
     * of growing radius (from {@value #FIRST_NEAREST_KM} km), so the cost follows the local density of
     * settlements, not the size of the catalogue; a spherical distance ranks the candidates and only the
     * closest few are measured on the ellipsoid.
     */
    public List<Nearby> nearest(Point centre, int count, double maxKm) {
        double radius = Math.min(FIRST_NEAREST_KM, maxKm);
        while (true) {
            List<Candidate> ranked = candidates(centre, radius);
            if (ranked.size() >= count || radius >= maxKm) {
                ranked.sort(Comparator.comparingDouble(Candidate::sphericalKm));
                // the spherical distance is within about 0.5 % of the geodesic one: measure every candidate that
                // could still be among the nearest `count`
                double bound = ranked.size() >= count
                        ? ranked.get(count - 1).sphericalKm() * (1 + 2 * SPHERE_ERROR) + 0.001 : Double.MAX_VALUE;
                List<Nearby> found = new ArrayList<>();
                for (Candidate c : ranked) {
                    if (c.sphericalKm() > bound) {
                        break;
                    }
                    double km = Geodesy.distanceKm(centre.getX(), centre.getY(), c.settlement().lon(), c.settlement().lat());
                    if (km <= radius) {
                        found.add(new Nearby(c.settlement(), km, 0));
                    }
                }
                if (found.size() >= count || radius >= maxKm) {
                    found.sort(Comparator.comparingDouble(Nearby::distanceKm));
                    return found.stream().limit(count).map(n -> nearby(centre, n.settlement(), n.distanceKm())).toList();
                }
            }
            radius = Math.min(maxKm, radius * 2);
        }
    }

    /** Relative error of the spherical distance against the geodesic one on WGS-84 (at most about 0.5 %), with margin. */
    private static final double SPHERE_ERROR = 0.006;
    private static final double MEAN_EARTH_RADIUS_KM = 6371.0088;

    private record Candidate(Settlement settlement, double sphericalKm) {
    }

    /** Settlements of the search box within the radius by spherical distance (with margin): a superset of the answer. */
    private List<Candidate> candidates(Point centre, double radiusKm) {
        double limit = radiusKm * (1 + SPHERE_ERROR) + 0.001;
        List<Candidate> ranked = new ArrayList<>();
        for (Object candidate : tree.query(searchBox(centre, radiusKm))) {
            Settlement s = (Settlement) candidate;
            double km = sphericalKm(centre.getX(), centre.getY(), s.lon(), s.lat());
            if (km <= limit) {
                ranked.add(new Candidate(s, km));
            }
        }
        return ranked;
    }

    private static Nearby nearby(Point centre, Settlement s, double km) {
        return new Nearby(s, km, km == 0 ? 0 : Geodesy.bearingDeg(centre, s.point()));
    }

    /** Great-circle distance on the sphere of the earth's mean radius (haversine), km. */
    static double sphericalKm(double lon1, double lat1, double lon2, double lat2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return MEAN_EARTH_RADIUS_KM * 2 * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** A lon/lat box sure to hold the geodesic circle (with 1 % margin); the STRtree query is only a pre-filter. */
    static Envelope searchBox(Point centre, double radiusKm) {
        double dLat = radiusKm / MIN_KM_PER_DEGREE_LAT * 1.01;
        double minLat = Math.max(-90, centre.getY() - dLat);
        double maxLat = Math.min(90, centre.getY() + dLat);
        double cos = Math.cos(Math.toRadians(Math.max(Math.abs(minLat), Math.abs(maxLat))));
        double dLon = cos < 1e-6 ? 360 : radiusKm / (KM_PER_DEGREE_LON_EQUATOR * cos) * 1.01;
        if (dLon >= 180) {
            return new Envelope(-180, 180, minLat, maxLat);
        }
        return new Envelope(centre.getX() - dLon, centre.getX() + dLon, minLat, maxLat);
    }
}
