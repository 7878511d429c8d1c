package org.steppewatch.incident.alert;

import java.util.LinkedHashMap;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.steppewatch.web.opendata.OpenDataRow;

/**
 * An incident's alert as open data, without a geometry: this read model keeps the settlements reached, not the
 * zones (notification-service's alerts list has them).
 */
record AlertRow(AlertSummary alert) implements OpenDataRow {

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("alertId", alert.alertId());
        columns.put("incidentId", alert.incidentId());
        columns.put("incidentVersion", alert.incidentVersion());
        columns.put("msgType", alert.msgType());
        columns.put("sent", alert.sent());
        columns.put("severity", alert.severity());
        columns.put("urgency", alert.urgency());
        columns.put("certainty", alert.certainty());
        columns.put("headline", alert.headline());
        columns.put("settlements", alert.settlementIds() == null ? 0 : alert.settlementIds().size());
        columns.put("settlementIds", alert.settlementIds());
        columns.put("recipients", alert.recipients());
        columns.put("state", alert.state());
        columns.put("cancelledAt", alert.cancelled() == null ? null : alert.cancelled().sent());
        columns.put("cancellationReason", alert.cancelled() == null ? null : alert.cancelled().reason());
        return columns;
    }

    @Override
    public Geometry geometry() {
        return null;
    }
}
