package org.steppewatch.analysis.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
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
 * Where a point lies with respect to a set of zones (the drop zones, or the areas of concern): INSIDE one,
 * OUTSIDE but within {@code nearbyKm} of one, or NO_ZONE_NEARBY. The zones sit in an STRtree with their
 * PreparedGeometry; the nearest zone is found by searching ever larger boxes that are sure to hold the
 * geodesic circle, so only zones near the point are measured (geodesically). Immutable and thread-safe.
 */
public final class FallZoneIndex {

    public static final String INSIDE = "INSIDE";
    public static final String OUTSIDE = "OUTSIDE";
    public static final String NO_ZONE_NEARBY = "NO_ZONE_NEARBY";

    /** Default for {@code steppewatch.analysis.fall-zone-nearby-km}. */
    public static final double DEFAULT_NEARBY_KM = 100.0;
    /** Half the earth's circumference: a search box this large holds everything. */
    private static final double WORLD_KM = 20_050;

    /** A zone seen from a point: inside it (distance 0) or at {@code distanceKm} from its edge. */
    public record Nearby(ReferenceZone zone, boolean inside, double distanceKm) {
    }

    private record Entry(ReferenceZone zone, PreparedGeometry prepared, Geometry boundary) {
    }

    private final List<ReferenceZone> zones;
    private final STRtree tree = new STRtree();
    private final double nearbyKm;

    /** An index of geo-reference drop zones. */
    public FallZoneIndex(List<FallZone> zones, double nearbyKm) {
        this(zones.stream().map(ReferenceZone::of).toList(), nearbyKm, true);
    }

    private FallZoneIndex(List<ReferenceZone> zones, double nearbyKm, boolean ignored) {
        if (!(nearbyKm >= 0)) {
            throw new IllegalArgumentException("nearbyKm must be >= 0, was " + nearbyKm);
        }
        this.zones = List.copyOf(zones);
        this.nearbyKm = nearbyKm;
        for (ReferenceZone zone : zones) {
            tree.insert(zone.geometry().getEnvelopeInternal(),
                    new Entry(zone, PreparedGeometryFactory.prepare(zone.geometry()), zone.geometry().getBoundary()));
        }
        tree.build();
    }

    public static FallZoneIndex of(List<ReferenceZone> zones, double nearbyKm) {
        return new FallZoneIndex(zones, nearbyKm, true);
    }

    public static FallZoneIndex shipped() {
        return new FallZoneIndex(FallZoneCatalog.shipped().zones(), DEFAULT_NEARBY_KM);
    }

    public List<ReferenceZone> zones() {
        return zones;
    }

    public double nearbyKm() {
        return nearbyKm;
    }

    /** The finding for a point; zone id and distance name the nearest zone even when it is far. */
    public FallZoneFinding locate(Point location) {
        Optional<Nearby> found = nearest(location);
        if (found.isEmpty()) {
            return new FallZoneFinding(NO_ZONE_NEARBY, null, null, null, false);
        }
        Nearby n = found.get();
        String status = n.inside() ? INSIDE : n.distanceKm() <= nearbyKm ? OUTSIDE : NO_ZONE_NEARBY;
        return new FallZoneFinding(status, n.zone().id(), n.zone().name(), Math.round(n.distanceKm() * 10) / 10.0,
                n.zone().approximate());
    }

    /** The zone holding the point, else the nearest by geodesic distance to its edge; empty without zones. */
    public Optional<Nearby> nearest(Point location) {
        if (zones.isEmpty()) {
            return Optional.empty();
        }
        for (Object candidate : tree.query(location.getEnvelopeInternal())) {
            Entry entry = (Entry) candidate;
            if (entry.prepared().covers(location)) {
                return Optional.of(new Nearby(entry.zone(), true, 0.0));
            }
        }
        double radius = Math.max(nearbyKm, 10);
        while (true) {
            Nearby best = nearestIn(location, SettlementIndex.searchBox(location, radius));
            if (best != null && best.distanceKm() <= radius) {
                // every zone within `radius` intersects the box, so none can be nearer
                return Optional.of(best);
            }
            if (best != null) {
                // the box held a zone farther than `radius`: a box of its distance holds any nearer one
                return Optional.of(nearestIn(location, SettlementIndex.searchBox(location, best.distanceKm())));
            }
            if (radius >= WORLD_KM) {
                return Optional.empty();
            }
            radius = Math.min(WORLD_KM, radius * 4);
        }
    }

    /** Every zone within {@code km} of the point (inside first, then nearest first). */
    public List<Nearby> near(Point location, double km) {
        List<Nearby> found = new ArrayList<>();
        for (Object candidate : tree.query(SettlementIndex.searchBox(location, km))) {
            Nearby n = measure((Entry) candidate, location);
            if (n.distanceKm() <= km) {
                found.add(n);
            }
        }
        found.sort(Comparator.comparing((Nearby n) -> !n.inside()).thenComparingDouble(Nearby::distanceKm));
        return found;
    }

    /** The nearest zone of those in the box; zones are measured nearest-envelope first until none can be nearer. */
    private Nearby nearestIn(Point location, Envelope box) {
        List<Entry> candidates = new ArrayList<>();
        for (Object candidate : tree.query(box)) {
            candidates.add((Entry) candidate);
        }
        candidates.sort(Comparator.comparingDouble(e -> lowerBoundKm(e.zone().geometry().getEnvelopeInternal(), location)));
        Nearby best = null;
        for (Entry entry : candidates) {
            if (best != null && lowerBoundKm(entry.zone().geometry().getEnvelopeInternal(), location) > best.distanceKm()) {
                break;
            }
            Nearby n = measure(entry, location);
            if (best == null || n.distanceKm() < best.distanceKm()) {
                best = n;
            }
        }
        return best;
    }

    /**
     * A distance in km that the point is surely not closer than to anything in the envelope: the degree offsets
     * times the shortest degree lengths in the area, less 10 % for the geodesic's bend and the ellipsoid.
     */
    static double lowerBoundKm(Envelope envelope, Point p) {
        double dx = Math.max(0, Math.max(envelope.getMinX() - p.getX(), p.getX() - envelope.getMaxX()));
        double dy = Math.max(0, Math.max(envelope.getMinY() - p.getY(), p.getY() - envelope.getMaxY()));
        if (dx == 0 && dy == 0) {
            return 0;
        }
        double maxLat = Math.min(89.9, Math.max(Math.abs(p.getY()), Math.max(Math.abs(envelope.getMinY()), Math.abs(envelope.getMaxY()))));
        double kmX = dx * 111.32 * Math.cos(Math.toRadians(maxLat));
        double kmY = dy * 110.57;
        return 0.9 * Math.hypot(kmX, kmY);
    }

    private static Nearby measure(Entry entry, Point location) {
        if (entry.prepared().covers(location)) {
            return new Nearby(entry.zone(), true, 0.0);
        }
        Coordinate edge = nearestOnBoundary(entry.boundary(), location);
        return new Nearby(entry.zone(), false, Geodesy.distanceKm(location.getX(), location.getY(), edge.x, edge.y));
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
