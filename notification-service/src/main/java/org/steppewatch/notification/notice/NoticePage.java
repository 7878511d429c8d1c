package org.steppewatch.notification.notice;

import java.util.List;

import org.steppewatch.web.opendata.OpenDataList;

/** {@code GET /api/v1/notices}: notices newest first, a page at a time; downloadable as CSV and GeoJSON. */
record NoticePage(List<NoticeView> items, int page, int size, long total) implements OpenDataList {

    @Override
    public String dataset() {
        return "notices";
    }

    @Override
    public List<NoticeView> rows() {
        return items;
    }
}
