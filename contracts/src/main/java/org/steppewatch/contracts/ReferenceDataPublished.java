package org.steppewatch.contracts;

import java.time.Instant;
import java.util.List;

import org.locationtech.jts.geom.Geometry;

/**
 * One chunk of one dataset of a published edition of the reference data, on {@link Topics#REFERENCE} (compacted).
 * An edition is every dataset ({@link #SETTLEMENTS}, {@link #DROP_ZONES}, {@link #AREAS_OF_CONCERN}), each cut into
 * chunks of at most about half a megabyte; the record key is {@code <dataset>:<chunk>}, so compaction keeps the
 * latest edition's chunk under each key. A consumer holds an edition once it has every chunk of every dataset with
 * the same {@code revision}, and never goes back to a lower revision.
 *
 * @param referenceDataVersion the content hash of the edition, as assessments carry it
 * @param revision             publication number, higher for every later publication (a revert publishes an older
 *                             content under a new revision): what consumers order editions by
 * @param dataset              one of {@link #SETTLEMENTS}, {@link #DROP_ZONES}, {@link #AREAS_OF_CONCERN}
 * @param datasetVersion       content hash of the whole dataset (all its chunks)
 * @param chunk                0-based index of this chunk within the dataset
 * @param chunks               how many chunks the dataset has in this revision (at least 1; an empty dataset is
 *                             one empty chunk)
 * @param settlements          the settlements of this chunk (dataset {@link #SETTLEMENTS}), else empty
 * @param zones                the zones of this chunk (the zone datasets), else empty
 */
public record ReferenceDataPublished(String referenceDataVersion, long revision, String dataset, String datasetVersion,
                                     int chunk, int chunks, List<Settlement> settlements, List<Zone> zones,
                                     Instant publishedAt) {

    public static final String SETTLEMENTS = "settlements";
    public static final String DROP_ZONES = "dropZones";
    public static final String AREAS_OF_CONCERN = "areasOfConcern";
    public static final List<String> DATASETS = List.of(SETTLEMENTS, DROP_ZONES, AREAS_OF_CONCERN);

    public ReferenceDataPublished {
        settlements = settlements == null ? List.of() : List.copyOf(settlements);
        zones = zones == null ? List.of() : List.copyOf(zones);
    }

    /**
     * A populated place. Its fields are listed here, not taken from any service's own class, so a field added
     * there changes nothing on the wire until it is added here (as an optional field).
     *
     * @param id             {@code gn:<GeoNames id>}, {@code sm:<SimpleMaps id>} or {@code dp:<domain point id>}
     * @param alternateNames other names the place goes by
     */
    public record Settlement(String id, String name, String nameRu, String nameKk, double lon, double lat,
                             long population, String source, String populationSource, List<String> alternateNames) {

        public Settlement {
            alternateNames = alternateNames == null ? List.of() : List.copyOf(alternateNames);
        }
    }

    /**
     * A drop zone or an area of concern.
     *
     * @param kind        {@code DROP_ZONE} or {@code AREA_OF_CONCERN}
     * @param description what the zone is (for drop zones: the stages that fall there)
     * @param geometry    GeoJSON Polygon or MultiPolygon
     * @param approximate the outline is reconstructed, not official
     */
    public record Zone(String id, String name, String kind, String description, Geometry geometry, boolean approximate,
                       String confidence, String source, String note) {
    }

    /** {@code <dataset>:<chunk>}: the compaction key. */
    public String key() {
        return key(dataset, chunk);
    }

    public static String key(String dataset, int chunk) {
        return dataset + ":" + chunk;
    }

    public String eventType() {
        return EventTypes.REFERENCE_PUBLISHED;
    }

    public String topic() {
        return Topics.REFERENCE;
    }
}
