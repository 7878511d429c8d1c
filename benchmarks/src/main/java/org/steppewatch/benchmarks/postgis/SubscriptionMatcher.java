package org.steppewatch.benchmarks.postgis;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.steppewatch.contracts.ZoneLevels;

/**
 * The in-memory side of "subscriptions whose area meets a set of zones": the algorithm of notification-service's
 * SubscriptionAreas.match, replicated because that class is package-private in a Spring Boot service the
 * benchmarks module does not depend on. An STR-tree of the areas' envelopes; each zone prepared once, most severe
 * first, tested against the candidates its envelope finds; a subscription already matched at a level at least as
 * bad is not tested again. Left out: the per-subscription checks of channel and minimum severity (every synthetic
 * subscription wants every alert), which test no geometry.
 */
final class SubscriptionMatcher {

    private final STRtree tree = new STRtree();

    SubscriptionMatcher(Collection<Dataset.Area> areas) {
        for (Dataset.Area area : areas) {
            tree.insert(area.geometry().getEnvelopeInternal(), area);
        }
        tree.build();
    }

    /** Subscription id to the worst level of the zones its area meets. */
    Map<Integer, String> match(List<Dataset.Zone> zones) {
        Map<Integer, String> matches = new HashMap<>();
        for (Dataset.Zone zone : zones) {
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(zone.geometry());
            @SuppressWarnings("unchecked")
            List<Dataset.Area> candidates = tree.query(zone.geometry().getEnvelopeInternal());
            for (Dataset.Area candidate : candidates) {
                String known = matches.get(candidate.id());
                if (known != null && !ZoneLevels.worse(zone.level(), known)) {
                    continue;
                }
                if (prepared.intersects(candidate.geometry())) {
                    matches.put(candidate.id(), zone.level());
                }
            }
        }
        return matches;
    }
}
