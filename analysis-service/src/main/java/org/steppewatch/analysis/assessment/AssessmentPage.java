package org.steppewatch.analysis.assessment;

import java.util.List;

import org.steppewatch.web.opendata.OpenDataList;

/** A page of assessments as {@code GET /api/v1/assessments} lists them; also downloadable as CSV and GeoJSON. */
record AssessmentPage(List<AssessmentListing> items, int page, int size, long total) implements OpenDataList {

    @Override
    public String dataset() {
        return "assessments";
    }

    @Override
    public List<AssessmentListing> rows() {
        return items;
    }
}
