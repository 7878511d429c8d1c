package org.steppewatch.incident.incident;

import java.util.List;

import org.steppewatch.web.opendata.OpenDataList;

/** A page of incidents; also downloadable as CSV and GeoJSON (one row per incident, see {@link IncidentResponse#columns()}). */
record IncidentPage(List<IncidentResponse> items, int page, int size, long total) implements OpenDataList {

    @Override
    public String dataset() {
        return "incidents";
    }

    @Override
    public List<IncidentResponse> rows() {
        return items;
    }
}
