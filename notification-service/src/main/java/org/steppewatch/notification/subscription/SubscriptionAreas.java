package org.steppewatch.notification.subscription;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.ZoneLevels;
import org.steppewatch.georef.Geodesy;
import org.steppewatch.notification.subscription.SubscriptionIndex.Match;
import org.steppewatch.notification.subscription.SubscriptionIndex.Zone;

/**
 * Subscriptions in memory, matched against alert zones and notice points without geospatial queries (the embedded MongoDB has none).
 * The STR-tree is rebuilt lazily, at the first match after a change, so adding many subscriptions costs one rebuild,
 * not one each. Thread-safe: changes under a lock, matches on an immutable snapshot.
 */
final class SubscriptionAreas {

    private final Object lock = new Object();
    /** Mutated only under {@link #lock} (read without it by {@link #among}). */
    private final Map<String, Subscription> entries = new ConcurrentHashMap<>();
    private volatile STRtree snapshot;

    /**
     * Active subscriptions to alerts wanting {@code severity} whose area meets a zone, each with the worst level
     * reaching it. A subscription to notices only gets no alert.
     */
    List<Match> match(Collection<Zone> zones, Severity severity) {
        STRtree tree = tree();
        Map<String, Match> matches = new LinkedHashMap<>();
        for (Zone zone : zones) {
            if (zone == null || zone.geometry() == null || zone.geometry().isEmpty()) {
                continue;
            }
            // the zone is prepared once and tested against every candidate's area
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(zone.geometry());
            @SuppressWarnings("unchecked")
            List<Subscription> candidates = tree.query(zone.geometry().getEnvelopeInternal());
            for (Subscription candidate : candidates) {
                if (!candidate.wants(Subscription.ALERT) || !severity.atLeast(candidate.minSeverity())) {
                    continue;
                }
                Match known = matches.get(candidate.id());
                if (known != null && !ZoneLevels.worse(zone.level(), known.level())) {
                    continue;
                }
                if (prepared.intersects(candidate.geometry())) {
                    matches.put(candidate.id(), new Match(candidate.id(), candidate.language(), candidate.channelType(),
                            zone.level()));
                }
            }
        }
        return new ArrayList<>(matches.values());
    }

    /**
     * Active subscriptions to notices wanting {@code severity} whose area is near {@code point}: an area (polygon or
     * circle) that meets the geodesic disc of {@code nearKm} around the point, or a settlement (a point in the
     * catalogue) within {@code settlementKm + nearKm} of it, the settlement taken as a disc of {@code settlementKm}.
     * Candidates come from the STR-tree by the wider disc's envelope; the discs are prepared once.
     */
    List<Match> near(Point point, double nearKm, double settlementKm, Severity severity) {
        Geometry disc = Geodesy.circle(point, nearKm, Area.CIRCLE_SEGMENTS);
        Geometry wider = Geodesy.circle(point, nearKm + settlementKm, Area.CIRCLE_SEGMENTS);
        PreparedGeometry aroundAreas = PreparedGeometryFactory.prepare(disc);
        PreparedGeometry aroundSettlements = PreparedGeometryFactory.prepare(wider);
        List<Match> matches = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Subscription> candidates = tree().query(wider.getEnvelopeInternal());
        for (Subscription candidate : candidates) {
            if (!candidate.wants(Subscription.NOTICE) || !severity.atLeast(candidate.minSeverity())) {
                continue;
            }
            // only a settlement subscription is matched by a point (circles and polygons are areas)
            PreparedGeometry around = candidate.geometry() instanceof Point ? aroundSettlements : aroundAreas;
            if (around.intersects(candidate.geometry())) {
                matches.add(new Match(candidate.id(), candidate.language(), candidate.channelType(), null));
            }
        }
        return matches;
    }

    /** Ids of the subscriptions {@link #match} finds, levels aside. */
    Set<String> matching(Collection<Geometry> zones, Severity severity) {
        Set<String> ids = new LinkedHashSet<>();
        match(zones.stream().map(g -> new Zone(null, g)).toList(), severity).forEach(m -> ids.add(m.subscriptionId()));
        return ids;
    }

    private STRtree tree() {
        STRtree current = snapshot;
        if (current == null) {
            synchronized (lock) {
                current = snapshot;
                if (current == null) {
                    current = new STRtree();
                    for (Subscription s : entries.values()) {
                        current.insert(s.geometry().getEnvelopeInternal(), s);
                    }
                    current.build();
                    snapshot = current;
                }
            }
        }
        return current;
    }

    /** Applies a subscription as it is now: active ones are added, any other state removes it. */
    void apply(Collection<Subscription> changed) {
        synchronized (lock) {
            boolean any = false;
            for (Subscription s : changed) {
                if (s.active()) {
                    any |= entries.putIfAbsent(s.id(), s) == null;
                } else {
                    any |= entries.remove(s.id()) != null;
                }
            }
            if (any) {
                snapshot = null;
            }
        }
    }

    void add(Subscription subscription) {
        apply(List.of(subscription));
    }

    void remove(String id) {
        synchronized (lock) {
            if (entries.remove(id) != null) {
                snapshot = null;
            }
        }
    }

    /** Replaces every entry by {@code active}; in place, never emptied, for readers without the lock. */
    void replaceAll(Collection<Subscription> active) {
        synchronized (lock) {
            Map<String, Subscription> byId = new HashMap<>();
            active.forEach(s -> byId.put(s.id(), s));
            entries.keySet().retainAll(byId.keySet());
            entries.putAll(byId);
            snapshot = null;
        }
    }

    int size() {
        return entries.size();
    }

    /** The entries among {@code ids}. */
    Map<String, Subscription> among(Collection<String> ids) {
        Map<String, Subscription> found = new HashMap<>();
        for (String id : ids) {
            Subscription s = entries.get(id);
            if (s != null) {
                found.put(id, s);
            }
        }
        return found;
    }
}
