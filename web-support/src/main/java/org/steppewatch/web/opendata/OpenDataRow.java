package org.steppewatch.web.opendata;

import java.util.Map;

import org.locationtech.jts.geom.Geometry;

/** One row of an {@link OpenDataList}: flat columns for CSV (and GeoJSON properties), and a geometry for GeoJSON. */
public interface OpenDataRow {

    /**
     * The row's columns in order (a {@link java.util.LinkedHashMap}): names stable, values plain (text, numbers,
     * booleans, dates, or null); no nested objects: a list becomes one text value joined by {@code ;}.
     */
    Map<String, Object> columns();

    /** Its geometry in WGS 84 (a point, a zone), or null when it has none (a GeoJSON feature with null geometry). */
    Geometry geometry();
}
