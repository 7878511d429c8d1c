package org.steppewatch.analysis.reference;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.steppewatch.georef.Settlement;

/**
 * The reference data in use: the shipped files merged with what was imported into MongoDB, as one immutable
 * {@link ReferenceSnapshot}. An import writes MongoDB first, then rebuilds the snapshot from MongoDB and swaps
 * it in atomically; assessments take the snapshot once and use it throughout. Every change (an import, a revert)
 * is published on {@code reference.v1} for the other services ({@link ReferencePublisher}). Another instance's
 * import reaches this one through the same topic: an edition whose version differs from the one in use makes this
 * instance rebuild from MongoDB, where that import was stored before it was published ({@link ReferenceTopicCheck}).
 */
@Component
public class ReferenceData {

    private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);

    private final ImportedReferenceStore store;
    private final ReferencePublisher publisher;
    private final ShippedReference shipped;
    private final double nearbyKm;
    private final Clock clock;
    private final AtomicReference<ReferenceSnapshot> current = new AtomicReference<>();

    ReferenceData(ImportedReferenceStore store, ReferencePublisher publisher, Clock clock,
                  @Value("${steppewatch.analysis.fall-zone-nearby-km:" + FallZoneIndex.DEFAULT_NEARBY_KM + "}") double nearbyKm) {
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
        this.nearbyKm = nearbyKm;
        this.shipped = ShippedReference.load();
        rebuild();
    }

    /** The edition to assess with now. */
    public ReferenceSnapshot current() {
        return current.get();
    }

    /** Rebuilds the snapshot from the shipped files and MongoDB and swaps it in. */
    synchronized ReferenceSnapshot rebuild() {
        ImportedReferenceStore.Imported settlements = store.settlements();
        ImportedReferenceStore.StoredZones zones = store.zones().orElse(new ImportedReferenceStore.StoredZones(null, null));
        ReferenceSnapshot.Imports imports = new ReferenceSnapshot.Imports(settlements.settlements(), settlements.version(),
                zones(zones.dropZones()), zones.dropZones() == null ? null : ImportedReferenceStore.hash(zones.dropZones()),
                zones(zones.areasOfConcern()), zones.areasOfConcern() == null ? null : ImportedReferenceStore.hash(zones.areasOfConcern()));
        ReferenceSnapshot snapshot = ReferenceSnapshot.assemble(shipped, imports, nearbyKm);
        store.recordVersion(snapshot, clock.instant());
        current.set(snapshot);
        log.info("reference data {}: {} settlements, {} drop zones, {} areas of concern, {} substances", snapshot.version(),
                snapshot.settlements().size(), snapshot.dropZones().zones().size(), snapshot.areasOfConcern().zones().size(),
                snapshot.substances().size());
        return snapshot;
    }

    /** Stores the settlements (by id: repeating an import changes nothing), rebuilds and publishes. */
    synchronized ReferenceSnapshot importSettlements(List<Settlement> settlements) {
        store.upsertSettlements(settlements, clock.instant());
        return rebuildAndPublish();
    }

    synchronized ReferenceSnapshot removeImportedSettlements() {
        store.removeSettlements();
        return rebuildAndPublish();
    }

    /**
     * Replaces the imported zones of the kinds given (a JSON array of features, or null to keep what is there)
     * and rebuilds.
     */
    synchronized ReferenceSnapshot replaceZones(String dropZones, String areasOfConcern) {
        ImportedReferenceStore.StoredZones stored = store.zones().orElse(new ImportedReferenceStore.StoredZones(null, null));
        store.saveZones(new ImportedReferenceStore.StoredZones(dropZones != null ? dropZones : stored.dropZones(),
                areasOfConcern != null ? areasOfConcern : stored.areasOfConcern()), clock.instant());
        return rebuildAndPublish();
    }

    /** Forgets every imported zone: the shipped ones apply again. */
    synchronized ReferenceSnapshot resetZones() {
        store.removeZones();
        return rebuildAndPublish();
    }

    /**
     * Publishes the edition in use unless {@code reference.v1} holds it ({@code held}: the version of its newest
     * complete edition) or a publication of it still waits in the outbox. A crash between an import and its
     * publication is repaired here, at the next start. Rebuilt from MongoDB first: an import another instance made
     * since this one started is then in use here too, and is not undone by publishing what this one started with.
     */
    synchronized void publishUnlessHeld(Optional<String> held) {
        ReferenceSnapshot snapshot = rebuild();
        if (held.filter(snapshot.version()::equals).isPresent()) {
            log.info("reference.v1 holds the reference data in use, {}", snapshot.version());
        } else if (!publisher.waiting(snapshot)) {
            publisher.publish(snapshot);
        }
    }

    /** An edition of another version was published (by another instance): rebuild from what MongoDB holds now. */
    synchronized void follow(String publishedVersion) {
        if (!current().version().equals(publishedVersion)) {
            rebuild();
        }
    }

    /** Each change gets a revision of its own, even one that restores earlier content (a revert). */
    private ReferenceSnapshot rebuildAndPublish() {
        ReferenceSnapshot snapshot = rebuild();
        publisher.publish(snapshot);
        return snapshot;
    }

    private static List<ReferenceZone> zones(String features) {
        if (features == null) {
            return null;
        }
        ZoneGeoJson.Result read = ZoneGeoJson.read(
                ImportedReferenceStore.parse("{\"type\":\"FeatureCollection\",\"features\":" + features + "}"), "imported");
        if (!read.problems().isEmpty()) {
            throw new IllegalStateException("stored zones no longer read: " + read.problems());
        }
        return read.zones();
    }
}
