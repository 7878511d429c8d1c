package org.steppewatch.incident.site;

import java.util.List;

import org.steppewatch.web.opendata.OpenDataList;

import com.fasterxml.jackson.annotation.JsonIgnore;

record SitePage(List<SiteView> items, int page, int size, long total) implements OpenDataList {

    static final String ATTRIBUTION = "Seeded sites: the Steppe Watch contamination compilation (facts from the "
            + "studies, reports and pages each site's sources name; GeoNames CC BY 4.0, Wikipedia CC BY-SA 4.0); "
            + "see DATA-SOURCES.md. Most points are town centroids: see coordinate_confidence and notes.";

    @Override
    @JsonIgnore
    public String dataset() {
        return "sites";
    }

    @Override
    @JsonIgnore
    public List<SiteView> rows() {
        return items;
    }

    @Override
    @JsonIgnore
    public List<String> attributions() {
        return items.stream().anyMatch(s -> s.history().stream().anyMatch(c -> SiteSeed.BY.equals(c.by())))
                ? List.of(ATTRIBUTION) : List.of();
    }
}
