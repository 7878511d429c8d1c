package org.steppewatch.incident.facility;

import java.util.List;

import org.locationtech.jts.geom.Geometry;

/**
 * A facility as the API shows it, {@code example} always present: an illustrative record is labelled wherever it
 * shows. Who recorded it is not public.
 */
record FacilityResponse(String id, String name, String operator, String activity, Geometry location, boolean example,
                        String source, long version, List<FacilityRelease> releases) {

    static FacilityResponse of(Facility f) {
        return of(f, f.releases());
    }

    static FacilityResponse of(Facility f, List<FacilityRelease> releases) {
        return new FacilityResponse(f.id(), f.name(), f.operator(), f.activity(), f.location(), f.example(), f.source(),
                f.version(), releases);
    }
}
