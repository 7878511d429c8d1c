package org.steppewatch.notification.subscription;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.ZoneLevels;

/**
 * All active subscriptions, in memory ({@link SubscriptionAreas}), kept up with MongoDB whichever instance took the
 * change, and never matched while incomplete.
 *
 * <p>Every write that changes whether a subscription matches stamps it with the next number of one shared counter
 * ({@link SubscriptionStore#CHANGE}), taken just before the write. The index first loads every active subscription
 * (after reading the counter), then catches up before every match and every {@code index-refresh} (1 s): it reads
 * the counter, then every subscription stamped above a floor with a number it has not applied yet, and applies each
 * as it is now (active: in; deleted or otherwise: out). Numbers are taken in order but writes may commit out of order, so the floor lags: it is the
 * counter as it was at least {@link #OVERLAP} ago, less {@link #OVERLAP_CHANGES}. Why no committed subscription is
 * missed: a write that took number s at time a is in every catch-up until the floor passes s, which happens no
 * sooner than a + {@link #OVERLAP} (and 100 numbers later). {@link SubscriptionStore} stamps a write again when it
 * took longer than a third of that, and answers the request only after a stamped write that took less, so every
 * subscription whose creation (or deletion) the API has answered was committed well inside the window; a catch-up
 * runs at least every second and before every match, so the first match that starts after the answer sees it. The
 * catch-ups are serialised, so an older read never overwrites a newer one.
 *
 * <p>When the store cannot be read (before the first complete load, or a catch-up fails), {@link #match} throws
 * {@link TransientDataAccessResourceException}: the record is retried later, never matched against a part.
 */
@Component
public class SubscriptionIndex implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionIndex.class);
    /** How long after taking its number a write is still looked for. */
    static final Duration OVERLAP = Duration.ofSeconds(30);
    /** How many numbers taken after a write it is still looked for, besides {@link #OVERLAP}. */
    static final long OVERLAP_CHANGES = 100;

    private final SubscriptionStore store;
    private final Duration refreshEvery;
    private final SubscriptionAreas areas = new SubscriptionAreas();
    /** Serialises loads, catch-ups and this instance's own changes. */
    private final Object sync = new Object();
    /** The counter as read at catch-ups, oldest first: {value, System.nanoTime()}; the first one is the floor. */
    private final Deque<long[]> samples = new ArrayDeque<>();
    /** The change numbers above the floor already applied, with their subscription ids. */
    private final NavigableMap<Long, String> applied = new TreeMap<>();
    private volatile boolean loaded;
    private volatile ScheduledExecutorService refresher;

    SubscriptionIndex(SubscriptionStore store,
                      @Value("${steppewatch.subscriptions.index-refresh:1s}") Duration refreshEvery) {
        this.store = store;
        this.refreshEvery = refreshEvery;
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
     * Active subscriptions that want alerts of {@code severity} and whose area intersects the union of {@code zones},
     * each with the worst level of the zones reaching it; every subscription the API confirmed before this call is
     * among the candidates.
     *
     * @throws TransientDataAccessResourceException when the index cannot catch up with the store (MongoDB down, or
     *                                              not loaded yet): the caller must retry rather than match a part
     */
    public List<Match> match(Collection<Zone> zones, Severity severity) {
        catchUp();
        return areas.match(zones, severity);
    }

    /**
     * Active subscriptions to notices wanting {@code severity} whose area is near {@code point} (see
     * {@link SubscriptionAreas#near}); every subscription the API confirmed before this call is among the candidates.
     *
     * @throws TransientDataAccessResourceException as {@link #match}
     */
    public List<Match> near(Point point, double nearKm, double settlementKm, Severity severity) {
        catchUp();
        return areas.near(point, nearKm, settlementKm, severity);
    }

    /** Ids of the subscriptions {@link #match} finds, levels aside. */
    public Set<String> matching(Collection<Geometry> zones, Severity severity) {
        catchUp();
        return areas.matching(zones, severity);
    }

    /** Loads the index, or brings it up to what the store holds now. */
    void catchUp() {
        try {
            synchronized (sync) {
                if (!loaded) {
                    load();
                } else {
                    applyChanges();
                }
            }
        } catch (RuntimeException e) {
            throw new TransientDataAccessResourceException("the subscription index cannot read MongoDB ("
                    + e.getMessage() + "); try again later", e);
        }
    }

    /** Replaces the index with what MongoDB holds (after a bulk insert, say). */
    public void reload() {
        synchronized (sync) {
            load();
        }
    }

    private void load() {
        // read before the subscriptions: writes numbered up to here and committed late are caught up later
        long last = store.lastChange();
        areas.replaceAll(store.allActive());
        samples.clear();
        samples.addLast(new long[] {last, System.nanoTime()});
        applied.clear();
        loaded = true;
    }

    private void applyChanges() {
        long last = store.lastChange();
        long now = System.nanoTime();
        if (now - samples.peekLast()[1] >= TimeUnit.MILLISECONDS.toNanos(500)) {
            samples.addLast(new long[] {last, now});
        }
        // the floor: the newest sample at least OVERLAP old (or the oldest there is)
        long overlap = OVERLAP.toNanos();
        while (samples.size() > 1 && now - secondOf(samples)[1] >= overlap) {
            samples.removeFirst();
        }
        long floor = Math.min(samples.peekFirst()[0], last) - OVERLAP_CHANGES;
        // what is read: changes numbered above the highest applied, and the numbers in the window not seen yet
        // (taken by writes not committed at the last look, or superseded by a later change)
        long highest = applied.isEmpty() ? floor : Math.max(floor, applied.lastKey());
        List<Long> unseen = new ArrayList<>();
        for (long n = floor + 1; n <= highest; n++) {
            if (!applied.containsKey(n)) {
                unseen.add(n);
            }
        }
        List<SubscriptionStore.Change> changes = new ArrayList<>(store.changesAbove(highest));
        if (!unseen.isEmpty()) {
            changes.addAll(store.changesNumbered(unseen));
        }
        areas.apply(changes.stream().map(SubscriptionStore.Change::subscription).toList());
        changes.forEach(c -> applied.put(c.number(), c.subscription().id()));
        applied.headMap(floor, true).clear();
    }

    private static long[] secondOf(Deque<long[]> samples) {
        var it = samples.iterator();
        it.next();
        return it.next();
    }

    /** This instance's own change, in the index at once (the other instances catch up within a second). */
    void add(Subscription subscription) {
        synchronized (sync) {
            areas.add(subscription);
        }
    }

    void remove(String id) {
        synchronized (sync) {
            areas.remove(id);
        }
    }

    int size() {
        return areas.size();
    }

    /**
     * The active subscriptions among {@code ids} as this index holds them, so that the delivery worker reads no
     * subscription from the store for them. Subscriptions never change apart from their state; a deletion made
     * through any instance is out of the index within about a second. Ids missing here (pending, deleted, unknown)
     * are for the caller to look up.
     */
    public Map<String, Subscription> activeAmong(Collection<String> ids) {
        return areas.among(ids);
    }

    @Override
    public void start() {
        try {
            catchUp();
            log.info("subscription index loaded: {} active subscriptions", size());
        } catch (RuntimeException e) {
            // matching fails (the record is retried) until a catch-up manages the first load
            log.warn("could not load subscriptions at start, will retry: {}", e.toString());
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "subscription-index-catch-up");
            t.setDaemon(true);
            return t;
        });
        long millis = refreshEvery.toMillis();
        executor.scheduleWithFixedDelay(this::catchUpQuietly, millis, millis, TimeUnit.MILLISECONDS);
        refresher = executor;
    }

    private void catchUpQuietly() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            log.warn("subscription index catch-up failed, matching waits until one succeeds: {}", e.toString());
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
