package org.steppewatch.analysis.reference;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.steppewatch.contracts.IncidentAssessed.FallZoneFinding;
import org.steppewatch.georef.FallZone;
import org.steppewatch.georef.FallZoneCatalog;
import org.steppewatch.georef.Geodesy;

/**
 * Where a point lies with respect to the rocket-stage drop zones: INSIDE one (a nominal stage fall),
 * OUTSIDE but within {@code nearbyKm} of one (off-nominal, near a zone), or NO_ZONE_NEARBY. Built once;
 * immutable and thread-safe afterwards.
 */
public final class FallZoneIndex {

    public static final String INSIDE = "INSIDE";
    public static final String OUTSIDE = "OUTSIDE";
    public static final String NO_ZONE_NEARBY = "NO_ZONE_NEARBY";

    /** Default for {@code steppewatch.analysis.fall-zone-nearby-km}. */
    public static final double DEFAULT_NEARBY_KM = 100.0;

    private record Entry(FallZone zone, PreparedGeometry prepared, Geometry boundary) {
    }

    private final List<FallZone> zones;
    private final List<Entry> entries;
    private final STRtree tree = new STRtree();
    private final double nearbyKm;

    public FallZoneIndex(List<FallZone> zones, double nearbyKm) {
        if (!(nearbyKm >= 0)) {
            throw new IllegalArgumentException("nearbyKm must be >= 0, was " + nearbyKm);
        }
        this.zones = List.copyOf(zones);
        this.nearbyKm = nearbyKm;
        List<Entry> built = new ArrayList<>();
        for (FallZone zone : zones) {
            Entry entry = new Entry(zone, PreparedGeometryFactory.prepare(zone.geometry()), zone.geometry().getBoundary());
            built.add(entry);
            tree.insert(zone.geometry().getEnvelopeInternal(), entry);
        }
        tree.build();
        this.entries = List.copyOf(built);
    }

    public static FallZoneIndex shipped() {
        return new FallZoneIndex(FallZoneCatalog.shipped().zones(), DEFAULT_NEARBY_KM);
    }

    public List<FallZone> zones() {
        return zones;
    }

    public double nearbyKm() {
        return nearbyKm;
    }

    /** The finding for a point; zone id and distance name the nearest zone even when it is far. */
    public FallZoneFinding locate(Point location) {
        for (Object candidate : tree.query(location.getEnvelopeInternal())) {
            Entry entry = (Entry) candidate;
            if (entry.prepared().covers(location)) {
                return new FallZoneFinding(INSIDE, entry.zone().id(), entry.zone().name(), 0.0, entry.zone().approximate());
            }
        }
        Entry nearest = null;
        double nearestKm = Double.POSITIVE_INFINITY;
        // drop zones number in the dozens at most: measuring each geodesically beats a planar nearest-neighbour
        // search in degrees, which ranks wrongly when the zones lie in different directions
        for (Entry entry : entries) {
            double km = Geodesy.distanceKm(location, location.getFactory().createPoint(nearestOnBoundary(entry.boundary(), location)));
            if (km < nearestKm) {
                nearestKm = km;
                nearest = entry;
            }
        }
        if (nearest == null) {
            return new FallZoneFinding(NO_ZONE_NEARBY, null, null, null, false);
        }
        String status = nearestKm <= nearbyKm ? OUTSIDE : NO_ZONE_NEARBY;
        return new FallZoneFinding(status, nearest.zone().id(), nearest.zone().name(), Math.round(nearestKm * 10) / 10.0,
                nearest.zone().approximate());
    }

    /**
     * The boundary point nearest to {@code p}. Longitudes are first shrunk by cos(latitude) so that the
     * planar search of {@link DistanceOp} works in (nearly) equal-distance units; the geodesic distance
     * to the point found is then measured by the caller.
     */
    static Coordinate nearestOnBoundary(Geometry boundary, Point p) {
        double k = Math.max(0.01, Math.cos(Math.toRadians(p.getY())));
        AffineTransformation squash = AffineTransformation.scaleInstance(k, 1.0);
        Coordinate[] nearest = DistanceOp.nearestPoints(squash.transform(boundary), squash.transform(p));
        return new Coordinate(nearest[0].x / k, nearest[0].y);
    }
}
