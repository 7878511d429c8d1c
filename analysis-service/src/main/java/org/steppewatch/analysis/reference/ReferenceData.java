package org.steppewatch.analysis.reference;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.steppewatch.georef.Settlement;

/**
 * The reference data in use: the shipped files merged with what was imported into MongoDB, as one immutable
 * {@link ReferenceSnapshot}. An import writes MongoDB first, then rebuilds the snapshot from MongoDB and swaps
 * it in atomically; assessments take the snapshot once and use it throughout.
 * <p>
 * One instance's imports are seen by other instances of the service only when they restart (not done:
 * a periodic check of the stored editions).
 */
@Component
public class ReferenceData {

    private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);

    private final ImportedReferenceStore store;
    private final ShippedReference shipped;
    private final double nearbyKm;
    private final Clock clock;
    private final AtomicReference<ReferenceSnapshot> current = new AtomicReference<>();

    ReferenceData(ImportedReferenceStore store, Clock clock,
                  @Value("${steppewatch.analysis.fall-zone-nearby-km:" + FallZoneIndex.DEFAULT_NEARBY_KM + "}") double nearbyKm) {
        this.store = store;
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

    /** Stores the settlements (by id: repeating an import changes nothing) and rebuilds. */
    synchronized ReferenceSnapshot importSettlements(List<Settlement> settlements) {
        store.upsertSettlements(settlements, clock.instant());
        return rebuild();
    }

    synchronized ReferenceSnapshot removeImportedSettlements() {
        store.removeSettlements();
        return rebuild();
    }

    /**
     * Replaces the imported zones of the kinds given (a JSON array of features, or null to keep what is there)
     * and rebuilds.
     */
    synchronized ReferenceSnapshot replaceZones(String dropZones, String areasOfConcern) {
        ImportedReferenceStore.StoredZones stored = store.zones().orElse(new ImportedReferenceStore.StoredZones(null, null));
        store.saveZones(new ImportedReferenceStore.StoredZones(dropZones != null ? dropZones : stored.dropZones(),
                areasOfConcern != null ? areasOfConcern : stored.areasOfConcern()), clock.instant());
        return rebuild();
    }

    /** Forgets every imported zone: the shipped ones apply again. */
    synchronized ReferenceSnapshot resetZones() {
        store.removeZones();
        return rebuild();
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
