package org.steppewatch.analysis.finding;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.steppewatch.analysis.assessment.LimitJudgement;
import org.steppewatch.analysis.substance.SubstanceTable;
import org.steppewatch.analysis.substance.Units;
import org.steppewatch.contracts.IncidentFacts.Sample;
import org.steppewatch.contracts.ResultJudged;
import org.steppewatch.contracts.ResultJudged.LimitComparison;
import org.steppewatch.contracts.ResultRecorded;

/**
 * Judges a recorded result with the comparison an assessment makes of an incident's samples ({@link LimitJudgement}).
 * A result is read as one sample; how a published summary becomes one:
 * <ul>
 * <li><b>A range</b> ({@code valueMax} set, statistic RANGE and its kin): the upper end is compared, and each row says
 *     so; the range's lower end (even when qualified {@code <}) does not change that.</li>
 * <li><b>{@code <} with a value</b>: an upper bound, compared like a non-detect whose detection limit is that value
 *     (never an exceedance; within only when the bound is).</li>
 * <li><b>{@code >} or {@code >=}</b>: a lower bound; above a limit it is an exceedance, but within one it shows
 *     nothing, so such a row is not compared.</li>
 * <li><b>A unit that is no concentration</b> (a multiple of the MPC as published, tonnes of an inventory, a share of
 *     samples): nothing is compared, and {@code notChecked} says why.</li>
 * </ul>
 * The limits in force are those of the last day of sampling, else the first, else the day it was recorded.
 */
final class ResultJudging {

    static final String UPPER_BOUND = "<";

    private ResultJudging() {
    }

    static ResultJudged judge(ResultRecorded result, SubstanceTable substances, Instant now) {
        String notComparable = notAConcentration(result.unit());
        if (notComparable != null) {
            return judged(result, List.of(), null, List.of(what(result) + " (" + notComparable + ")"), substances, now);
        }
        String qualifier = result.qualifier() == null ? "" : result.qualifier().strip();
        boolean range = result.valueMax() != null;
        boolean upperBound = !range && UPPER_BOUND.equals(qualifier) && result.value() != null;
        boolean lowerBound = !range && (qualifier.equals(">") || qualifier.equals(">=")) && result.value() != null;
        boolean detected = result.isDetected() && !upperBound;
        Double value = range ? result.valueMax() : upperBound ? null : result.value();
        Double detectionLimit = upperBound ? result.value() : result.detectionLimit();
        Sample sample = new Sample(result.substance(), result.medium(), value, result.unit(), result.location(), null,
                detected, detectionLimit);
        LimitJudgement judgement = LimitJudgement.of(sample, day(result, now), substances);
        String prefix = range ? "the upper end of the range " + number(result.value()) + "–" + number(result.valueMax()) + " "
                + result.unit() + " is compared: "
                : upperBound ? "reported as < " + number(result.value()) + " " + result.unit()
                        + ", read as a non-detect with that upper bound: "
                : lowerBound ? "reported as " + qualifier + " " + number(result.value()) + " " + result.unit() + ", a lower bound: "
                : qualifier.isEmpty() ? "" : "reported as " + qualifier + " " + number(result.value()) + " " + result.unit() + ": ";
        List<LimitComparison> rows = judgement.comparisons().stream()
                .map(c -> lowerBound && "WITHIN".equals(c.outcome()) ? lowerBoundWithin(c) : c)
                .map(c -> prefix.isEmpty() ? c : stated(c, prefix + c.statement())).toList();
        return judged(result, rows, judgement.notice(), judgement.notChecked(), substances, now);
    }

    private static ResultJudged judged(ResultRecorded result, List<LimitComparison> rows, ResultJudged.NoticeRating notice,
                                       List<String> notChecked, SubstanceTable substances, Instant now) {
        return new ResultJudged(result.resultId(), result.siteId(), result.location(), result.substance(), result.medium(),
                result.sampledFrom(), result.sampledTo(), rows, notice, notChecked, substances.version(), now);
    }

    /** Why a unit is no concentration or activity a limit could be compared with, or null when it is one. */
    static String notAConcentration(String unit) {
        if (unit == null || unit.isBlank()) {
            return "no unit given";
        }
        if (Units.of(unit).isPresent()) {
            return null;
        }
        String u = unit.strip();
        if (u.toUpperCase(Locale.ROOT).startsWith("X_") || u.toUpperCase(Locale.ROOT).startsWith("X ")) {
            return "'" + u + "' is a multiple of a limit as the source published it, not a concentration";
        }
        if (u.startsWith("%")) {
            return "'" + u + "' is a share, not a concentration";
        }
        if (u.equals("t") || u.equals("kg") || u.equals("g")) {
            return "'" + u + "' is a mass (an inventory), not a concentration";
        }
        return "'" + u + "' is not a unit of concentration or activity that the limits can be compared with";
    }

    private static LimitComparison lowerBoundWithin(LimitComparison c) {
        String why = "a lower bound within the limit shows neither compliance nor an exceedance";
        return new LimitComparison(c.regime(), c.limitMedium(), c.limit(), c.limitUnit(), c.basis(), c.appliesTo(),
                c.comparedValue(), null, "NOT_COMPARED", false, c.acute(), "not compared: " + why, c.limitSource(),
                c.legalInstrument(), c.limitStatus(), c.limitConfidence(), c.conversionNote(), why);
    }

    private static LimitComparison stated(LimitComparison c, String statement) {
        return new LimitComparison(c.regime(), c.limitMedium(), c.limit(), c.limitUnit(), c.basis(), c.appliesTo(),
                c.comparedValue(), c.ratio(), c.outcome(), c.regimeVerdict(), c.acute(), statement, c.limitSource(),
                c.legalInstrument(), c.limitStatus(), c.limitConfidence(), c.conversionNote(), c.notComparedReason());
    }

    private static LocalDate day(ResultRecorded result, Instant now) {
        if (result.sampledTo() != null) {
            return result.sampledTo();
        }
        if (result.sampledFrom() != null) {
            return result.sampledFrom();
        }
        return LocalDate.ofInstant(result.recordedAt() != null ? result.recordedAt() : now, ZoneOffset.UTC);
    }

    private static String what(ResultRecorded result) {
        return String.valueOf(result.substance()).toUpperCase(Locale.ROOT) + " in " + String.valueOf(result.medium()).toUpperCase(Locale.ROOT);
    }

    private static String number(Double value) {
        return value == null ? "?" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
