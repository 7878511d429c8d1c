package org.steppewatch.incident.result;

import java.time.LocalDate;

import org.locationtech.jts.geom.Geometry;

/**
 * The body of POST /api/v1/results, and one row of an import. Boxed and text so the validator reports every
 * problem at once. {@code detected: false} with a {@code detectionLimit} and no value is a non-detect.
 */
record ResultRequest(String siteId, String campaignId, String locationId, Geometry location, String substance,
                     String medium, Double value, Boolean detected, Double detectionLimit, Double quantitationLimit,
                     String unit, String basis, String method, String laboratory, LocalDate sampledOn, String notes) {
}
