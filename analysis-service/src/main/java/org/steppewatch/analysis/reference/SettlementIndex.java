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
        for (Object candidate : tree.query(searchBox(centre, radiusKm))) {
            Settlement s = (Settlement) candidate;
            Point point = s.point();
            double km = Geodesy.distanceKm(centre, point);
            if (km <= radiusKm) {
                found.add(new Nearby(s, km, km == 0 ? 0 : Geodesy.bearingDeg(centre, point)));
            }
        }
        found.sort(Comparator.comparingDouble(Nearby::distanceKm));
        return found;
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
