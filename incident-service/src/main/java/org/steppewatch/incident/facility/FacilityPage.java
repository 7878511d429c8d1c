package org.steppewatch.incident.facility;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.steppewatch.web.opendata.OpenDataList;
import org.steppewatch.web.opendata.OpenDataRow;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A page of facilities. As open data (CSV, GeoJSON) it has one row per facility and release, the facility's point
 * as geometry; a facility without releases gives one row with empty release columns.
 */
record FacilityPage(List<FacilityResponse> items, int page, int size, long total) implements OpenDataList {

    static final String EXAMPLES = "Rows with example=true are illustrative figures made up for the demonstration, "
            + "not real reports; they are placed at town coordinates from GeoNames (geonames.org), CC BY 4.0.";
    static final String THRESHOLDS = "Thresholds: E-PRTR Regulation (EC) No 166/2006, Annex II (reporting thresholds, "
            + "not limit values).";

    @Override
    @JsonIgnore
    public String dataset() {
        return "facilities";
    }

    @Override
    @JsonIgnore
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (FacilityResponse facility : items) {
            if (facility.releases().isEmpty()) {
                rows.add(Row.of(facility, null));
            }
            facility.releases().forEach(release -> rows.add(Row.of(facility, release)));
        }
        return rows;
    }

    @Override
    @JsonIgnore
    public List<String> attributions() {
        List<String> attributions = new ArrayList<>();
        if (items.stream().anyMatch(FacilityResponse::example)) {
            attributions.add(EXAMPLES);
        }
        if (items.stream().flatMap(f -> f.releases().stream()).anyMatch(FacilityRelease::judged)) {
            attributions.add(THRESHOLDS);
        }
        return attributions;
    }

    /** One facility × release, flat. */
    record Row(Map<String, Object> columns, Geometry geometry) implements OpenDataRow {

        static Row of(FacilityResponse f, FacilityRelease r) {
            Map<String, Object> columns = new LinkedHashMap<>();
            Point point = (Point) f.location();
            columns.put("id", f.id());
            columns.put("name", f.name());
            columns.put("operator", f.operator());
            columns.put("activity", f.activity());
            columns.put("example", f.example());
            columns.put("source", f.source());
            columns.put("version", f.version());
            columns.put("lon", point.getX());
            columns.put("lat", point.getY());
            columns.put("year", r == null ? null : r.year());
            columns.put("pollutant", r == null ? null : r.pollutant());
            columns.put("medium", r == null ? null : r.medium());
            columns.put("amountKg", r == null ? null : r.amountKg());
            columns.put("method", r == null ? null : r.method());
            columns.put("judged", r == null ? null : r.judged());
            columns.put("thresholdKg", r == null ? null : r.thresholdKg());
            columns.put("factor", r == null ? null : r.factor());
            columns.put("aboveThreshold", r == null ? null : r.aboveThreshold());
            columns.put("thresholdSource", r == null ? null : r.thresholdSource());
            return new Row(columns, point);
        }
    }
}
