package org.steppewatch.incident.facility;

import java.util.List;

import org.locationtech.jts.geom.Geometry;

/** The body of {@code POST /api/v1/facilities}: a facility to register, with its annual releases so far. */
record FacilityRequest(String id, String name, String operator, String activity, Geometry location, Boolean example,
                       String source, List<Release> releases) {

    /** One annual release: medium air, water or land; method M, C or E (or absent). */
    record Release(Integer year, String pollutant, String medium, Double amountKg, String method) {
    }
}
