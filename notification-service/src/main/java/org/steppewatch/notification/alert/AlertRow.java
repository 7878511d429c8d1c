package org.steppewatch.notification.alert;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.locationtech.jts.geom.Geometry;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.GeoJsonModule;
import org.steppewatch.web.opendata.Areas;
import org.steppewatch.web.opendata.OpenDataRow;

/** An alert as open data: its figures, and the area of its hazard zones (none for an alert without zones, e.g. a Cancel). */
record AlertRow(AlertView alert) implements OpenDataRow {

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", alert.id());
        columns.put("incidentId", alert.incidentId());
        columns.put("incidentVersion", alert.incidentVersion());
        columns.put("msgType", alert.msgType());
        columns.put("sent", alert.sent());
        columns.put("expires", alert.expires());
        columns.put("status", alert.status());
        columns.put("severity", alert.severity());
        columns.put("urgency", alert.urgency());
        columns.put("certainty", alert.certainty());
        columns.put("category", alert.category());
        columns.put("responseType", alert.responseType());
        columns.put("headline", alert.headline());
        columns.put("hazardZones", alert.hazardZones() == null ? 0 : alert.hazardZones().size());
        columns.put("settlements", alert.settlementIds() == null ? 0 : alert.settlementIds().size());
        columns.put("settlementIds", alert.settlementIds());
        columns.put("recipients", alert.recipients());
        columns.put("references", alert.references());
        columns.put("supersededBy", alert.supersededBy());
        columns.put("cancelledBy", alert.cancelledBy());
        columns.put("capUrl", alert.capUrl());
        return columns;
    }

    @Override
    public Geometry geometry() {
        if (alert.hazardZones() == null) {
            return null;
        }
        // the view keeps each zone as GeoJSON
        return Areas.union(alert.hazardZones().stream().map(AlertView.Zone::geometry).filter(Objects::nonNull)
                .map(g -> GeoJsonModule.read(EventJson.mapper().writeValueAsString(g))).toList());
    }
}
