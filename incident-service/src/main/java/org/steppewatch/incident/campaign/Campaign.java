package org.steppewatch.incident.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.steppewatch.web.opendata.OpenDataRow;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A sampling campaign: who sampled, when, at which locations (each linked to a site or not). Results name the
 * campaign and one of its locations.
 */
record Campaign(String id, String name, String organisation, String siteId, LocalDate startedOn, LocalDate endedOn,
                List<Location> locations, String createdBy, Instant createdAt) implements OpenDataRow {

    /** A sampling location of the campaign: its id is unique within the campaign. */
    record Location(String id, String name, Geometry location, String siteId) {
    }

    Campaign withCreatedBy(String by) {
        return new Campaign(id, name, organisation, siteId, startedOn, endedOn, locations, by, createdAt);
    }

    @Override
    @JsonIgnore
    public Map<String, Object> columns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("name", name);
        c.put("organisation", organisation);
        c.put("site_id", siteId);
        c.put("started_on", startedOn);
        c.put("ended_on", endedOn);
        c.put("locations", String.join(";", locations.stream().map(l -> l.id() + " " + l.name()
                + (l.location() instanceof Point p ? " [" + p.getX() + ", " + p.getY() + "]" : "")).toList()));
        return c;
    }

    /** The first sampling location: a campaign's rows in GeoJSON are points. */
    @Override
    @JsonIgnore
    public Geometry geometry() {
        return locations.isEmpty() ? null : locations.get(0).location();
    }
}
