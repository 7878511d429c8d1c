package org.steppewatch.incident.campaign;

import java.time.LocalDate;
import java.util.List;

import org.locationtech.jts.geom.Geometry;

/** The body of POST /api/v1/campaigns. */
record CampaignRequest(String name, String organisation, String siteId, LocalDate startedOn, LocalDate endedOn,
                       List<Location> locations) {

    record Location(String id, String name, Geometry location, String siteId) {
    }
}
