package org.steppewatch.notification.notice;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.steppewatch.contracts.GeoJsonModule;
import org.steppewatch.contracts.Severity;
import org.steppewatch.web.opendata.OpenDataRow;

/**
 * A contamination notice as the API, the webhooks ({@code data} of {@code notice.issued}) and the open-data files
 * show it. A notice never changes once issued: no Update or Cancel follows it.
 *
 * @param location     where the result was taken (GeoJSON Point)
 * @param severity     from the result's NoticeRating (docs/assessment.md, ContaminationRating)
 * @param highestRatio the highest ratio among the regimes' verdicts, with its {@code regime}
 * @param severityRule the row of the rule that gave the severity
 * @param headline     the English headline; {@code texts} has all three languages
 * @param recipients   how many subscriptions it was addressed to
 * @param deliveries   how many of its deliveries are in each state: in {@code GET /api/v1/notices/{id}} only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record NoticeView(String id, String resultId, String siteId, Map<String, Object> location, String substance,
                  String medium, Severity severity, String urgency, String certainty, String category, String msgType,
                  double highestRatio, String regime, String severityRule, Instant sent, String headline,
                  Map<String, Text> texts, int recipients, String capUrl, Map<String, Long> deliveries)
        implements OpenDataRow {

    record Text(String headline, String description, String instruction) {
    }

    NoticeView withDeliveries(Map<String, Long> counts) {
        return new NoticeView(id, resultId, siteId, location, substance, medium, severity, urgency, certainty, category,
                msgType, highestRatio, regime, severityRule, sent, headline, texts, recipients, capUrl, counts);
    }

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> columns = new LinkedHashMap<>();
        Geometry point = geometry();
        columns.put("id", id);
        columns.put("resultId", resultId);
        columns.put("siteId", siteId);
        columns.put("substance", substance);
        columns.put("medium", medium);
        columns.put("severity", severity == null ? null : severity.cap());
        columns.put("highestRatio", highestRatio);
        columns.put("regime", regime);
        columns.put("sent", sent);
        columns.put("headline", headline);
        columns.put("recipients", recipients);
        columns.put("longitude", point instanceof Point p ? p.getX() : null);
        columns.put("latitude", point instanceof Point p ? p.getY() : null);
        columns.put("capUrl", capUrl);
        return columns;
    }

    @Override
    public Geometry geometry() {
        return location == null ? null : GeoJsonModule.read(new org.bson.Document(location).toJson());
    }
}
