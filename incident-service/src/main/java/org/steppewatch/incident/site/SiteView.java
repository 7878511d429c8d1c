package org.steppewatch.incident.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.steppewatch.web.opendata.OpenDataRow;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A site as GET shows it: what is stored, with how many results it holds per substance and medium. */
record SiteView(String id, Site.Names name, Geometry location, Geometry outline, String coordinateConfidence,
                String region, List<String> pollutants, List<String> media, String status, String description,
                String notes, List<String> sources, List<Site.Change> history, long resultCount,
                List<SeriesCount> series) implements OpenDataRow {

    static SiteView of(Site site, List<SeriesCount> series) {
        return new SiteView(site.id(), site.name(), site.location(), site.outline(), site.coordinateConfidence(),
                site.region(), site.pollutants(), site.media(), site.status(), site.description(), site.notes(),
                site.sources(), site.history(), series.stream().mapToLong(SeriesCount::count).sum(), series);
    }

    @Override
    @JsonIgnore
    public Map<String, Object> columns() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", id);
        columns.put("name_en", name == null ? null : name.en());
        columns.put("name_ru", name == null ? null : name.ru());
        columns.put("name_kk", name == null ? null : name.kk());
        columns.put("lon", location instanceof Point p ? p.getX() : null);
        columns.put("lat", location instanceof Point p ? p.getY() : null);
        columns.put("coordinate_confidence", coordinateConfidence);
        columns.put("region", region);
        columns.put("pollutants", String.join(";", pollutants));
        columns.put("media", String.join(";", media));
        columns.put("status", status);
        columns.put("description", description);
        columns.put("notes", notes);
        columns.put("sources", String.join(";", sources));
        columns.put("result_count", resultCount);
        return columns;
    }

    @Override
    @JsonIgnore
    public Geometry geometry() {
        return outline != null ? outline : location;
    }
}
