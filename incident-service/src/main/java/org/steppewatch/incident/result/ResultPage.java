package org.steppewatch.incident.result;

import java.util.List;

import org.steppewatch.incident.site.SiteSeed;
import org.steppewatch.web.opendata.OpenDataList;

import com.fasterxml.jackson.annotation.JsonIgnore;

record ResultPage(List<ResultView> items, int page, int size, long total) implements OpenDataList {

    static final String ATTRIBUTION = "Results entered by \"seed\" are published values (mostly summaries: means, "
            + "maxima, ranges) from the studies and reports their source column names, compiled for Steppe Watch; "
            + "see DATA-SOURCES.md.";

    @Override
    @JsonIgnore
    public String dataset() {
        return "results";
    }

    @Override
    @JsonIgnore
    public List<ResultView> rows() {
        return items;
    }

    @Override
    @JsonIgnore
    public List<String> attributions() {
        return items.stream().anyMatch(r -> SiteSeed.BY.equals(r.enteredBy())) ? List.of(ATTRIBUTION) : List.of();
    }
}
