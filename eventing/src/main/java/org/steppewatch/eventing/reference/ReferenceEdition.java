package org.steppewatch.eventing.reference;

import java.time.Instant;
import java.util.List;

import org.steppewatch.contracts.ReferenceDataPublished;

/**
 * One complete edition of the reference data as published on {@code reference.v1}: every dataset, whole.
 *
 * @param revision             publication number; a higher one is newer, whatever its content
 * @param referenceDataVersion the edition's content hash, as assessments carry it
 */
public record ReferenceEdition(long revision, String referenceDataVersion, List<ReferenceDataPublished.Settlement> settlements,
                               List<ReferenceDataPublished.Zone> dropZones, List<ReferenceDataPublished.Zone> areasOfConcern,
                               Instant publishedAt) {

    public ReferenceEdition {
        settlements = List.copyOf(settlements);
        dropZones = List.copyOf(dropZones);
        areasOfConcern = List.copyOf(areasOfConcern);
    }
}
