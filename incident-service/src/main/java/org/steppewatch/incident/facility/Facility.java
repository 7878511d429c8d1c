package org.steppewatch.incident.facility;

import java.time.Instant;
import java.util.List;

import org.locationtech.jts.geom.Point;
import org.steppewatch.contracts.FacilityReported;

/**
 * A polluting facility as stored: its register entry, its annual releases (each with the judgement against the
 * E-PRTR threshold once analysis-service sent one) and the version of the facility last judged.
 *
 * @param judgedVersion the facility version whose judgement the releases carry; 0 before any
 */
record Facility(String id, long version, String name, String operator, String activity, Point location,
                boolean example, String source, List<FacilityRelease> releases, Instant reportedAt,
                Instant updatedAt, long judgedVersion) {

    Facility {
        releases = List.copyOf(releases);
    }

    /** The event announcing this version: the whole current record, without judgements (they are not ours). */
    FacilityReported reported(String reportedBy, Instant at) {
        return new FacilityReported(id, version, name, operator, activity, location, example, source,
                releases.stream().map(FacilityRelease::annual).toList(), reportedBy, at);
    }
}
