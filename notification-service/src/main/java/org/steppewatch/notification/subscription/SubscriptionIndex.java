package org.steppewatch.notification.subscription;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * The areas of all active subscriptions, in memory, for matching alerts without geospatial
 * queries (the embedded MongoDB has none). Updated on create and delete, loaded at start and
 * reloaded now and then so that subscriptions made through another instance are seen too.
 */
@Component
public class SubscriptionIndex implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionIndex.class);

    private final SubscriptionStore store;
    private final Duration refreshEvery;
    private final Object lock = new Object();
    /** Mutated only under {@link #lock}; {@link #snapshot} is rebuilt from it after every change. */
    private final Map<String, Entry> entries = new HashMap<>();
    private volatile Snapshot snapshot;
    private volatile ScheduledExecutorService refresher;

    SubscriptionIndex(SubscriptionStore store,
                      @Value("${steppewatch.subscriptions.index-refresh:30s}") Duration refreshEvery) {
        this.store = store;
        this.refreshEvery = refreshEvery;
    }

    private record Entry(String id, Severity minSeverity, PreparedGeometry area) {
    }

    private record Snapshot(STRtree tree) {
    }

    /**
     * Ids of active subscriptions that want alerts of {@code severity} and whose area intersects
     * one of {@code zones}.
     *
     * @throws RuntimeException when the index could not be loaded yet (MongoDB down): the caller
     *                          must retry rather than match nobody
     */
    public Set<String> matching(Collection<Geometry> zones, Severity severity) {
        Snapshot current = snapshot;
        if (current == null) {
            reload();
            current = snapshot;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Geometry zone : zones) {
            if (zone == null || zone.isEmpty()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Entry> candidates = current.tree().query(zone.getEnvelopeInternal());
            for (Entry candidate : candidates) {
                if (severity.atLeast(candidate.minSeverity()) && !ids.contains(candidate.id())
                        && candidate.area().intersects(zone)) {
                    ids.add(candidate.id());
                }
            }
        }
        return ids;
    }

    void add(Subscription subscription) {
        synchronized (lock) {
            entries.put(subscription.id(), entry(subscription));
            rebuild();
        }
    }

    void remove(String id) {
        synchronized (lock) {
            if (entries.remove(id) != null) {
                rebuild();
            }
        }
    }

    /** Replaces the index with what MongoDB holds; under the lock so a concurrent add is not lost. */
    void reload() {
        synchronized (lock) {
            List<Subscription> active = store.allActive();
            entries.clear();
            active.forEach(s -> entries.put(s.id(), entry(s)));
            rebuild();
        }
    }

    int size() {
        return entries.size();
    }

    private static Entry entry(Subscription s) {
        return new Entry(s.id(), s.minSeverity(), PreparedGeometryFactory.prepare(s.geometry()));
    }

    private void rebuild() {
        STRtree tree = new STRtree();
        entries.values().forEach(e -> tree.insert(e.area().getGeometry().getEnvelopeInternal(), e));
        tree.build();
        snapshot = new Snapshot(tree);
    }

    @Override
    public void start() {
        try {
            reload();
            log.info("subscription index loaded: {} active subscriptions", size());
        } catch (RuntimeException e) {
            // matching() loads it on first use and fails (so the record is retried) until MongoDB answers
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
            reload();
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
