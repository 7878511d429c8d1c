package org.steppewatch.incident.site;

import java.util.List;

import org.locationtech.jts.geom.Geometry;

/** The body of POST /api/v1/sites; all boxed or text so the validator reports every problem at once. */
record SiteRequest(String id, Site.Names name, Geometry location, Geometry outline, String coordinateConfidence,
                   String region, List<String> pollutants, List<String> media, String status, String description,
                   String notes, List<String> sources) {
}
