package org.steppewatch.notification.subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.ZoneLevels;

/**
 * All active subscriptions, in memory: their areas for matching alerts without geospatial queries
 * (the embedded MongoDB has none), and what the delivery worker needs to send to them. Updated on
 * create, confirm and delete, loaded at start and refreshed now and then so that subscriptions made
 * through another instance are seen too. The STR-tree is rebuilt lazily, at the first match after a
 * change, so adding many subscriptions costs one rebuild, not one each.
 */
@Component
public class SubscriptionIndex implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionIndex.class);

    private final SubscriptionStore store;
    private final Duration refreshEvery;
    private final Object lock = new Object();
    /**
     * Mutated only under {@link #lock} (read without it by {@link #activeAmong}); {@link #snapshot}
     * is rebuilt from it after a change.
     */
    private final Map<String, Subscription> entries = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot;
    private volatile boolean loaded;
    private volatile ScheduledExecutorService refresher;
    /** When the last (full or incremental) look at the store began. */
    private volatile Instant syncedFrom;
    /** Changes stamped by an instance whose clock is behind ours by up to this much are still seen. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    SubscriptionIndex(SubscriptionStore store,
                      @Value("${steppewatch.subscriptions.index-refresh:30s}") Duration refreshEvery) {
        this.store = store;
        this.refreshEvery = refreshEvery;
    }

    private record Snapshot(STRtree tree) {
    }

    /** A hazard zone of an alert: its level (any string, e.g. AEGL-3 or SCREENING) and its geometry. */
    public record Zone(String level, Geometry geometry) {
    }

    /**
     * A subscription an alert reaches.
     *
     * @param level the worst zone level reaching the subscription's area ({@link ZoneLevels})
     */
    public record Match(String subscriptionId, String language, String channelType, String level) {
    }

    /**
     * Active subscriptions that want alerts of {@code severity} and whose area intersects the union
     * of {@code zones}, each with the worst level of the zones reaching it.
     *
     * @throws RuntimeException when the index could not be loaded yet (MongoDB down): the caller
     *                          must retry rather than match nobody
     */
    public List<Match> match(Collection<Zone> zones, Severity severity) {
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
                if (!severity.atLeast(candidate.minSeverity())) {
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

    /** Ids of the subscriptions {@link #match} finds, levels aside. */
    public Set<String> matching(Collection<Geometry> zones, Severity severity) {
        Set<String> ids = new LinkedHashSet<>();
        match(zones.stream().map(g -> new Zone(null, g)).toList(), severity).forEach(m -> ids.add(m.subscriptionId()));
        return ids;
    }

    private STRtree tree() {
        if (!loaded) {
            reload();
        }
        Snapshot current = snapshot;
        if (current == null) {
            synchronized (lock) {
                current = snapshot;
                if (current == null) {
                    STRtree tree = new STRtree();
                    entries.values().forEach(s -> tree.insert(s.geometry().getEnvelopeInternal(), s));
                    tree.build();
                    current = new Snapshot(tree);
                    snapshot = current;
                }
            }
        }
        return current.tree();
    }

    void add(Subscription subscription) {
        synchronized (lock) {
            entries.put(subscription.id(), subscription);
            snapshot = null;
            // as before a failed start: the periodic refresh brings in what the store holds
            loaded = true;
        }
    }

    void remove(String id) {
        synchronized (lock) {
            if (entries.remove(id) != null) {
                snapshot = null;
            }
        }
    }

    /** Replaces the index with what MongoDB holds; under the lock so a concurrent add is not lost. */
    public void reload() {
        synchronized (lock) {
            Instant started = Instant.now();
            Map<String, Subscription> active = new HashMap<>();
            store.allActive().forEach(s -> active.put(s.id(), s));
            // replaced in place, never emptied, for readers without the lock
            entries.keySet().retainAll(active.keySet());
            entries.putAll(active);
            snapshot = null;
            loaded = true;
            syncedFrom = started;
        }
    }

    /**
     * Brings in what other instances changed: only subscriptions created, confirmed or deleted since
     * the last look (with a margin for clock skew between instances), so a refresh costs little
     * however many subscriptions there are.
     */
    void refresh() {
        Instant since = syncedFrom;
        if (since == null) {
            reload();
            return;
        }
        Instant started = Instant.now();
        List<Subscription> changed = store.changedSince(since.minus(CLOCK_SKEW));
        synchronized (lock) {
            boolean any = false;
            for (Subscription s : changed) {
                Subscription known = entries.get(s.id());
                if (s.active() && known == null) {
                    entries.put(s.id(), s);
                    any = true;
                } else if (!s.active() && known != null) {
                    entries.remove(s.id());
                    any = true;
                }
            }
            if (any) {
                snapshot = null;
            }
            syncedFrom = started;
        }
    }

    int size() {
        return entries.size();
    }

    /**
     * The active subscriptions among {@code ids} as this index holds them, so that the delivery
     * worker reads no subscription from the store for them. Subscriptions never change apart from
     * their state; a confirmation or deletion made here is in the index at once, one made through
     * another instance after the next refresh. Ids missing here (pending, deleted, unknown) are for
     * the caller to look up.
     */
    public Map<String, Subscription> activeAmong(Collection<String> ids) {
        Map<String, Subscription> found = new HashMap<>();
        for (String id : ids) {
            Subscription s = entries.get(id);
            if (s != null) {
                found.put(id, s);
            }
        }
        return found;
    }

    @Override
    public void start() {
        try {
            reload();
            log.info("subscription index loaded: {} active subscriptions", size());
        } catch (RuntimeException e) {
            // match() loads it on first use and fails (so the record is retried) until MongoDB answers
            log.warn("could not load subscriptions at start, will retry: {}", e.toString());
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "subscription-index-refresh");
            t.setDaemon(true);
            return t;
        });
        long millis = refreshEvery.toMillis();
        executor.scheduleWithFixedDelay(this::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
        refresher = executor;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("subscription index refresh failed, keeping the previous one: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = refresher;
        if (executor != null) {
            executor.shutdownNow();
            refresher = null;
        }
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }

    /** Before the Kafka listeners start, so the first assessment is matched against a loaded index. */
    @Override
    public int getPhase() {
        return 0;
    }
}
