package org.steppewatch.incident.result;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.steppewatch.contracts.ResultJudged;
import org.steppewatch.contracts.ResultRecorded;
import org.steppewatch.incident.site.SiteSeed;
import org.steppewatch.web.opendata.OpenDataRow;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A result as GET shows it: the {@link ResultRecorded} fields and, once analysis-service judged it, the comparison
 * with every applicable limit and the notice it warrants. Who entered it only for signed-in users (or "seed").
 */
record ResultView(String resultId, String siteId, String campaignId, String locationId, Geometry location,
                  String substance, String medium, Double value, Double valueMax, String qualifier, Boolean detected,
                  Double detectionLimit, Double quantitationLimit, String unit, String basis, String statistic,
                  Integer sampleCount, LocalDate sampledFrom, LocalDate sampledTo, String method, String laboratory,
                  String source, String sourceStatus, String notes, String enteredBy, Instant recordedAt,
                  boolean judged, List<ResultJudged.LimitComparison> comparisons, ResultJudged.NoticeRating notice,
                  List<String> notChecked, Instant judgedAt) implements OpenDataRow {

    static ResultView of(ResultRecorded r, ResultJudged judged, boolean signedIn) {
        String by = signedIn || SiteSeed.BY.equals(r.enteredBy()) ? r.enteredBy() : null;
        return new ResultView(r.resultId(), r.siteId(), r.campaignId(), r.locationId(), r.location(), r.substance(),
                r.medium(), r.value(), r.valueMax(), r.qualifier(), r.detected(), r.detectionLimit(),
                r.quantitationLimit(), r.unit(), r.basis(), r.statistic(), r.sampleCount(), r.sampledFrom(),
                r.sampledTo(), r.method(), r.laboratory(), r.source(), r.sourceStatus(), r.notes(), by, r.recordedAt(),
                judged != null, judged == null ? List.of() : judged.comparisons(),
                judged == null ? null : judged.notice(), judged == null ? List.of() : judged.notChecked(),
                judged == null ? null : judged.judgedAt());
    }

    @Override
    @JsonIgnore
    public Map<String, Object> columns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("result_id", resultId);
        c.put("site_id", siteId);
        c.put("campaign_id", campaignId);
        c.put("location_id", locationId);
        c.put("lon", location instanceof Point p ? p.getX() : null);
        c.put("lat", location instanceof Point p ? p.getY() : null);
        c.put("substance", substance);
        c.put("medium", medium);
        c.put("qualifier", qualifier);
        c.put("value", value);
        c.put("value_max", valueMax);
        c.put("detected", detected);
        c.put("detection_limit", detectionLimit);
        c.put("quantitation_limit", quantitationLimit);
        c.put("unit", unit);
        c.put("basis", basis);
        c.put("statistic", statistic);
        c.put("sample_count", sampleCount);
        c.put("sampled_from", sampledFrom);
        c.put("sampled_to", sampledTo);
        c.put("method", method);
        c.put("laboratory", laboratory);
        c.put("source", source);
        c.put("source_status", sourceStatus);
        c.put("notes", notes);
        c.put("entered_by", enteredBy);
        c.put("recorded_at", recordedAt);
        c.put("judged", judged);
        c.put("above_limit_regimes", String.join(";", comparisons.stream()
                .filter(x -> x.regimeVerdict() && "ABOVE".equals(x.outcome())).map(ResultJudged.LimitComparison::regime)
                .distinct().toList()));
        c.put("highest_ratio", notice == null ? null : notice.highestRatio());
        c.put("notice_severity", notice == null ? null : notice.severity().name());
        return c;
    }

    @Override
    @JsonIgnore
    public Geometry geometry() {
        return location;
    }
}
