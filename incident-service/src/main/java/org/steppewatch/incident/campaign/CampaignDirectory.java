package org.steppewatch.incident.campaign;

import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;

/** Which campaigns exist and their sampling locations: for results that name a campaign. */
public interface CampaignDirectory {

    /** The campaign's sampling locations by id (each a GeoJSON Point); empty when there is no such campaign. */
    Optional<Map<String, Geometry>> locations(String campaignId);
}
