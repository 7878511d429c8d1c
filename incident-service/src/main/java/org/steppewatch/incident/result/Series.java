package org.steppewatch.incident.result;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.steppewatch.contracts.ResultJudged;
import org.steppewatch.contracts.ResultRecorded;
import org.steppewatch.units.SampleUnit;
import org.steppewatch.units.SampleUnits;

/**
 * One site's results of one substance in one medium, in time order, each with its comparisons; the limits as lines
 * in the series unit; the trend of the dated single results.
 *
 * @param unit the unit most of the results are in (the first such when tied); values in other units of the same
 *             quantity are converted (JSR 385), the others have no series value
 */
record Series(String siteId, String substance, String medium, String unit, List<Value> results, List<LimitLine> limits,
              Trend trend) {

    /** A result in the series. {@code seriesValue} and {@code seriesDetectionLimit} in the series unit, or null. */
    record Value(String resultId, LocalDate sampledFrom, LocalDate sampledTo, Double value, Double valueMax,
                 String qualifier, boolean detected, Double detectionLimit, String unit, Double seriesValue,
                 Double seriesDetectionLimit, String statistic, Integer sampleCount, String laboratory, String method,
                 String source, String sourceStatus, boolean judged, List<ResultJudged.LimitComparison> comparisons,
                 ResultJudged.NoticeRating notice) {
    }

    /** A limit value some judgement compared with, in the series unit ({@code limitUnit}: as the limit table gives it). */
    record LimitLine(String regime, double limit, String unit, String limitMedium, String basis, String appliesTo,
                     boolean acute, String source, String legalInstrument, String limitStatus, String limitConfidence,
                     double limitAsGiven, String limitUnit) {
    }

    static Series of(String siteId, String substance, String medium, List<ResultRecorded> results,
                     Map<String, ResultJudged> judgements) {
        String unit = seriesUnit(results);
        Optional<SampleUnit> to = unit == null ? Optional.empty() : SampleUnits.of(unit);
        List<Value> values = new ArrayList<>();
        List<Trend.Point> points = new ArrayList<>();
        for (ResultRecorded r : results) {
            ResultJudged judged = judgements.get(r.resultId());
            Double seriesValue = convert(r.value(), r.unit(), to);
            Double seriesLimit = convert(r.detectionLimit(), r.unit(), to);
            values.add(new Value(r.resultId(), r.sampledFrom(), r.sampledTo(), r.value(), r.valueMax(), r.qualifier(),
                    r.isDetected(), r.detectionLimit(), r.unit(), seriesValue, seriesLimit, r.statistic(),
                    r.sampleCount(), r.laboratory(), r.method(), r.source(), r.sourceStatus(), judged != null,
                    judged == null ? List.of() : judged.comparisons(), judged == null ? null : judged.notice()));
            if (ResultService.SINGLE.equals(r.statistic()) && r.sampledFrom() != null
                    && (r.isDetected() ? seriesValue != null : seriesLimit != null)) {
                points.add(new Trend.Point(r.sampledFrom(), r.isDetected() ? seriesValue : null));
            }
        }
        return new Series(siteId, substance, medium, unit, values, limits(judgements.values(), to),
                Trend.of(points, unit));
    }

    /** The unit of the vocabulary most results are written in; when none is, the most frequent as written. */
    private static String seriesUnit(List<ResultRecorded> results) {
        Function<List<String>, String> mostFrequent = units -> units.stream()
                .collect(Collectors.groupingBy(u -> u, LinkedHashMap::new, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        List<String> known = results.stream().map(ResultRecorded::unit).filter(u -> u != null)
                .flatMap(u -> SampleUnits.of(u).stream()).map(SampleUnit::symbol).toList();
        return known.isEmpty() ? mostFrequent.apply(results.stream().map(ResultRecorded::unit).filter(u -> u != null)
                .toList()) : mostFrequent.apply(known);
    }

    private static Double convert(Double value, String unit, Optional<SampleUnit> to) {
        if (value == null || unit == null || to.isEmpty()) {
            return null;
        }
        return SampleUnits.of(unit).filter(from -> from.quantity() == to.get().quantity())
                .map(from -> from.convert(value, to.get())).orElse(null);
    }

    /** Each distinct limit value the judgements compared with, once, in the series unit; by regime and value. */
    private static List<LimitLine> limits(Iterable<ResultJudged> judgements, Optional<SampleUnit> to) {
        Set<LimitLine> lines = new LinkedHashSet<>();
        for (ResultJudged judged : judgements) {
            for (ResultJudged.LimitComparison c : judged.comparisons()) {
                Double limit = convert(c.limit(), c.limitUnit(), to);
                if (limit != null) {
                    lines.add(new LimitLine(c.regime(), limit, to.get().symbol(), c.limitMedium(), c.basis(),
                            c.appliesTo(), c.acute(), c.limitSource(), c.legalInstrument(), c.limitStatus(),
                            c.limitConfidence(), c.limit(), c.limitUnit()));
                }
            }
        }
        return lines.stream().sorted(Comparator.comparing(LimitLine::regime).thenComparingDouble(LimitLine::limit))
                .toList();
    }
}
